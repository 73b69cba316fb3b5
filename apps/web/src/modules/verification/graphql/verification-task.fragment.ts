import { graphql } from '../../../gql';

/** A task as its leaseholder works on it: the claims, and every reference with its answers. */
export const verificationTaskDetailFragment = graphql(`
  fragment VerificationTaskDetail on VerificationTask {
    id
    kind
    status
    leaseExpiresAt
    caseStudy {
      id
      title
      vendorId
      vendorName
      status
      problem
      approach
      startedOn
      endedOn
      teamSize
      stackTags
      productionStatus
      productionSince
      retiredOn
      handover
      submittedAt
      client {
        name
        domain
        displayName
        anonymised
      }
      outcomes {
        id
        position
        metricName
        unit
        direction
        baselineValue
        claimedValue
        measuredAt
        measurementMethod
        methodNote
      }
    }
    references {
      id
      source
      contactName
      contactEmail
      contactRole
      clientName
      identityStrength
      identityReason
      status
      sentAt
      answeredAt
      answer {
        declined
        declineReason
        outcomes {
          outcomeClaimId
          achieved
          observedValue
        }
        inProduction
        handoverRating
        onTime
        onBudget
        communication
        wouldHireAgain
        comments
        answeredAt
      }
    }
  }
`);
