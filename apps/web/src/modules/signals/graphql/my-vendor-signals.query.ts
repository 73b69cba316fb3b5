import { graphql } from '../../../gql';

/** A vendor's own signals page: signals with explanations, and what would improve each (members only). */
export const myVendorSignalsQuery = graphql(`
  query MyVendorSignals($vendorId: ID!) {
    vendorSignals(vendorId: $vendorId) {
      ...VendorSignalFields
      explanations {
        signal
        items {
          evidenceId
          caseStudyId
          kind
          weight
          factors {
            factor
            value
          }
          effect
          sentence
        }
      }
    }
    vendorImprovementHints(vendorId: $vendorId) {
      signal
      hints
    }
  }
`);
