import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconExternalLink, IconScale } from '@tabler/icons-react';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router-dom';
import type { Handover, ProductionStatus, PublicVendorQuery } from '../../../gql/graphql';
import { formatDate } from '../../../ui/format';
import { PageHeader } from '../../../ui/PageHeader';
import { CardSkeletons, QueryState } from '../../../ui/QueryState';
import { CompareBar } from '../../compare/components/CompareBar';
import { useCompareSelection } from '../../compare/hooks/use-compare-selection';
import { CaseStudyStatusBadge } from '../../case-studies/components/CaseStudyStatusBadge';
import {
  evidenceLine,
  EvidenceTrend,
  FlagList,
  forestPlotRows,
  formatInterval,
  formatShare,
  formatSources,
  hasEnoughEvidence,
  IntervalBar,
  NOT_ENOUGH_EVIDENCE,
  notEnoughEvidenceReason,
  SignalForestPlot,
  useSignalNames,
  ScoreHistoryChart,
  showsTrend,
  WhyThisScore,
} from '../../signals';
import { Term } from '../../../ui/Term';
import { SaveToShortlistButton } from '../../shortlists/components/SaveToShortlistButton';
import { taxonomyLabels } from '../../vendors/components/taxonomy-labels';
import { taxonomyQuery } from '../../vendors/graphql/taxonomy.query';
import { CaseStudyVerdicts } from '../components/CaseStudyVerdicts';
import { HANDOVER_RUN_BY, PRODUCTION_STATUS } from '../../../ui/labels';
import { OutcomeChart, OutcomeChartLegend } from '../components/OutcomeChart';
import { publicVendorQuery } from '../graphql/public-vendor.query';

type CaseStudy = PublicVendorQuery['vendorCaseStudies'][number];

/** Verified evidence first, then reviewed-but-not-verified, then what still waits for a reviewer. */
const STATUS_ORDER: Record<string, number> = { verified: 0, partially_verified: 1, disputed: 2, unverified: 3, in_verification: 4, submitted: 5 };
const awaitingVerification = (status: string) => status === 'submitted' || status === 'in_verification';

