import { Button, Stack, Text, Title } from '@mantine/core';
import { IconChecklist, IconShieldCheck } from '@tabler/icons-react';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router-dom';
import { EmptyMessage } from '../../../ui/EmptyMessage';
import { PageHeader } from '../../../ui/PageHeader';
import { CardSkeletons, QueryState } from '../../../ui/QueryState';
import { RequireSignIn } from '../../accounts/components/RequireSignIn';
import { accessNotice } from '../../../ui/AccessNotice';
import { MyTasksList } from '../components/MyTasksList';
import { QueueList } from '../components/QueueList';
import { myVerificationTasksQuery } from '../graphql/my-verification-tasks.query';
import { verificationQueueQuery } from '../graphql/verification-queue.query';

/** `/review`: the reviewer's own tasks, then the queue of tasks waiting for a reviewer. */
export function ReviewQueuePage() {
  return (
    <>
      <PageHeader
        title="Verification queue"
        description="Claim a task to check a case study’s evidence and its references’ answers. A claimed task is yours for 72 hours."
        actions={
          <Button component={Link} to="/review/affiliations" variant="default" leftSection={<IconShieldCheck size={16} aria-hidden />}>
            Your affiliations
          </Button>
        }
      />
      <RequireSignIn>{() => <ReviewQueue />}</RequireSignIn>
    </>
  );
}

function ReviewQueue() {
  const mine = useQuery(myVerificationTasksQuery, { fetchPolicy: 'cache-and-network' });
  const queue = useQuery(verificationQueueQuery, { fetchPolicy: 'cache-and-network' });
  return (
    <QueryState loading={queue.loading} error={queue.error} data={queue.data?.verificationQueue} onRetry={() => void queue.refetch()} skeleton={<CardSkeletons count={3} height={110} />} renderError={accessNotice('reviewers')}>
      {(tasks) => (
        <Stack gap="xl">
          <Stack gap="sm" component="section" aria-labelledby="your-tasks-title">
            <Title order={2} id="your-tasks-title">
              Your tasks
            </Title>
            <QueryState loading={mine.loading} error={mine.error} data={mine.data?.myVerificationTasks} onRetry={() => void mine.refetch()} skeleton={<CardSkeletons count={1} height={90} />}>
              {(held) =>
                held.length ? (
                  <MyTasksList tasks={held} />
                ) : (
                  <Text size="sm" c="dimmed">
                    You hold no tasks. Claim one below.
                  </Text>
                )
              }
            </QueryState>
          </Stack>
          <Stack gap="sm" component="section" aria-labelledby="waiting-title">
            <Title order={2} id="waiting-title">
              Waiting for a reviewer
            </Title>
            {tasks.length ? (
              <QueueList tasks={tasks} />
            ) : (
              <EmptyMessage icon={<IconChecklist aria-hidden />} title="The queue is empty" description="Every submitted case study has a reviewer. New tasks appear here as vendors submit." />
            )}
          </Stack>
        </Stack>
      )}
    </QueryState>
  );
}
