import { graphql } from '../../../gql';

/** The fixed lists (capabilities, industries, regions, rate bands) with their labels. */
export const taxonomyQuery = graphql(`
  query Taxonomy {
    taxonomy {
      capabilities {
        key
        label
      }
      industries {
        key
        label
      }
      regions {
        key
        label
      }
      rateBands {
        key
        label
      }
    }
  }
`);
