import { graphql } from '../../../gql';

/** Replaces the reviewer's declared expertise. */
export const declareExpertiseMutation = graphql(`
  mutation DeclareExpertise($capabilities: [String!]!) {
    declareExpertise(capabilities: $capabilities)
  }
`);
