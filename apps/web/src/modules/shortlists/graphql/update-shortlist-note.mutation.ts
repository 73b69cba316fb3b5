import { graphql } from '../../../gql';

export const updateShortlistNoteMutation = graphql(`
  mutation UpdateShortlistNote($input: UpdateShortlistNoteInput!) {
    updateShortlistNote(input: $input) { id note }
  }
`);
