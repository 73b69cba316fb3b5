import { graphql } from '../../../gql';

export const addToShortlistMutation = graphql(`
  mutation AddToShortlist($input: AddToShortlistInput!) {
    addToShortlist(input: $input) { id vendorId note addedAt changedSinceDigest }
  }
`);
