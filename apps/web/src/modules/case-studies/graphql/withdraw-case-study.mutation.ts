import { graphql } from '../../../gql';

export const withdrawCaseStudyMutation = graphql(`
  mutation WithdrawCaseStudy($id: ID!) {
    withdrawCaseStudy(id: $id) {
      ...CaseStudyDetail
    }
  }
`);
