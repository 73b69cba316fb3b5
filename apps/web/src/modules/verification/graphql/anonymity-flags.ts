import { graphql } from '../../../gql';

export const flagAnonymityLeakMutation = graphql(`
  mutation FlagAnonymityLeak($input: FlagAnonymityLeakInput!) {
    flagAnonymityLeak(input: $input) {
      id
      caseStudyId
      fields
      note
      open
      createdAt
    }
  }
`);

/** Open and closed leak flags on a case study; its vendor's members and admins only. */
export const caseStudyAnonymityFlagsQuery = graphql(`
  query CaseStudyAnonymityFlags($caseStudyId: ID!) {
    caseStudyAnonymityFlags(caseStudyId: $caseStudyId) {
      id
      caseStudyId
      fields
      note
      open
      createdAt
    }
  }
`);
