import { graphql } from '../../../gql';

/** Reviewers: the tasks Assay drew them for, waiting for them to accept or decline. */
export const myTaskOffersQuery = graphql(`
  query MyTaskOffers {
    myTaskOffers {
      ...QueuedTaskSummary
    }
  }
`);
