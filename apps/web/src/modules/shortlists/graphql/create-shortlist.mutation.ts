import { graphql } from '../../../gql';

export const createShortlistMutation = graphql(`
  mutation CreateShortlist($input: CreateShortlistInput!) {
    createShortlist(input: $input) { id name organizationId organizationName createdAt }
  }
`);
