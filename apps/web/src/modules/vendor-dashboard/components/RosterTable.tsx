import { Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@apollo/client/react';
import type { RosterEntriesQuery } from '../../../gql/graphql';
import { describeError } from '../../../ui/errors/describe-error';
import { TableScroll } from '../../../ui/TableScroll';
import { removeRosterEntryMutation } from '../graphql/remove-roster-entry.mutation';
import { ConfirmButton } from './ConfirmButton';
import { formatCalendarDate } from './format';
import { refetchAfter } from '../../../app/refetch-policy';

type Entry = RosterEntriesQuery['rosterEntries']['nodes'][number];

/** One page of the roster: client, contact, project dates; members can remove an engagement. */
export function RosterTable({ entries }: { entries: Entry[] }) {
  const [removeEntry] = useMutation(removeRosterEntryMutation, refetchAfter('removeRosterEntry'));
  const remove = async (entry: Entry) => {
    try {
      await removeEntry({ variables: { input: { id: entry.id } } });
      notifications.show({ color: 'teal', title: 'Engagement removed', message: `${entry.contactName} at ${entry.clientName} is no longer on your roster.` });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Could not remove the engagement', message: describeError(error).message });
    }
  };

  return (
    <TableScroll label="Client roster table" minWidth={720}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Client</Table.Th>
            <Table.Th scope="col">Contact</Table.Th>
            <Table.Th scope="col">Project</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>
                <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {entry.clientName}
                </Text>
                <Text size="xs" c="dimmed">
                  {entry.clientDomain}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{entry.contactName}</Text>
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {entry.contactEmail}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatCalendarDate(entry.projectStartedOn)} – {entry.projectEndedOn ? formatCalendarDate(entry.projectEndedOn) : 'ongoing'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group justify="flex-end">
                  <ConfirmButton
                    size="xs"
                    variant="subtle"
                    color="red"
                    aria-label={`Remove ${entry.contactName} at ${entry.clientName}`}
                    question={`Remove ${entry.contactName} at ${entry.clientName} from your roster?`}
                    confirmLabel="Remove"
                    onConfirm={() => remove(entry)}
                  >
                    Remove
                  </ConfirmButton>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
