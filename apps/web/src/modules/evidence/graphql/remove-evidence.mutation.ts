import { graphql } from '../../../gql';

export const removeEvidenceMutation = graphql(`
  mutation RemoveEvidence($id: ID!) {
    removeEvidence(id: $id)
  }
`);
