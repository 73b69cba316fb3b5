import { graphql } from '../../../gql';

/** Selects the same fields as `Me`, so the answer can replace `me` in the cache. */
export const signUpMutation = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      id
      email
      displayName
      platformRoles
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
