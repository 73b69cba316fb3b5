import { Badge, Card, Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { formatDateTime } from '../../../ui/format';
import { accessNotice } from '../../../ui/AccessNotice';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryState } from '../../../ui/QueryState';
import { RequireSignIn } from '../../accounts/components/RequireSignIn';
import { signalsPipelineQuery } from '../graphql/signals-pipeline.query';

/** Refreshed every few seconds while open: the numbers move as the drain works. */
const POLL_MS = 5000;

/** `/admin/signals`: the evidence outbox and its drain job (admins only). */
export function SignalsPipelinePage() {
  return (
    <>
      <PageHeader
        title="Signals pipeline"
        description="Every change to a vendor's evidence refreshes that vendor at once and queues an event; a background job then refreshes every vendor that depends on it. This page shows how far behind that job is."
      />
      <RequireSignIn>{() => <Pipeline />}</RequireSignIn>
    </>
  );
}

function ageInWords(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} seconds`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} minutes`;
  return `${(seconds / 3600).toFixed(1)} hours`;
}

function Pipeline() {
  const { data, loading, error, refetch } = useQuery(signalsPipelineQuery, { pollInterval: POLL_MS, fetchPolicy: 'cache-and-network' });
  return (
    <QueryState
      loading={loading}
      error={error}
      data={data?.signalsPipeline}
      onRetry={() => void refetch()}
      skeleton={<Skeleton height={120} />}
      renderError={accessNotice('admins', 'It shows the platform’s internal job queue, so only Assay admins can open it.')}
    >
      {(p) => {
        const behind = p.pendingEvents > 0;
        return (
          <Stack gap="md">
            <Group gap="sm" role="status">
              <Badge color={behind ? 'yellow' : 'teal'} variant="light" size="lg">
                {behind ? 'Catching up' : 'Up to date'}
              </Badge>
              <Text size="sm" c="dimmed">
                {behind
                  ? `${p.pendingEvents} change${p.pendingEvents === 1 ? '' : 's'} to ${p.pendingVendors} vendor${p.pendingVendors === 1 ? '' : 's'} waiting; the oldest for ${ageInWords(p.oldestPendingAgeSeconds ?? 0)}.`
                  : 'Every change to the evidence has reached the signals of every vendor it affects.'}
              </Text>
            </Group>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
              <Stat label="Pending evidence events" value={String(p.pendingEvents)} />
              <Stat label="Oldest pending since" value={p.oldestPendingAt ? formatDateTime(p.oldestPendingAt) : '—'} />
              <Stat label="Drain jobs (waiting / working)" value={`${p.drainJobsWaiting} / ${p.drainJobsActive}`} />
              <Stat label="Last refresh" value={p.lastRefreshAt ? formatDateTime(p.lastRefreshAt) : 'Never'} />
            </SimpleGrid>
            <Text size="sm" c="dimmed">
              {p.vendorsWithSignals} vendors have signals. Run <code>npm run signals:status</code> for the same figures on the command line.
            </Text>
          </Stack>
        );
      }}
    </QueryState>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder padding="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} mt={4}>
        {value}
      </Text>
    </Card>
  );
}
