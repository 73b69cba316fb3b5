import { graphql } from '../../../gql';

/** The ledger receipt of a case study's verdict in force, with the latest signed tree head and the inclusion proof. */
export const caseStudyReceiptQuery = graphql(`
  query CaseStudyReceipt($caseStudyId: ID!) {
    caseStudyReceipt(caseStudyId: $caseStudyId) {
      caseStudyId
      verdictId
      origin
      verifierKey
      inclusionProof
      entry {
        index
        kind
        subjectId
        canonicalJson
        leafHash
        loggedAt
      }
      checkpoint {
        treeSize
        rootHash
        note
        publishedAt
      }
    }
  }
`);
