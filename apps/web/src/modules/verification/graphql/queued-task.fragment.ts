import { graphql } from '../../../gql';

/** A task in a list (a reviewer's offers, the admin's queue): what it is, whose, and why a check exists. */
export const queuedTaskFragment = graphql(`
  fragment QueuedTaskSummary on QueuedTask {
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
`);
