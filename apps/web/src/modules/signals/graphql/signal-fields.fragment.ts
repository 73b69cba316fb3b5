import { graphql } from '../../../gql';

/**
 * What the signal components show of a vendor's signals. Other pages (public vendor
 * page, compare) spread `...VendorSignalFields` and pass the result to `forestPlotRows`,
 * `FlagList` and `ExplanationList`.
 */
export const vendorSignalFieldsFragment = graphql(`
  fragment VendorSignalFields on VendorSignals {
    assay { mean lower upper evidenceCount effectiveN }
    verifiedDelivery { mean lower upper evidenceCount effectiveN }
    claimAccuracy { mean lower upper evidenceCount effectiveN }
    productionDurability { mean lower upper evidenceCount effectiveN }
    clientEndorsement { mean lower upper evidenceCount effectiveN }
    handover { mean lower upper evidenceCount effectiveN }
    referenceResponseRate { mean lower upper evidenceCount effectiveN }
    evidenceDepth { mean lower upper evidenceCount effectiveN }
    flags { kind severity sentence effect }
    verifiedCaseStudies
    lastVerifiedAt
    computedAt
    configVersion
  }
`);
