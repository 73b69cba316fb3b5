import { useState } from 'react';
import { Button, Group, Text, Textarea } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { describeError } from '../../../ui/errors/describe-error';
import { updateShortlistNoteMutation } from '../graphql/update-shortlist-note.mutation';

/** The shared note on a shortlisted consultancy, editable in place. */
export function ShortlistItemNote({ itemId, note, vendorName }: { itemId: string; note: string; vendorName: string }) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(note);
  const [save, { loading, error }] = useMutation(updateShortlistNoteMutation);
  if (!editing) {
    return (
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <Text size="sm" c={note ? undefined : 'gray.7'} style={{ whiteSpace: 'pre-wrap', flex: 1 }}>
          {note || 'No note yet.'}
        </Text>
        <Button variant="subtle" size="compact-sm" onClick={() => setEditing(true)} aria-label={`Edit the note on ${vendorName}`}>
          Edit note
        </Button>
      </Group>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save({ variables: { input: { itemId, note: value } } }).then(() => setEditing(false), () => undefined);
      }}
    >
      <Textarea label={`Note on ${vendorName}`} value={value} onChange={(e) => setValue(e.currentTarget.value)} autosize minRows={2} maxLength={2000} error={error ? describeError(error).message : undefined} />
      <Group gap="xs" mt="xs">
        <Button type="submit" size="compact-sm" loading={loading}>
          Save note
        </Button>
        <Button variant="subtle" size="compact-sm" onClick={() => setEditing(false)}>
          Cancel
        </Button>
      </Group>
    </form>
  );
}
