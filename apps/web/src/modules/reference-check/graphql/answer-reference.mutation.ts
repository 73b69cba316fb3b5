import { graphql } from '../../../gql';

/** The reference's answers (once per link). */
export const answerReferenceMutation = graphql(`
  mutation AnswerReference($token: String!, $input: ReferenceAnswerInput!) {
    answerReference(token: $token, input: $input)
  }
`);
