import { graphql } from '../../../gql';

/** Takes a task for 72 hours; refused with the reason when the reviewer is conflicted or was too late. */
export const claimTaskMutation = graphql(`
  mutation ClaimTask($taskId: ID!) {
    claimTask(taskId: $taskId) {
      ...VerificationTaskDetail
    }
  }
`);
