import { graphql } from '../../../gql';

/** Accepts a task offered to the reviewer and holds it for 72 hours; refused when it was not offered to them or the offer lapsed. */
export const claimTaskMutation = graphql(`
  mutation ClaimTask($taskId: ID!) {
    claimTask(taskId: $taskId) {
      ...VerificationTaskDetail
    }
  }
`);
