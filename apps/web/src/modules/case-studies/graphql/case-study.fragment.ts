import { graphql } from '../../../gql';

/** Everything the vendor's pages show of a case study; mutations select it too, so the cache stays current. */
export const caseStudyDetailFragment = graphql(`
  fragment CaseStudyDetail on CaseStudy {
    id
    vendorId
    vendorName
    lineageId
    revision
    supersedesId
    supersededAt
    status
    title
    client {
      displayName
      anonymised
      name
      domain
      domainStanding {
        standing
        reason
        dnsChecked
      }
    }
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
    verifiedAt
    withdrawnAt
    createdAt
    updatedAt
    version
    editable
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
      verifiedValue
      verificationStatus
    }
  }
`);
