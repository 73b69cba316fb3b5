import { graphql } from '../../../gql';

/** Admins: upholds a disputed verdict, or amends it with corrected findings. */
export const resolveDisputeMutation = graphql(`
  mutation ResolveDispute($input: ResolveDisputeInput!) {
    resolveDispute(input: $input) {
      id
      status
      resolutionNote
      resolvedAt
      amendedVerdictId
    }
  }
`);
