import { graphql } from '../../../gql';

/** Admins: revokes an accreditation (the reviewer's sessions end). */
export const revokeReviewerMutation = graphql(`
  mutation RevokeReviewer($userId: ID!) {
    revokeReviewer(userId: $userId)
  }
`);
