import { Skeleton } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useQuery } from '@apollo/client/react';
import { EmptyMessage } from '../../../ui/EmptyMessage';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryState } from '../../../ui/QueryState';
import { accessNotice } from '../../../ui/AccessNotice';
import { RequireSignIn } from '../../accounts/components/RequireSignIn';
import { TaskQueueTable } from '../components/TaskQueueTable';
import { reviewersQuery } from '../graphql/reviewers.query';
import { verificationQueueQuery } from '../graphql/verification-queue.query';

/** `/admin/tasks`: every verification task not yet done, how the draw placed it, and why each check exists. */
export function TasksAdminPage() {
  return (
    <>
      <PageHeader
        title="Verification tasks"
        description="Assay offers each task to a reviewer drawn at random from those without a conflict; a lapsed or declined offer goes to the next draw. Checks are blind second verdicts; a tie-break means two reviewers disagreed. You can offer a task to a named reviewer: conflicts still apply, and the offer is recorded."
      />
      <RequireSignIn>{() => <Tasks />}</RequireSignIn>
    </>
  );
}

function Tasks() {
  const tasks = useQuery(verificationQueueQuery, { fetchPolicy: 'cache-and-network' });
  const reviewers = useQuery(reviewersQuery, { fetchPolicy: 'cache-and-network' });
  const both = tasks.data && reviewers.data ? { tasks: tasks.data.verificationQueue, reviewers: reviewers.data.reviewers } : undefined;
  return (
    <QueryState
      loading={tasks.loading || reviewers.loading}
      error={tasks.error ?? reviewers.error}
      data={both}
      onRetry={() => void Promise.all([tasks.refetch(), reviewers.refetch()])}
      skeleton={<Skeleton height={240} />}
      renderError={accessNotice('admins')}
    >
      {({ tasks: list, reviewers: pool }) =>
        list.length ? (
          <TaskQueueTable tasks={list} reviewers={pool} />
        ) : (
          <EmptyMessage icon={<IconChecklist aria-hidden />} title="No tasks waiting" description="Every submitted case study has its verdict, and every check is done." />
        )
      }
    </QueryState>
  );
}
