import { graphql } from '../../../gql';

/** Selects the same fields as `Me`, so the answer can replace `me` in the cache. */
export const verifyEmailMutation = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token) {
      id
      email
      displayName
      platformRoles
      emailVerified
      memberships {
        role
        organization {
          id
          name
          slug
          kind
          website
          createdAt
        }
      }
    }
  }
`);
