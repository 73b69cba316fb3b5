import { graphql } from '../../../gql';

/** A verdict with its per-outcome results, the vendor's replies and any disputes. */
export const verdictDetailFragment = graphql(`
  fragment VerdictDetail on Verdict {
    id
    caseStudyId
    kind
    status
    productionStatus
    handover
    rubric {
      properBaseline
      heldOutOrOnlineEvaluation
      leakageChecked
      monitoringInProduction
      notes
    }
    notes
    outcomes {
      outcomeClaimId
      result
      verifiedValue
      verifiedShare
    }
    supersedesId
    supersededById
    createdAt
    replies {
      id
      body
      createdAt
    }
    disputes {
      id
      verdictId
      caseStudyId
      reason
      status
      resolutionNote
      resolvedAt
      amendedVerdictId
      createdAt
    }
  }
`);
