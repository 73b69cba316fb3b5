import { graphql } from '../../../gql';

/** Saves a draft; `expectedVersion` must be the version the form was loaded from (else STALE_VERSION). */
export const updateCaseStudyMutation = graphql(`
  mutation UpdateCaseStudy($input: UpdateCaseStudyInput!) {
    updateCaseStudy(input: $input) {
      ...CaseStudyDetail
    }
  }
`);
