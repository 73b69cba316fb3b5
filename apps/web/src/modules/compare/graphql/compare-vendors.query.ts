import { graphql } from '../../../gql';

export const compareVendorsQuery = graphql(`
  query CompareVendors($ids: [ID!]!) {
    compareVendors(vendorIds: $ids) {
      vendor {
        id
        name
        capabilities
        industries
        regions
        teamSize
        rateBand
        signals {
          ...VendorSignalFields
        }
      }
      outcomes {
        caseStudyId
        caseStudyTitle
        caseStudyStatus
        productionStatus
        metricName
        unit
        direction
        baselineValue
        claimedValue
        verifiedValue
        verificationStatus
      }
      referenceSummary { nominatedRequested nominatedAnswered drawnRequested drawnAnswered wouldHireAgainYes wouldHireAgainAnswered }
    }
  }
`);
