import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconExternalLink, IconScale } from '@tabler/icons-react';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router-dom';
import type { PublicVendorQuery } from '../../../gql/graphql';
import { formatDate, plural } from '../../../ui/format';
import { PageHeader } from '../../../ui/PageHeader';
import { CardSkeletons, QueryState } from '../../../ui/QueryState';
import { CompareBar } from '../../compare/components/CompareBar';
import { useCompareSelection } from '../../compare/hooks/use-compare-selection';
import { FlagList, forestPlotRows, formatSources, SignalForestPlot, useSignalNames } from '../../signals';
import { SaveToShortlistButton } from '../../shortlists/components/SaveToShortlistButton';
import { taxonomyLabels } from '../../vendors/components/taxonomy-labels';
import { taxonomyQuery } from '../../vendors/graphql/taxonomy.query';
import { CaseStudyVerdicts, HANDOVER_LABELS, PRODUCTION_LABELS } from '../components/CaseStudyVerdicts';
import { OutcomeChart } from '../components/OutcomeChart';
import { publicVendorQuery } from '../graphql/public-vendor.query';

type CaseStudy = PublicVendorQuery['vendorCaseStudies'][number];
const STATUS_LABELS: Record<string, string> = {
  submitted: 'Submitted, waiting for verification',
  in_verification: 'In verification',
  verified: 'Verified',
  partially_verified: 'Partly verified',
  unverified: 'Not verified',
  disputed: 'Verdict disputed',
};

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
        const cases = d.vendorCaseStudies.filter((c) => c.status !== 'draft' && c.status !== 'withdrawn');
        const refs = d.vendorReferenceSummary;
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
                {signals ? (
                  <>
                    <Text size="sm">
                      {plural(signals.verifiedCaseStudies, 'verified case study', 'verified case studies')}, {formatSources(signals.evidenceDepth.mean)}
                      {signals.lastVerifiedAt ? `, last verified ${formatDate(signals.lastVerifiedAt)}` : ''}.
                    </Text>
                    <SignalForestPlot rows={forestPlotRows(signals, names)} title={`Signals of ${v.name}`} />
                    <Title order={3} size="h4" mt="sm">
                      Integrity flags
                    </Title>
                    <FlagList flags={signals.flags} />
                  </>
                ) : (
                  <Text size="sm">No verified evidence yet: Assay shows signals once a case study has been submitted for verification.</Text>
                )}
              </Stack>
            </Card>

            <Card withBorder padding="lg" component="section" aria-labelledby="references-heading">
              <Title order={2} id="references-heading" mb="sm">
                Client references
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Text size="sm">
                  <strong>Nominated by the consultancy:</strong> {refs.nominatedAnswered} of {refs.nominatedRequested} answered
                </Text>
                <Text size="sm">
                  <strong>Drawn at random by Assay:</strong> {refs.drawnAnswered} of {refs.drawnRequested} answered
                </Text>
                <Text size="sm">
                  <strong>Would hire again:</strong> {refs.wouldHireAgainAnswered ? `${refs.wouldHireAgainYes} of ${refs.wouldHireAgainAnswered}` : 'no answers yet'}
                </Text>
              </SimpleGrid>
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
    <Card withBorder padding="lg" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Title order={3} id={headingId}>
            {cs.title}
          </Title>
          <Badge variant="light" tt="none" color={cs.status === 'verified' ? 'teal' : cs.status === 'partially_verified' ? 'yellow' : 'gray'}>
            {STATUS_LABELS[cs.status] ?? cs.status}
          </Badge>
        </Group>
        <Text size="sm">
          <strong>Client:</strong> {cs.client.displayName}
          {cs.client.anonymised ? ' (anonymised at the client’s request)' : ''} · <strong>Now:</strong> {PRODUCTION_LABELS[cs.productionStatus] ?? cs.productionStatus}, run by {HANDOVER_LABELS[cs.handover] ?? cs.handover}
        </Text>
        {cs.problem && <Text size="sm">{cs.problem}</Text>}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <div>
            <Title order={4} size="h5" mb={4}>
              Claimed vs verified
            </Title>
            <OutcomeChart outcomes={cs.outcomes} title={`Outcomes of ${cs.title}: claimed vs verified`} />
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
