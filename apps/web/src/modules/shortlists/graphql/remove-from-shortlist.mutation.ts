import { graphql } from '../../../gql';

export const removeFromShortlistMutation = graphql(`
  mutation RemoveFromShortlist($itemId: ID!) {
    removeFromShortlist(itemId: $itemId)
  }
`);
