import { graphql } from '../../../gql';

/** Admins: every task not yet done, with whom it is offered to or held by, and why a check exists. */
export const verificationQueueQuery = graphql(`
  query VerificationQueue {
    verificationQueue {
      ...QueuedTaskSummary
      status
      offeredToId
      leasedToId
    }
  }
`);
