import { graphql } from '../../../gql';

/** Selects `CurrentUser`, as `Me` does, so the answer can replace `me` in the cache. */
export const verifyEmailMutation = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token) {
      ...CurrentUser
    }
  }
`);
