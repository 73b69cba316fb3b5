import { graphql } from '../../../gql';

/** The reference declines to answer, optionally saying why. */
export const declineReferenceMutation = graphql(`
  mutation DeclineReference($token: String!, $reason: String) {
    declineReference(token: $token, reason: $reason)
  }
`);
