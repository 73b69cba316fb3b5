import { graphql } from '../../../gql';

export const removeReferenceMutation = graphql(`
  mutation RemoveReference($id: ID!) {
    removeReference(id: $id)
  }
`);
