import { SECOND_VERDICT_REASON_TEXT, type CheckReason } from '@assay/domain/reviewer-assignment';
import { useState } from 'react';
import { Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router-dom';
import type { ReviewersQuery, VerificationQueueQuery } from '../../../gql/graphql';
import { formatDateTime } from '../../../ui/format';
import { TableScroll } from '../../../ui/TableScroll';
import { refetchAfter } from '../../../app/refetch-policy';
import { assignTaskMutation } from '../graphql/assign-task.mutation';
import { reviewErrorMessage } from './review-errors';
import { TaskKindBadge } from './TaskKindBadge';
import { waitingFor } from './time';

type Task = VerificationQueueQuery['verificationQueue'][number];
type Reviewer = ReviewersQuery['reviewers'][number];

const STATUS: Record<string, { label: string; color: string }> = {
  open: { label: 'Waiting for an eligible reviewer', color: 'orange' },
  offered: { label: 'Offered', color: 'indigo' },
  leased: { label: 'Accepted', color: 'teal' },
};

/** Every task not yet done: who it is offered to or held by, why a check exists, and "Offer to…". */
export function TaskQueueTable({ tasks, reviewers }: { tasks: readonly Task[]; reviewers: readonly Reviewer[] }) {
  const nameOf = (id: string | null | undefined) => (id ? (reviewers.find((r) => r.userId === id)?.displayName ?? 'a reviewer') : null);
  return (
    <TableScroll label="Verification tasks" minWidth={860}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Case study</Table.Th>
            <Table.Th scope="col">State</Table.Th>
            <Table.Th scope="col">Why a check</Table.Th>
            <Table.Th scope="col">Offer to another reviewer</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task) => (
            <Table.Tr key={task.id}>
              <Table.Td>
                <Stack gap={2}>
                  <Group gap="xs" wrap="wrap">
                    <Text component={Link} to={`/case-studies/${task.caseStudyId}`} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {task.title}
                    </Text>
                    <TaskKindBadge kind={task.kind} />
                  </Group>
                  <Text size="xs" c="dimmed">
                    {task.vendorName} for {task.clientName} · waiting {waitingFor(task.createdAt)}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <Badge color={STATUS[task.status]?.color ?? 'gray'} variant="light" tt="none" fw={600}>
                    {STATUS[task.status]?.label ?? task.status}
                  </Badge>
                  {task.status === 'offered' && (
                    <Text size="xs" c="dimmed">
                      to {nameOf(task.offeredToId)}, until {task.offerExpiresAt ? formatDateTime(task.offerExpiresAt) : '—'}
                    </Text>
                  )}
                  {task.status === 'leased' && (
                    <Text size="xs" c="dimmed">
                      by {nameOf(task.leasedToId)}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                {task.checkReasons.length ? (
                  <Text size="sm">{task.checkReasons.map((r) => SECOND_VERDICT_REASON_TEXT[r as CheckReason] ?? r).join('; ')}</Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    First verdict
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <AssignControl task={task} reviewers={reviewers} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

function AssignControl({ task, reviewers }: { task: Task; reviewers: readonly Reviewer[] }) {
  const [reviewerId, setReviewerId] = useState<string | null>(null);
  const [assign, { loading }] = useMutation(assignTaskMutation, refetchAfter('assignTask'));
  if (task.status === 'leased') return <Text size="sm" c="dimmed">Held by its reviewer</Text>;
  const choices = reviewers.filter((r) => !r.revokedAt && r.userId !== task.offeredToId).map((r) => ({ value: r.userId, label: r.displayName }));
  const offer = async () => {
    if (!reviewerId) return;
    try {
      await assign({ variables: { taskId: task.id, reviewerId } });
      notifications.show({ color: 'teal', title: 'Task offered', message: 'The reviewer was told by email; the offer is theirs for 48 hours.' });
      setReviewerId(null);
    } catch (error) {
      notifications.show({ color: 'red', title: 'Could not offer the task', message: reviewErrorMessage(error) });
    }
  };
  return (
    <Group gap="xs" wrap="nowrap" align="flex-end">
      <Select aria-label={`Reviewer for ${task.title}`} placeholder="Choose a reviewer" data={choices} value={reviewerId} onChange={setReviewerId} searchable size="xs" w={180} />
      <Button size="xs" variant="light" disabled={!reviewerId} loading={loading} onClick={() => void offer()}>
        Offer
      </Button>
    </Group>
  );
}
