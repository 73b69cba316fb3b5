import { graphql } from '../../../gql';

/** The signed-in reviewer's declared affiliations. */
export const myAffiliationsQuery = graphql(`
  query MyAffiliations {
    myAffiliations {
      id
      organizationId
      domain
      note
      declaredAt
    }
  }
`);
