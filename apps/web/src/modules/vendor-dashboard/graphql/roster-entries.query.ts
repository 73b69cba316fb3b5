import { graphql } from '../../../gql';

/** One page of the vendor's client roster (members and admins only). */
export const rosterEntriesQuery = graphql(`
  query RosterEntries($vendorId: ID!, $first: Int, $after: String) {
    rosterEntries(vendorId: $vendorId, first: $first, after: $after) {
      totalCount
      hasNextPage
      endCursor
      nodes {
        id
        clientName
        clientDomain
        contactName
        contactEmail
        projectStartedOn
        projectEndedOn
      }
    }
  }
`);
