import { graphql } from '../../../gql';

/** Reviewers: the tasks Assay drew them for, waiting for them to accept or decline. */
export const myTaskOffersQuery = graphql(`
  query MyTaskOffers {
    myTaskOffers {
      id
      kind
      caseStudyId
      title
      vendorName
      clientName
      outcomeCount
      createdAt
      offerExpiresAt
      checkReasons
    }
  }
`);
