import { graphql } from '../../../gql';

/** Reviewers: the tasks they hold, with when each returns to the queue. */
export const myVerificationTasksQuery = graphql(`
  query MyVerificationTasks {
    myVerificationTasks {
      id
      kind
      status
      leaseExpiresAt
      caseStudy {
        id
        title
        vendorName
        client {
          name
          displayName
        }
        outcomes {
          id
        }
      }
    }
  }
`);