/** `/consultancies/:id`: what a consultancy verifiably delivered, with honest uncertainty. */
export function VendorPublicPage() {
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(publicVendorQuery, { variables: { vendorId: id } });
  const taxonomy = useQuery(taxonomyQuery);
  const labels = taxonomyLabels(taxonomy.data?.taxonomy);
  const { names } = useSignalNames();
  const signals = data?.vendorSignals ?? null;
  useDocumentTitle(data ? `${data.vendorProfile.name} · Assay` : 'Consultancy · Assay');
  const compare = useCompareSelection();

  return (
    <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} skeleton={<CardSkeletons count={3} height={200} />}>
      {(d) => {
        const v = d.vendorProfile;
        const cases = d.vendorCaseStudies
          .filter((c) => c.status !== 'draft' && c.status !== 'withdrawn')
          .sort((a, b) => (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9));
        const titles = new Map(cases.map((c) => [c.id, c.title]));
        const refs = d.vendorReferenceSummary;
        const assayItems = signals?.explanations.find((e) => e.signal === 'assay')?.items ?? [];
        // "0 of 0 answered" says nothing: only lines with something behind them are shown.
        const referenceLines = [
          refs.nominatedRequested > 0 && { label: 'Nominated by the consultancy', text: `${refs.nominatedAnswered} of ${refs.nominatedRequested} answered` },
          refs.drawnRequested > 0 && { label: 'Drawn at random by Assay', text: `${refs.drawnAnswered} of ${refs.drawnRequested} answered` },
          refs.wouldHireAgainAnswered > 0 && { label: 'Would hire again', text: `${refs.wouldHireAgainYes} of ${refs.wouldHireAgainAnswered} clients` },
        ].filter((l): l is { label: string; text: string } => Boolean(l));
        return (
          <Stack gap="xl" pb={80}>
            <PageHeader
              eyebrow="Consultancy"
              title={v.name}
              description={v.description || undefined}
              actions={
                <Group gap="xs" className="no-print">
                  <Button
                    variant={compare.isSelected(v.id) ? 'filled' : 'default'}
                    leftSection={<IconScale size={16} aria-hidden />}
                    disabled={compare.isFull && !compare.isSelected(v.id)}
                    onClick={() => compare.toggle({ id: v.id, name: v.name })}
                    aria-pressed={compare.isSelected(v.id)}
                  >
                    {compare.isSelected(v.id) ? 'Chosen for comparison' : 'Add to compare'}
                  </Button>
                  <SaveToShortlistButton vendor={{ id: v.id, name: v.name }} />
                </Group>
              }
            />
            <Group gap="xs" wrap="wrap" aria-label="Profile">
              {v.capabilities.map((c) => (
                <Badge key={c} variant="light" tt="none">
                  {labels.capability(c)}
                </Badge>
              ))}
              <Text size="sm">
                {[v.industries.map(labels.industry).join(', '), v.regions.map(labels.region).join(', '), v.teamSize ? `${v.teamSize} people` : null, v.rateBand ? labels.rateBand(v.rateBand) : null, v.foundedYear ? `founded ${v.foundedYear}` : null]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              {v.website && (
                <Anchor href={v.website} target="_blank" rel="noopener noreferrer" size="sm">
                  Website <IconExternalLink size={12} aria-label="(opens in a new tab)" />
                </Anchor>
              )}
            </Group>

            <Card withBorder padding="lg" component="section" aria-labelledby="signals-heading">
              <Stack gap="sm">
                <Group justify="space-between">
                  <Title order={2} id="signals-heading">
                    Signals
                  </Title>
                  <Anchor component={Link} to="/methodology" size="sm">
                    How Assay computes these
                  </Anchor>
                </Group>
                {signals && hasEnoughEvidence(signals) ? (
                  <Stack gap="xs">
                    <Text fw={600}>
                      {evidenceLine(signals)}
                      {signals.lastVerifiedAt ? ` · last verified ${formatDate(signals.lastVerifiedAt)}` : ''}
                    </Text>
                    <Group gap="md" wrap="nowrap" align="center" maw={560}>
                      <Text style={{ whiteSpace: 'nowrap' }}>
                        Assay <Text span fw={700} fz={28}>{formatShare(signals.assay.mean)}</Text>
                      </Text>
                      <IntervalBar mean={signals.assay.mean} lower={signals.assay.lower} upper={signals.assay.upper} label={`Assay score of ${v.name}`} />
                    </Group>
                    <Text size="sm" c="gray.7">
                      Likely between {formatInterval(signals.assay.lower, signals.assay.upper)} (<Term term="interval">90% interval</Term>); {formatSources(signals.evidenceDepth.mean)} (
                      <Term term="sources">what this means</Term>).
                    </Text>
                    <WhyThisScore items={assayItems} caseStudyTitles={titles} />
                    <Title order={3} size="h4" mt="sm">
                      How the score built up
                    </Title>
                    <ScoreHistoryChart history={signals.history} title={`Assay score of ${v.name} over time`} />
                  </Stack>
                ) : (
                  <Stack gap={4}>
                    <Text fw={700}>{NOT_ENOUGH_EVIDENCE}</Text>
                    <Text size="sm">{notEnoughEvidenceReason(signals)}</Text>
                  </Stack>
                )}
                {signals && (
                  <>
                    <Title order={3} size="h4" mt="sm">
                      Signal by signal
                    </Title>
                    <SignalForestPlot rows={forestPlotRows(signals, names)} title={`Signals of ${v.name}`} />
                    {showsTrend(signals.trend) && (
                      <section aria-labelledby="trend-heading">
                        <Title order={3} size="h4" mt="sm" mb="xs" id="trend-heading">
                          Recent against earlier evidence
                        </Title>
                        <EvidenceTrend trend={signals.trend} title={`Verified share of the claimed gains of ${v.name}: earlier and recent projects`} />
                      </section>
                    )}
                    <Title order={3} size="h4" mt="sm">
                      Integrity flags
                    </Title>
                    <FlagList flags={signals.flags} />
                  </>
                )}
              </Stack>
            </Card>

            <Card withBorder padding="lg" component="section" aria-labelledby="references-heading">
              <Title order={2} id="references-heading" mb="sm">
                Client references
              </Title>
              {referenceLines.length ? (
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  {referenceLines.map((l) => (
                    <Text size="sm" key={l.label}>
                      <strong>{l.label}:</strong> {l.text}
                    </Text>
                  ))}
                </SimpleGrid>
              ) : (
                <Text size="sm">No client has been asked for a reference yet.</Text>
              )}
            </Card>

            <Stack gap="md" component="section" aria-labelledby="case-studies-heading">
              <Title order={2} id="case-studies-heading">
                Case studies
              </Title>
              {cases.length === 0 && <Text size="sm">No case studies submitted yet.</Text>}
              {cases.map((cs) => (
                <CaseStudyCard key={cs.id} cs={cs} />
              ))}
            </Stack>
            <CompareBar />
          </Stack>
        );
      }}
    </QueryState>
  );
}

