import { graphql } from '../../../gql';

/** Vendor members: disputes a verdict within 30 days of it. */
export const disputeVerdictMutation = graphql(`
  mutation DisputeVerdict($input: DisputeVerdictInput!) {
    disputeVerdict(input: $input) {
      id
      verdictId
      caseStudyId
      reason
      status
      createdAt
    }
  }
`);
