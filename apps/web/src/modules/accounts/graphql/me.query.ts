import { graphql } from '../../../gql';

/** The signed-in user as every page reads it: sign-in and the emailed link select the same, so their answer can replace `me`. */
export const currentUserFragment = graphql(`
  fragment CurrentUser on User {
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
`);

/** Who is signed in (null when nobody), with memberships and platform roles. */
export const meQuery = graphql(`
  query Me {
    me {
      ...CurrentUser
    }
  }
`);
