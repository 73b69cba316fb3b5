import { graphql } from '../../../gql';

/** One page of the consultancy directory; pages are merged in the cache (see apollo-client.ts). */
export const vendorsQuery = graphql(`
  query Vendors($first: Int!, $after: String, $text: String, $capability: String) {
    vendors(first: $first, after: $after, text: $text, capability: $capability) {
      totalCount
      hasNextPage
      endCursor
      nodes {
        id
        name
        slug
        description
        website
        capabilities
        industries
        regions
        teamSize
        rateBand
      }
    }
  }
`);
