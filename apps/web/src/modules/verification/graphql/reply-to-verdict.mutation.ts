import { graphql } from '../../../gql';

/** Vendor members: a public reply to a verdict. */
export const replyToVerdictMutation = graphql(`
  mutation ReplyToVerdict($input: ReplyToVerdictInput!) {
    replyToVerdict(input: $input) {
      id
      body
      createdAt
    }
  }
`);
