import { graphql } from '../../../gql';

/** Records the leaseholder's verdict; the case study's status follows from it. */
export const submitVerdictMutation = graphql(`
  mutation SubmitVerdict($input: SubmitVerdictInput!) {
    submitVerdict(input: $input) {
      ...VerdictDetail
    }
  }
`);
