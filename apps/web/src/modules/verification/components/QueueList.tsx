import { useState } from 'react';
import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconHandGrab, IconLock } from '@tabler/icons-react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router-dom';
import type { VerificationQueueQuery } from '../../../gql/graphql';
import { formatDate, plural } from '../../../ui/format';
import { claimTaskMutation } from '../graphql/claim-task.mutation';
import { verificationQueueQuery } from '../graphql/verification-queue.query';
import { errorReason, reviewErrorMessage } from './review-errors';
import { TaskKindBadge } from './TaskKindBadge';
import { waitingFor } from './time';
import { refetchAfter } from '../../../app/refetch-policy';

type QueuedTask = VerificationQueueQuery['verificationQueue'][number];

/** The open tasks as cards: what it is, whose, how old, and "Claim" (or why not). */
export function QueueList({ tasks }: { tasks: readonly QueuedTask[] }) {
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Tasks waiting for a reviewer">
      {tasks.map((task) => (
        <Card component="li" key={task.id} padding="md">
          <QueuedTaskItem task={task} />
        </Card>
      ))}
    </Stack>
  );
}

function QueuedTaskItem({ task }: { task: QueuedTask }) {
  const navigate = useNavigate();
  const client = useApolloClient();
  const [error, setError] = useState<string | null>(null);
  const [claim, { loading }] = useMutation(claimTaskMutation, refetchAfter('claimTask'));
  const reasonId = `task-${task.id}-conflict`;
  const errorId = `task-${task.id}-error`;

  const claimNow = async () => {
    setError(null);
    try {
      const { data } = await claim({ variables: { taskId: task.id } });
      if (!data) return;
      notifications.show({ color: 'teal', title: 'Task claimed', message: 'It is yours for 72 hours; after that it returns to the queue.' });
      await navigate(`/review/tasks/${data.claimTask.id}`);
    } catch (err) {
      setError(reviewErrorMessage(err));
      if (errorReason(err) === 'TASK_TAKEN') {
        notifications.show({ color: 'orange', title: 'Too late', message: reviewErrorMessage(err) });
        // The task has left the queue for everyone else too: show the queue as it is now.
        void client.refetchQueries({ include: [verificationQueueQuery] });
      }
    }
  };

  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 260px' }}>
          <Group gap="xs" wrap="wrap">
            <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }}>
              {task.title}
            </Title>
            <TaskKindBadge kind={task.kind} />
          </Group>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {task.vendorName} for {task.clientName}
          </Text>
          <Text size="sm" c="dimmed">
            {plural(task.outcomeCount, 'outcome', 'outcomes')} to verify · waiting {waitingFor(task.createdAt)} (since {formatDate(task.createdAt)}) · case study{' '}
            {/* Two tasks with the same title (a revision, a second opinion) differ here. */}
            <Text span ff="monospace" size="sm">
              {task.caseStudyId.slice(0, 8)}
            </Text>
          </Text>
        </Stack>
        <Button
          leftSection={<IconHandGrab size={16} aria-hidden />}
          disabled={!!task.conflictReason}
          loading={loading}
          onClick={() => void claimNow()}
          aria-describedby={[task.conflictReason ? reasonId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined}
        >
          Claim
        </Button>
      </Group>
      {task.conflictReason && (
        <Group id={reasonId} gap={8} wrap="nowrap" align="flex-start">
          <IconLock size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2, color: 'var(--mantine-color-orange-8)' }} />
          <Text size="sm" c="dimmed">
            <Text span fw={600} c="var(--mantine-color-text)">
              You cannot take this task:
            </Text>{' '}
            {task.conflictReason}
          </Text>
        </Group>
      )}
      {error && (
        <Alert id={errorId} role="alert" color="red" variant="light" p="xs" title="Could not claim the task">
          <Text size="sm">{error}</Text>
        </Alert>
      )}
    </Stack>
  );
}
