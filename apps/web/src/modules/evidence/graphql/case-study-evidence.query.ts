import { graphql } from '../../../gql';

/** A case study's files and links with the limits (vendor members, assigned reviewers, admins). */
export const caseStudyEvidenceQuery = graphql(`
  query CaseStudyEvidence($caseStudyId: ID!) {
    caseStudyEvidence(caseStudyId: $caseStudyId) {
      caseStudyId
      editable
      totalBytes
      maxTotalBytes
      maxFileBytes
      items {
        id
        kind
        title
        mediaType
        sizeBytes
        sha256
        originalName
        url
        downloadUrl
        createdAt
      }
    }
  }
`);
