import { graphql } from '../../../gql';

/** Every revision of a case study the viewer may see, oldest first. */
export const caseStudyRevisionsQuery = graphql(`
  query CaseStudyRevisions($id: ID!) {
    caseStudyRevisions(id: $id) {
      id
      revision
      status
      title
      createdAt
      submittedAt
      supersededAt
      withdrawnAt
    }
  }
`);
