import { graphql } from '../../../gql';

export const acceptInvitationMutation = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      id
      name
      slug
      kind
      website
      createdAt
    }
  }
`);
