import { graphql } from '../../../gql';

/** Consultancies whose name matches, to pick one as an affiliation. */
export const affiliationVendorSearchQuery = graphql(`
  query AffiliationVendorSearch($text: String) {
    vendors(first: 8, text: $text) {
      nodes {
        id
        name
        website
      }
    }
  }
`);
