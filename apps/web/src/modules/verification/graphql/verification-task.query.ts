import { graphql } from '../../../gql';

/** The leaseholder (or an admin): one task with claims and reference answers. */
export const verificationTaskQuery = graphql(`
  query VerificationTask($id: ID!) {
    verificationTask(id: $id) {
      ...VerificationTaskDetail
    }
  }
`);
