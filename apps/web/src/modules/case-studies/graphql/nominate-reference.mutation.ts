import { graphql } from '../../../gql';

/** A self-reference is not an error: it comes back with status `refused` and the reason. */
export const nominateReferenceMutation = graphql(`
  mutation NominateReference($input: NominateReferenceInput!) {
    nominateReference(input: $input) {
      ...ReferenceDetail
    }
  }
`);
