import { graphql } from '../../../gql';

/** Admins: disputes waiting for a decision, oldest first. */
export const openDisputesQuery = graphql(`
  query OpenDisputes {
    openDisputes {
      id
      verdictId
      caseStudyId
      reason
      status
      createdAt
    }
  }
`);
