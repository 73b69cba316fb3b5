import { useState } from 'react';
import { Alert, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAddressBook, IconEyeOff } from '@tabler/icons-react';
import { useQuery } from '@apollo/client/react';
import { EmptyMessage } from '../../../ui/EmptyMessage';
import { QueryState } from '../../../ui/QueryState';
import { RosterImport } from '../components/RosterImport';
import { RosterTable } from '../components/RosterTable';
import { rosterEntriesQuery } from '../graphql/roster-entries.query';
import { useVendorDashboard } from '../hooks/use-vendor-dashboard';

const PAGE_SIZE = 25;

/** `/vendor/:orgId/roster`: the client roster, and importing engagements from CSV. */
export function VendorRosterPage() {
  const { vendor } = useVendorDashboard();
  // Cursors of the pages before the current one; the last is the current page's `after`.
  const [cursors, setCursors] = useState<string[]>([]);
  const after = cursors[cursors.length - 1];
  const { data, previousData, loading, error, refetch } = useQuery(rosterEntriesQuery, {
    variables: { vendorId: vendor.id, first: PAGE_SIZE, ...(after ? { after } : {}) },
  });
  const shown = data ?? (loading ? previousData : undefined);

  return (
    <Stack gap="xl">
      <Alert variant="light" color="indigo" icon={<IconEyeOff aria-hidden />} title="Only your team sees this roster">
        Buyers never see it. When you submit a case study, Assay draws reference contacts from it at random — you do not choose which — and
        asks them to confirm your work.
      </Alert>

      <Card component="section" aria-labelledby="import-title">
        <Stack gap="md">
          <Title order={2} id="import-title">
            Import engagements
          </Title>
          <RosterImport vendorId={vendor.id} />
        </Stack>
      </Card>

      <Stack gap="sm" component="section" aria-labelledby="roster-title">
        <Group justify="space-between" align="baseline">
          <Title order={2} id="roster-title">
            Your roster
          </Title>
          {shown && (
            <Text size="sm" c="dimmed">
              {shown.rosterEntries.totalCount === 0
                ? ''
                : `${cursors.length * PAGE_SIZE + 1}–${cursors.length * PAGE_SIZE + shown.rosterEntries.nodes.length} of ${shown.rosterEntries.totalCount.toLocaleString('en-GB')}`}
            </Text>
          )}
        </Group>
        <QueryState
          loading={loading}
          error={error}
          data={shown?.rosterEntries}
          onRetry={() => void refetch()}
          skeleton={
            <Stack gap="xs">
              <Skeleton height={36} />
              <Skeleton height={52} />
              <Skeleton height={52} />
              <Skeleton height={52} />
            </Stack>
          }
          isEmpty={(roster) => roster.nodes.length === 0 && cursors.length === 0}
          empty={
            <EmptyMessage
              icon={<IconAddressBook aria-hidden />}
              title="No engagements yet"
              description="Import your client engagements above. The more complete your roster, the more your references say about you."
            />
          }
        >
          {(roster) => (
            <Stack gap="sm">
              <RosterTable entries={roster.nodes} />
              {(cursors.length > 0 || roster.hasNextPage) && (
                <Group justify="space-between">
                  <Button variant="default" disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
                    Previous page
                  </Button>
                  <Button
                    variant="default"
                    disabled={!roster.hasNextPage || !roster.endCursor}
                    onClick={() => roster.endCursor && setCursors((c) => [...c, roster.endCursor!])}
                  >
                    Next page
                  </Button>
                </Group>
              )}
            </Stack>
          )}
        </QueryState>
      </Stack>
    </Stack>
  );
}
