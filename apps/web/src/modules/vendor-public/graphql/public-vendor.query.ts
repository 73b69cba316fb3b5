import { graphql } from '../../../gql';

/** Everything the public vendor page shows except verdicts (fetched per case study). */
export const publicVendorQuery = graphql(`
  query PublicVendor($vendorId: ID!) {
    vendorProfile(vendorId: $vendorId) {
      id
      name
      website
      description
      capabilities
      industries
      regions
      teamSize
      rateBand
      foundedYear
    }
    vendorSignals(vendorId: $vendorId) {
      ...VendorSignalFields
      history { computedAt assayMean assayLower assayUpper verifiedCaseStudies }
      trend {
        windowDays
        since
        comparable
        departs
        declining
        recent { mean lower upper outcomes caseStudies }
        earlier { mean lower upper outcomes caseStudies }
      }
      explanations {
        signal
        items { evidenceId caseStudyId kind weight factors { factor value } effect sentence }
      }
    }
    vendorCaseStudies(vendorId: $vendorId) {
      id
      title
      status
      client { displayName anonymised }
      problem
      approach
      startedOn
      endedOn
      productionStatus
      productionSince
      retiredOn
      handover
      submittedAt
      verifiedAt
      outcomes { id metricName unit direction baselineValue claimedValue verifiedValue verificationStatus }
    }
    vendorReferenceSummary(vendorId: $vendorId) {
      nominatedRequested
      nominatedAnswered
      drawnRequested
      drawnAnswered
      wouldHireAgainYes
      wouldHireAgainAnswered
    }
  }
`);
