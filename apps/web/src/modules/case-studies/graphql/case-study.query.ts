import { graphql } from '../../../gql';

/** One case study; `references` is null unless the viewer is its vendor or an admin. */
export const caseStudyQuery = graphql(`
  query CaseStudy($id: ID!) {
    caseStudy(id: $id) {
      ...CaseStudyDetail
      references {
        ...ReferenceDetail
      }
    }
  }
`);
