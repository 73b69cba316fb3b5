import { graphql } from '../../../gql';

export const addEvidenceLinkMutation = graphql(`
  mutation AddEvidenceLink($input: AddEvidenceLinkInput!) {
    addEvidenceLink(input: $input) {
      id
      kind
      title
      url
      createdAt
    }
  }
`);
