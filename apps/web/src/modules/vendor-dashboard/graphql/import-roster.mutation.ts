import { graphql } from '../../../gql';

export const importRosterMutation = graphql(`
  mutation ImportRoster($input: ImportRosterInput!) {
    importRoster(input: $input) {
      imported
      totalEntries
    }
  }
`);
