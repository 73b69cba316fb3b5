import { Table, Text } from '@mantine/core';
import type { OrganizationQuery } from '../../../gql/graphql';
import { formatDate } from '../../../ui/format';
import { TableScroll } from '../../../ui/TableScroll';
import { ROLE_LABELS } from './labels';

type Invitation = OrganizationQuery['organization']['pendingInvitations'][number];

export function InvitationsTable({ invitations }: { invitations: Invitation[] }) {
  if (invitations.length === 0) {
    return (
      <Text size="sm" c="dimmed" role="status">
        No pending invitations.
      </Text>
    );
  }
  return (
    <TableScroll label="Pending invitations table" minWidth={480}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Email</Table.Th>
            <Table.Th scope="col">Role</Table.Th>
            <Table.Th scope="col">Sent</Table.Th>
            <Table.Th scope="col">Expires</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invitations.map((invitation) => (
            <Table.Tr key={invitation.id}>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{invitation.email}</Table.Td>
              <Table.Td>{ROLE_LABELS[invitation.role]}</Table.Td>
              <Table.Td>{formatDate(invitation.createdAt)}</Table.Td>
              <Table.Td>{formatDate(invitation.expiresAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
