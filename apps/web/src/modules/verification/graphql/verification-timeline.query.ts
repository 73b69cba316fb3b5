import { graphql } from '../../../gql';

/** What happened to a case study since it was submitted: references, review, verdicts, disputes. */
export const verificationTimelineQuery = graphql(`
  query VerificationTimeline($id: ID!) {
    caseStudy(id: $id) {
      id
      status
      submittedAt
      verifiedAt
      withdrawnAt
      references {
        id
        source
        status
        contactName
        clientName
        sentAt
        answeredAt
      }
    }
    caseStudyVerdicts(caseStudyId: $id) {
      id
      kind
      status
      createdAt
      supersedesId
      disputes {
        id
        status
        createdAt
        resolvedAt
      }
    }
  }
`);
