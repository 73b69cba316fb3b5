import { graphql } from '../../../gql';

/** Answers a follow-up check (once per link). */
export const answerFollowUpMutation = graphql(`
  mutation AnswerFollowUp($token: String!, $stillInProduction: Boolean!) {
    answerFollowUp(token: $token, stillInProduction: $stillInProduction)
  }
`);
