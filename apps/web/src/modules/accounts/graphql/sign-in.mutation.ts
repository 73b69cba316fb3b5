import { graphql } from '../../../gql';

/** Selects the same fields as `Me`, so the answer can replace `me` in the cache. */
export const signInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
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
