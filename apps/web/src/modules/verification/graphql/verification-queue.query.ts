import { graphql } from '../../../gql';

/** Reviewers: open tasks, oldest first, each with the reason this reviewer may not take it. */
export const verificationQueueQuery = graphql(`
  query VerificationQueue {
    verificationQueue {
      id
      kind
      caseStudyId
      title
      vendorName
      clientName
      outcomeCount
      createdAt
      conflictReason
    }
  }
`);
