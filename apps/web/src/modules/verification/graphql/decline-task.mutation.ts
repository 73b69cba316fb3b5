import { graphql } from '../../../gql';

/** Declines an offered task with a reason (recorded, at most 5 in 30 days); it goes to another drawn reviewer. */
export const declineTaskMutation = graphql(`
  mutation DeclineTask($input: DeclineTaskInput!) {
    declineTask(input: $input)
  }
`);
