import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import type { MyVerificationTasksQuery } from '../../../gql/graphql';
import { formatDateTime, plural } from '../../../ui/format';
import { TaskKindBadge } from './TaskKindBadge';
import { fromNow } from './time';

type HeldTask = MyVerificationTasksQuery['myVerificationTasks'][number];

/** "Goes to another reviewer in 2 days", or that it already has. */
export function leaseText(leaseExpiresAt: string | null | undefined, now = Date.now()): { text: string; expired: boolean } {
  if (!leaseExpiresAt) return { text: 'No lease', expired: false };
  const expired = new Date(leaseExpiresAt).getTime() <= now;
  return expired
    ? { text: 'Your lease ran out; the task goes to another drawn reviewer', expired }
    : { text: `Goes to another reviewer ${fromNow(leaseExpiresAt, now)}`, expired };
}

/** The tasks the reviewer holds, with when each goes to another reviewer. */
export function MyTasksList({ tasks }: { tasks: readonly HeldTask[] }) {
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Tasks you hold">
      {tasks.map((task) => {
        const lease = leaseText(task.leaseExpiresAt);
        return (
          <Card component="li" key={task.id} padding="md" style={{ borderColor: 'var(--mantine-color-indigo-3)' }}>
            <Group justify="space-between" align="center" gap="sm" wrap="wrap">
              <Stack gap={4} style={{ minWidth: 0, flex: '1 1 260px' }}>
                <Group gap="xs" wrap="wrap">
                  <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }}>
                    {task.caseStudy.title}
                  </Title>
                  <TaskKindBadge kind={task.kind} />
                </Group>
                <Text size="sm">
                  {task.caseStudy.vendorName} for {task.caseStudy.client.name ?? task.caseStudy.client.displayName} ·{' '}
                  {plural(task.caseStudy.outcomes.length, 'outcome', 'outcomes')}
                </Text>
                <Group gap="xs">
                  <Badge color={lease.expired ? 'red' : 'indigo'} variant="light" tt="none" fw={600}>
                    {lease.text}
                  </Badge>
                  {task.leaseExpiresAt && (
                    <Text size="xs" c="dimmed">
                      ({formatDateTime(task.leaseExpiresAt)})
                    </Text>
                  )}
                </Group>
              </Stack>
              <Button component={Link} to={`/review/tasks/${task.id}`} variant="light" rightSection={<IconArrowRight size={16} aria-hidden />}>
                Open task
              </Button>
            </Group>
          </Card>
        );
      })}
    </Stack>
  );
}
