import { graphql } from '../../../gql';

export const searchVendorsQuery = graphql(`
  query SearchVendors($input: VendorSearchInput) {
    searchVendors(input: $input) {
      totalCount
      hasNextPage
      endCursor
      nodes {
        id
        name
        slug
        website
        description
        capabilities
        industries
        regions
        teamSize
        rateBand
        signals {
          assay { mean lower upper }
          productionDurability { mean lower upper }
          clientEndorsement { evidenceCount }
          evidenceDepth { mean }
          flags { kind severity sentence effect }
          verifiedCaseStudies
          lastVerifiedAt
        }
      }
      facets {
        capabilities { key count }
        industries { key count }
        regions { key count }
        teamSizes { key count }
        rateBands { key count }
        minVerifiedCaseStudies { key count }
        minAssayLower { key count }
        minProductionDurability { key count }
        hideFlagged { key count }
      }
    }
  }
`);
