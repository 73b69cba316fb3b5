import { graphql } from '../../../gql';

/** Starts a new draft revision of a submitted case study; returns the new draft. */
export const reviseCaseStudyMutation = graphql(`
  mutation ReviseCaseStudy($id: ID!) {
    reviseCaseStudy(id: $id) {
      ...CaseStudyDetail
    }
  }
`);
