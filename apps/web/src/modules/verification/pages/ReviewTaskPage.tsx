import { useState } from 'react';
import { Alert, Badge, Button, Card, Grid, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconClockHour4, IconLock } from '@tabler/icons-react';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router-dom';
import type { VerdictDetailFragment, VerificationTaskDetailFragment } from '../../../gql/graphql';
import { EmptyMessage } from '../../../ui/EmptyMessage';
import { formatDateTime } from '../../../ui/format';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryState } from '../../../ui/QueryState';
import { RequireSignIn } from '../../accounts/components/RequireSignIn';
import { accessNotice } from '../../../ui/AccessNotice';
import { BackLink } from '../../../ui/BackLink';
import { EvidenceList } from '../components/EvidenceList';
import { leaseText } from '../components/MyTasksList';
import { OutcomeComparison } from '../components/OutcomeComparison';
import { ReferenceAnswers } from '../components/ReferenceAnswers';
import { reviewErrorMessage } from '../components/review-errors';
import { TaskClaims } from '../components/TaskClaims';
import { TaskKindBadge } from '../components/TaskKindBadge';
import { VerdictForm } from '../components/VerdictForm';
import { VerdictRecorded } from '../components/VerdictRecorded';
import { FlagAnonymityLeakForm } from '../components/FlagAnonymityLeakForm';
import { verificationTaskQuery } from '../graphql/verification-task.query';

/** `/review/tasks/:id`: the claims, evidence and reference answers side by side, and the verdict form. */
export function ReviewTaskPage() {
  return <RequireSignIn>{() => <ReviewTask />}</RequireSignIn>;
}

function ReviewTask() {
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(verificationTaskQuery, { variables: { id } });
  return (
    <QueryState
      loading={loading}
      error={error}
      data={data?.verificationTask}
      onRetry={() => void refetch()}
      skeleton={
        <Stack gap="lg">
          <Skeleton height={36} width="60%" />
          <Skeleton height={18} width="40%" />
          <Skeleton height={240} />
        </Stack>
      }
      renderError={(description, raw) => {
        if (description.reason === 'NOT_LEASEHOLDER' || description.code === 'NOT_FOUND') {
          return (
            <>
              <PageHeader title="Task not available" eyebrow={<BackLink to="/review">Your review tasks</BackLink>} />
              <EmptyMessage
                icon={<IconLock aria-hidden />}
                title={description.code === 'NOT_FOUND' ? 'This task does not exist' : 'This task is not yours'}
                description={description.code === 'NOT_FOUND' ? 'The address may be mistyped, or the task was removed.' : reviewErrorMessage(raw)}
                actions={
                  <Button component={Link} to="/review">
                    Go to the queue
                  </Button>
                }
              />
            </>
          );
        }
        return accessNotice('reviewers')(description);
      }}
    >
      {(task) => <TaskDetails task={task} />}
    </QueryState>
  );
}

function TaskDetails({ task }: { task: VerificationTaskDetailFragment }) {
  const [recorded, setRecorded] = useState<VerdictDetailFragment | null>(null);
  const cs = task.caseStudy;
  const lease = leaseText(task.leaseExpiresAt);
  const open = task.status === 'leased' && !recorded;

  return (
    <>
      <PageHeader
        title={cs.title}
        eyebrow={
          <Group gap="sm">
            <BackLink to="/review">Your review tasks</BackLink>
            <TaskKindBadge kind={task.kind} />
          </Group>
        }
        description={
          <Stack gap={6}>
            <span>
              {cs.vendorName} for {cs.client.name ?? cs.client.displayName}
            </span>
            {open && (
              <Group gap="xs">
                <IconClockHour4 size={16} aria-hidden />
                <Badge color={lease.expired ? 'red' : 'indigo'} variant="light" tt="none" fw={600}>
                  {lease.text}
                </Badge>
                {task.leaseExpiresAt && <Text size="xs">({formatDateTime(task.leaseExpiresAt)})</Text>}
              </Group>
            )}
          </Stack>
        }
      />
      <Stack gap="xl">
        {task.kind === 'spot_check' && (
          <Alert color="grape" variant="light" title="This is a spot check">
            Another reviewer already gave a verdict on this case study. Judge it independently, from the evidence and the answers; you do not see
            their verdict.
          </Alert>
        )}
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="xl">
              <Stack gap="sm" component="section" aria-labelledby="claims-title">
                <Title order={2} id="claims-title">
                  What the consultancy claims
                </Title>
                <TaskClaims cs={cs} />
              </Stack>
              <Stack gap="sm" component="section" aria-labelledby="comparison-title">
                <Title order={2} id="comparison-title">
                  Outcomes: claim against the references’ answers
                </Title>
                <OutcomeComparison task={task} />
              </Stack>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="lg">
              <Card component="section" aria-labelledby="evidence-title">
                <Stack gap="sm">
                  <Title order={2} size="h3" id="evidence-title">
                    Evidence
                  </Title>
                  <EvidenceList caseStudyId={cs.id} />
                </Stack>
              </Card>
              <Stack gap="sm" component="section" aria-labelledby="references-title">
                <Title order={2} size="h3" id="references-title">
                  References
                </Title>
                <ReferenceAnswers references={task.references} />
              </Stack>
              {cs.client.anonymised && (task.status === 'leased' || task.status === 'completed') && (
                <Card component="section" aria-labelledby="anonymity-title">
                  <Stack gap="sm">
                    <Title order={2} size="h3" id="anonymity-title">
                      Anonymity
                    </Title>
                    <FlagAnonymityLeakForm taskId={task.id} />
                  </Stack>
                </Card>
              )}
            </Stack>
          </Grid.Col>
        </Grid>

        <Card component="section" aria-labelledby="verdict-title" padding="xl" style={{ borderColor: 'var(--mantine-color-indigo-3)' }}>
          <Stack gap="md">
            <Title order={2} id="verdict-title">
              Your verdict
            </Title>
            {recorded ? (
              <VerdictRecorded verdict={recorded} claims={cs.outcomes} />
            ) : open ? (
              <VerdictForm taskId={task.id} claims={cs.outcomes} onRecorded={setRecorded} />
            ) : (
              <Text c="dimmed">
                {task.status === 'completed'
                  ? 'The verdict on this task is recorded; it cannot change. The consultancy can reply to it or dispute it.'
                  : 'This task is not leased to you, so you cannot record a verdict on it. Claim it from the queue first.'}
              </Text>
            )}
          </Stack>
        </Card>
      </Stack>
    </>
  );
}
