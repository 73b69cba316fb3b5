import { graphql } from '../../../gql';

/** The project a +6/+12-month follow-up link asks about. */
export const followUpCheckQuery = graphql(`
  query FollowUpCheck($token: String!) {
    followUpCheck(token: $token) {
      vendorName
      caseStudyTitle
      monthsAfter
      expiresAt
    }
  }
`);
