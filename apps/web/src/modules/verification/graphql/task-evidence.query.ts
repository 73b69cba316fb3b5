import { graphql } from '../../../gql';

/** The files and links the vendor attached, as the reviewer checks them. */
export const taskEvidenceQuery = graphql(`
  query TaskEvidence($caseStudyId: ID!) {
    caseStudyEvidence(caseStudyId: $caseStudyId) {
      caseStudyId
      items {
        id
        kind
        title
        url
        downloadUrl
        originalName
        mediaType
        sizeBytes
        sha256
        createdAt
      }
    }
  }
`);
