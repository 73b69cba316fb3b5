import { graphql } from '../../../gql';

/** One organization with its members and pending invitations (members only). */
export const organizationQuery = graphql(`
  query Organization($id: ID!) {
    organization(id: $id) {
      id
      name
      slug
      kind
      website
      createdAt
      myRole
      members {
        userId
        displayName
        email
        role
        joinedAt
      }
      pendingInvitations {
        id
        email
        role
        createdAt
        expiresAt
      }
    }
  }
`);
