import type { ReactNode } from 'react';
import { Accordion, Anchor, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Term } from '../../../ui/Term';
import { useQuery } from '@apollo/client/react';
import { IconChartDots, IconLock } from '@tabler/icons-react';
import { Link, useParams } from 'react-router-dom';
import type { MyVendorSignalsQuery } from '../../../gql/graphql';
import { EmptyMessage } from '../../../ui/EmptyMessage';
import { formatDate, formatDateTime } from '../../../ui/format';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryState } from '../../../ui/QueryState';
import { RequireSignIn } from '../../accounts/components/RequireSignIn';
import type { CurrentUser } from '../../accounts/hooks/use-current-user';
import { ExplanationList } from '../components/ExplanationList';
import { FlagList } from '../components/FlagList';
import { forestPlotRows, formatEstimate, formatShare, formatSources, SIGNAL_KEYS } from '../components/signal-format';
import { SignalForestPlot } from '../components/SignalForestPlot';
import { WhyThisScore } from '../components/WhyThisScore';
import { BackLink } from '../../../ui/BackLink';
import { myVendorSignalsQuery } from '../graphql/my-vendor-signals.query';
import { type SignalName, useSignalNames } from '../hooks/use-signal-names';

type Signals = NonNullable<MyVendorSignalsQuery['vendorSignals']>;
type Hints = MyVendorSignalsQuery['vendorImprovementHints'];

/** `/vendor/:vendorId/signals`: the vendor's own signals, why they are what they are, and what would improve them. */
export function VendorSignalsPage() {
  return <RequireSignIn>{(me) => <VendorSignals me={me} />}</RequireSignIn>;
}

function VendorSignals({ me }: { me: CurrentUser }) {
  const { vendorId = '' } = useParams();
  const membership = me.memberships.find((m) => m.organization.id === vendorId && m.organization.kind === 'vendor');
  const { data, loading, error, refetch } = useQuery(myVendorSignalsQuery, { variables: { vendorId }, skip: !membership, fetchPolicy: 'cache-and-network' });
  const names = useSignalNames();

  if (!membership) {
    return (
      <>
        <PageHeader title="Signals" />
        <EmptyMessage
          icon={<IconLock aria-hidden />}
          title="Only members of this consultancy see this page"
          description="It shows a consultancy its own signals with the evidence behind them. Buyers see the public signals on each consultancy's page."
          actions={
            <Button component={Link} to="/consultancies" variant="default">
              Browse consultancies
            </Button>
          }
        />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Your signals"
        eyebrow={<BackLink to={`/organizations/${vendorId}`}>{membership.organization.name}</BackLink>}
        description="What buyers see of your verified record: every signal with its 90% credible interval, the evidence that moved it, and what would improve it."
        actions={
          <Button component={Link} to="/methodology" variant="default">
            How signals are computed
          </Button>
        }
      />
      <QueryState loading={loading || names.loading} error={error ?? names.error} data={data && !names.loading ? data : undefined} onRetry={() => void refetch()}>
        {(d) =>
          d.vendorSignals ? (
            <SignalsContent signals={d.vendorSignals} hints={d.vendorImprovementHints} names={names.byKey} vendorName={membership.organization.name} vendorId={vendorId} />
          ) : (
            <EmptyMessage
              icon={<IconChartDots aria-hidden />}
              title="No signals yet"
              description="Signals appear once you submit your first case study. They grow more certain as reviewers verify your outcomes and your clients answer their reference checks."
              actions={
                <Button component={Link} to={`/vendor/${vendorId}/case-studies`} variant="light">
                  Your case studies
                </Button>
              }
            />
          )
        }
      </QueryState>
    </>
  );
}

function SignalsContent({ signals, hints, names, vendorName, vendorId }: { signals: Signals; hints: Hints; names: Map<string, SignalName>; vendorName: string; vendorId: string }) {
  const nameOf = (key: string) => names.get(key)?.name ?? key;
  const rows = forestPlotRows(signals, Object.fromEntries([...names].map(([k, v]) => [k, v.name])));
  const explanations = new Map(signals.explanations.map((e) => [e.signal, e.items]));
  const hintsBySignal = new Map(hints.map((h) => [h.signal, h.hints]));

  return (
    <Stack gap={40}>
      <section aria-labelledby="overview">
        <Title order={2} id="overview" mb="sm">
          At a glance
        </Title>
        <Card>
          <Stack gap="lg">
            <SignalForestPlot rows={rows} title={`Signals of ${vendorName}: estimates and 90% credible intervals`} />
            {/* The same sentences buyers read on the public page. */}
            <WhyThisScore items={explanations.get('assay') ?? []} />
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
              <Stat label={<Term term="sources">Evidence</Term>} value={formatSources(signals.evidenceDepth.mean)} />
              <Stat label="Verified case studies" value={String(signals.verifiedCaseStudies)} />
              <Stat label="Last verified" value={signals.lastVerifiedAt ? formatDate(signals.lastVerifiedAt) : 'Not yet'} />
              <Stat label="Computed" value={formatDateTime(signals.computedAt)} />
            </SimpleGrid>
            <Text size="sm" c="dimmed">
              By default buyers see the consultancies in the order of the <Term term="estimate">Assay score</Term>, yours {formatShare(signals.assay.mean)}; buyers who
              want the cautious order sort by <Term term="cautious">the low end of the range</Term>, yours {formatShare(signals.assay.lower)}. More verified evidence
              narrows the <Term term="interval">interval</Term> and raises that
              end. Methodology version {signals.configVersion};{' '}
              <Anchor component={Link} to="/methodology" size="sm" underline="always">
                read how each signal is computed
              </Anchor>
              .
            </Text>
          </Stack>
        </Card>
      </section>

      <section aria-labelledby="flags">
        <Title order={2} id="flags" mb="sm">
          Integrity flags
        </Title>
        <FlagList flags={signals.flags} />
      </section>

      <section aria-labelledby="by-signal">
        <Title order={2} id="by-signal" mb={4}>
          Signal by signal
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Each signal lists the evidence that moved it, most influential first — its weight, what the weight is made of, and how much it moved the estimate — and what would improve it.
        </Text>
        <Accordion multiple defaultValue={['assay']} variant="separated" chevronPosition="right">
          {SIGNAL_KEYS.map((key) => (
            <Accordion.Item key={key} value={key}>
              <Accordion.Control>
                <Group justify="space-between" gap="xs" wrap="wrap" pr="xs">
                  <Text fw={600}>{nameOf(key)}</Text>
                  <Text size="sm" c="dimmed">
                    {formatEstimate(key, signals[key])}
                  </Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="md">
                  {names.get(key)?.question && <Text size="sm">{names.get(key)!.question}</Text>}
                  <div>
                    <Title order={3} size="h4" mb="xs">
                      What moved it
                    </Title>
                    <ExplanationList signal={key} items={explanations.get(key) ?? []} caseStudyHref={(id) => `/case-studies/${id}`} />
                  </div>
                  <div>
                    <Title order={3} size="h4" mb="xs">
                      What would improve it
                    </Title>
                    <List size="sm" spacing={4}>
                      {(hintsBySignal.get(key) ?? []).map((hint) => (
                        <List.Item key={hint}>{hint}</List.Item>
                      ))}
                    </List>
                  </div>
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      </section>
      <Text size="sm">
        <Anchor component={Link} to={`/vendor/${vendorId}/case-studies`}>
          Your case studies
        </Anchor>
      </Text>
    </Stack>
  );
}

function Stat({ label, value }: { label: ReactNode; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </div>
  );
}
