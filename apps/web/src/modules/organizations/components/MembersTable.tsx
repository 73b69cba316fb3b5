import { Badge, Table, Text } from '@mantine/core';
import type { OrganizationQuery } from '../../../gql/graphql';
import { formatDate } from '../../../ui/format';
import { TableScroll } from '../../../ui/TableScroll';
import { ROLE_LABELS } from './labels';

type Member = OrganizationQuery['organization']['members'][number];

export function MembersTable({ members, myEmail }: { members: Member[]; myEmail: string }) {
  return (
    <TableScroll label="Members table" minWidth={520}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Email</Table.Th>
            <Table.Th scope="col">Role</Table.Th>
            <Table.Th scope="col">Joined</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => (
            <Table.Tr key={member.userId}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {member.displayName}
                  {member.email === myEmail && (
                    <Text span size="sm" c="dimmed">
                      {' '}
                      (you)
                    </Text>
                  )}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {member.email}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant={member.role === 'owner' ? 'light' : 'outline'} color={member.role === 'owner' ? 'indigo' : 'gray'}>
                  {ROLE_LABELS[member.role]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDate(member.joinedAt)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
