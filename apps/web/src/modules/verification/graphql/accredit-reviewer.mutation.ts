import { graphql } from '../../../gql';

/** Admins: accredits the account with this email as a reviewer. */
export const accreditReviewerMutation = graphql(`
  mutation AccreditReviewer($email: String!) {
    accreditReviewer(email: $email)
  }
`);
