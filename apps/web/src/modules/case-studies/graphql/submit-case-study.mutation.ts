import { graphql } from '../../../gql';

/** Submitting draws references from the roster, so the answer carries the new reference list. */
export const submitCaseStudyMutation = graphql(`
  mutation SubmitCaseStudy($id: ID!) {
    submitCaseStudy(id: $id) {
      ...CaseStudyDetail
      references {
        ...ReferenceDetail
      }
    }
  }
`);
