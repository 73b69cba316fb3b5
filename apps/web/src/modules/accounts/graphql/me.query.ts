import { graphql } from '../../../gql';

/** Who is signed in (null when nobody), with memberships and platform roles. */
export const meQuery = graphql(`
  query Me {
    me {
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
