import { graphql } from '../../../gql';

export const removeRosterEntryMutation = graphql(`
  mutation RemoveRosterEntry($input: RemoveRosterEntryInput!) {
    removeRosterEntry(input: $input)
  }
`);
