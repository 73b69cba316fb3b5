import { graphql } from '../../../gql';

/** A case study's verdicts (spot checks only for admins), with the claims they judge. */
export const caseStudyVerdictsQuery = graphql(`
  query CaseStudyVerdicts($caseStudyId: ID!) {
    caseStudy(id: $caseStudyId) {
      id
      title
      vendorId
      vendorName
      status
      client {
        displayName
      }
      outcomes {
        id
        metricName
        unit
        direction
        baselineValue
        claimedValue
      }
    }
    caseStudyVerdicts(caseStudyId: $caseStudyId) {
      ...VerdictDetail
    }
  }
`);
