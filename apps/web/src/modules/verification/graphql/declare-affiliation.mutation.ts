import { graphql } from '../../../gql';

/** Declares an organization or email domain the reviewer is affiliated with. */
export const declareAffiliationMutation = graphql(`
  mutation DeclareAffiliation($input: AffiliationInput!) {
    declareAffiliation(input: $input) {
      id
      organizationId
      domain
      note
      declaredAt
    }
  }
`);
