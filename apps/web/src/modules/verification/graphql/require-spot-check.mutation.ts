import { graphql } from '../../../gql';

/** Admins: queues a second, independent verdict on a case study; returns the new task's id. */
export const requireSpotCheckMutation = graphql(`
  mutation RequireSpotCheck($caseStudyId: ID!) {
    requireSpotCheck(caseStudyId: $caseStudyId)
  }
`);
