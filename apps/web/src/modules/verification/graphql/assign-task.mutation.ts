import { graphql } from '../../../gql';

/** Admins: offers a task to a named reviewer instead of the draw (conflicts and eligibility still apply). */
export const assignTaskMutation = graphql(`
  mutation AssignTask($taskId: ID!, $reviewerId: ID!) {
    assignTask(taskId: $taskId, reviewerId: $reviewerId) {
      id
      status
      offeredToId
      offerExpiresAt
    }
  }
`);