function CaseStudyCard({ cs }: { cs: CaseStudy }) {
  const headingId = `case-study-${cs.id}`;
  const awaiting = awaitingVerification(cs.status);
  const claimed = awaiting ? ' (claimed)' : '';
  const events = [
    cs.startedOn && { at: cs.startedOn, title: 'Project started' },
    cs.endedOn && { at: cs.endedOn, title: 'Project ended' },
    cs.productionSince && { at: cs.productionSince, title: 'In production' },
    cs.retiredOn && { at: cs.retiredOn, title: 'Retired' },
    cs.submittedAt && { at: cs.submittedAt, title: 'Submitted to Assay' },
    cs.verifiedAt && { at: cs.verifiedAt, title: 'Verdict recorded' },
  ].filter((e): e is { at: string; title: string } => Boolean(e));
  events.sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={headingId} bg={awaiting ? 'gray.0' : undefined}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Title order={3} id={headingId} c={awaiting ? 'gray.8' : undefined}>
            {cs.title}
          </Title>
          {awaiting ? (
            <Badge variant="outline" color="gray" tt="none" c="gray.8">
              Awaiting verification
            </Badge>
          ) : (
            <CaseStudyStatusBadge status={cs.status} />
          )}
        </Group>
        <Group gap="md">
          <Anchor component={Link} to={`/case-studies/${cs.id}`} size="sm" aria-label={`Case study page: ${cs.title}`}>
            Case study page
          </Anchor>
          {!awaiting && (
            <Anchor component={Link} to={`/receipts/${cs.id}`} size="sm" aria-label={`Ledger receipt of ${cs.title}`}>
              Ledger receipt
            </Anchor>
          )}
        </Group>
        <Text size="sm">
          <strong>Client:</strong> {cs.client.displayName}
          {cs.client.anonymised ? ' (anonymised at the client’s request)' : ''} · <strong>Now{claimed}:</strong> {PRODUCTION_STATUS[cs.productionStatus as ProductionStatus] ?? cs.productionStatus}, run by{' '}
          {HANDOVER_RUN_BY[cs.handover as Handover] ?? cs.handover}
        </Text>
        {cs.problem && <Text size="sm">{cs.problem}</Text>}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <div>
            <Group justify="space-between" mb={4} gap="xs">
              <Title order={4} size="h5">
                {awaiting ? 'Claimed outcomes' : 'Claimed vs verified'}
              </Title>
              <OutcomeChartLegend />
            </Group>
            <OutcomeChart outcomes={cs.outcomes} title={`Outcomes of ${cs.title}: claimed vs verified`} claimed={awaiting} />
          </div>
          <div>
            <Title order={4} size="h5" mb={4}>
              Timeline
            </Title>
            <Timeline bulletSize={12} lineWidth={2} active={events.length - 1}>
              {events.map((e, i) => (
                <Timeline.Item key={i} title={e.title}>
                  <Text size="xs" c="gray.7">
                    {formatDate(e.at)}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          </div>
        </SimpleGrid>
        <Title order={4} size="h5">
          Verification
        </Title>
        <CaseStudyVerdicts caseStudyId={cs.id} headingId={headingId} />
      </Stack>
    </Card>
  );
}
