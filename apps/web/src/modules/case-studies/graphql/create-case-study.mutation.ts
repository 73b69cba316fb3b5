import { graphql } from '../../../gql';

export const createCaseStudyMutation = graphql(`
  mutation CreateCaseStudy($input: CreateCaseStudyInput!) {
    createCaseStudy(input: $input) {
      ...CaseStudyDetail
    }
  }
`);
