import type { ReactNode } from 'react';
import { Alert, Anchor, Badge, Box, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router-dom';
import { EmptyMessage } from '../../../ui/EmptyMessage';
import { PageHeader } from '../../../ui/PageHeader';
import { CardSkeletons, QueryState } from '../../../ui/QueryState';
import { TableScroll } from '../../../ui/TableScroll';
import { FlagList, ForestPlotLegend, formatShare, formatShareOrDash, formatSources, isPriorOnly, NO_DATA_REASONS, SHARE_SIGNAL_KEYS, SignalForestPlot, useSignalNames } from '../../signals';
import { compareConclusion } from '../components/compare-conclusion';
import { SaveToShortlistButton } from '../../shortlists/components/SaveToShortlistButton';
import { taxonomyLabels } from '../../vendors/components/taxonomy-labels';
import { taxonomyQuery } from '../../vendors/graphql/taxonomy.query';
import { compareCsv, meanVerifiedShare } from '../components/compare-csv';
import { compareVendorsQuery } from '../graphql/compare-vendors.query';
import { COMPARE_LIMIT } from '../hooks/use-compare-selection';
import classes from './ComparePage.module.css';
import { Term, type TermKey } from '../../../ui/Term';

function download(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** `/compare?ids=a,b,c`: up to five consultancies side by side, every signal on a shared axis. */
export function ComparePage() {
  useDocumentTitle('Compare consultancies · Assay');
  const [params] = useSearchParams();
  const ids = (params.get('ids') ?? '').split(',').filter(Boolean);
  const tooMany = ids.length > COMPARE_LIMIT;
  const { data, loading, error, refetch } = useQuery(compareVendorsQuery, { variables: { ids: ids.slice(0, COMPARE_LIMIT) }, skip: ids.length === 0 });
  const { names, byKey } = useSignalNames();
  const taxonomy = useQuery(taxonomyQuery);
  const labels = taxonomyLabels(taxonomy.data?.taxonomy);

  if (ids.length === 0) {
    return (
      <>
        <PageHeader title="Compare consultancies" />
        <EmptyMessage
          title="Nothing to compare yet"
          description={`Tick “Compare” on up to ${COMPARE_LIMIT} consultancies in the search, then come back here.`}
          actions={
            <Button component={Link} to="/consultancies">
              Search consultancies
            </Button>
          }
        />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Compare consultancies"
        description="Every signal with its 90% credible interval on one shared 0–100% axis: where intervals overlap, the evidence does not yet tell the consultancies apart."
        actions={
          data && (
            <Group gap="xs" className="no-print">
              <Button leftSection={<IconDownload size={16} aria-hidden />} onClick={() => download('assay-comparison.csv', compareCsv(data.compareVendors, names))}>
                Export CSV
              </Button>
              <Button variant="default" leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
                Print or save as PDF
              </Button>
            </Group>
          )
        }
      />
      {tooMany && (
        <Alert color="orange" mb="md" className="no-print">
          Only the first {COMPARE_LIMIT} consultancies of this link are shown.
        </Alert>
      )}
      <QueryState loading={loading} error={error} data={data?.compareVendors} onRetry={() => void refetch()} skeleton={<CardSkeletons count={3} height={220} />}>
        {(rows) => (
          <Stack gap="xl">
            <Group gap="xs" aria-label="Compared consultancies">
              {rows.map((r) => (
                <Anchor key={r.vendor.id} component={Link} to={`/consultancies/${r.vendor.id}`} fw={600}>
                  {r.vendor.name}
                </Anchor>
              ))}
            </Group>
            <Alert variant="light" color="indigo" title="What the evidence says" role="status">
              {compareConclusion(
                rows.map((r) => ({ name: r.vendor.name, signals: r.vendor.signals })),
                SHARE_SIGNAL_KEYS,
                names,
              )}
            </Alert>
            <ForestPlotLegend />
            <div className={classes.signalGrid}>
              {SHARE_SIGNAL_KEYS.map((key) => {
                const withSignals = rows.filter((r) => r.vendor.signals);
                return (
                  <Card key={key} withBorder padding="md" component="section" aria-labelledby={`signal-${key}`} className={classes.section}>
                    <Title order={2} size="h4" id={`signal-${key}`}>
                      {names[key] ?? key}
                    </Title>
                    {byKey.get(key)?.question && (
                      <Text size="sm" c="gray.7" mb="xs">
                        {byKey.get(key)!.question}
                      </Text>
                    )}
                    {withSignals.length ? (
                      <SignalForestPlot
                        withLegend={false}
                        title={`${names[key] ?? key} by consultancy`}
                        rows={withSignals.map((r) => {
                          const e = r.vendor.signals![key];
                          return { key: r.vendor.id, label: r.vendor.name, mean: e.mean, lower: e.lower, upper: e.upper, ...(isPriorOnly(e) ? { noData: NO_DATA_REASONS[key] } : {}) };
                        })}
                      />
                    ) : (
                      <Text size="sm">No evidence yet for any of these consultancies.</Text>
                    )}
                    {withSignals.length < rows.length && (
                      <Text size="xs" c="gray.7">
                        No evidence yet: {rows.filter((r) => !r.vendor.signals).map((r) => r.vendor.name).join(', ')}
                      </Text>
                    )}
                  </Card>
                );
              })}
            </div>

            <Card withBorder padding="md" component="section" aria-labelledby="details-heading" className={classes.section}>
              <Title order={2} size="h4" id="details-heading" mb="sm">
                Side by side
              </Title>
              {/* On a phone: one card per consultancy, stacked; the table needs the width of a tablet. */}
              <Stack gap="md" hiddenFrom="sm">
                {rows.map((r) => (
                  <Card key={r.vendor.id} withBorder padding="md" component="article" aria-labelledby={`stack-${r.vendor.id}`}>
                    <Title order={3} size="h5" id={`stack-${r.vendor.id}`} mb="xs">
                      {r.vendor.name}
                    </Title>
                    <Stack component="dl" gap={6} m={0}>
                      {DETAILS.map((d) => (
                        <div key={d.label}>
                          <Text component="dt" size="xs" fw={700} c="gray.8">
                            <DetailLabel label={d.label} term={d.term} />
                          </Text>
                          <Text component="dd" size="sm" m={0}>
                            {d.cell(r)}
                          </Text>
                        </div>
                      ))}
                      <div>
                        <Text component="dt" size="xs" fw={700} c="gray.8">
                          Integrity flags
                        </Text>
                        <Box component="dd" m={0}>
                          {r.vendor.signals ? <FlagList flags={r.vendor.signals.flags} withEffect={false} emptyText="None" /> : '—'}
                        </Box>
                      </div>
                    </Stack>
                    <Box mt="sm" className="no-print">
                      <SaveToShortlistButton vendor={{ id: r.vendor.id, name: r.vendor.name }} />
                    </Box>
                  </Card>
                ))}
              </Stack>
              <Box visibleFrom="sm">
              <TableScroll label="Comparison details" minWidth={rows.length * 180 + 200}>
                <Table striped withColumnBorders verticalSpacing="sm">
                  <thead>
                    <tr>
                      <th scope="col">
                        <Text size="sm" fw={700}>
                          Consultancy
                        </Text>
                      </th>
                      {rows.map((r) => (
                        <th scope="col" key={r.vendor.id}>
                          <Text size="sm" fw={700}>
                            {r.vendor.name}
                          </Text>
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {DETAILS.map((d) => (
                      <DetailRow key={d.label} label={<DetailLabel label={d.label} term={d.term} />} rows={rows} cell={d.cell} />
                    ))}
                    <tr>
                      <th scope="row" style={{ textAlign: 'left', verticalAlign: 'top' }}>Integrity flags</th>
                      {rows.map((r) => (
                        <td key={r.vendor.id}>{r.vendor.signals ? <FlagList flags={r.vendor.signals.flags} withEffect={false} emptyText="None" /> : '—'}</td>
                      ))}
                    </tr>
                    <tr>
                      <th scope="row" style={{ textAlign: 'left', verticalAlign: 'top' }}>Capabilities</th>
                      {rows.map((r) => (
                        <td key={r.vendor.id}>
                          <Group gap={4}>
                            {r.vendor.capabilities.map((c) => (
                              <Badge key={c} variant="light" tt="none" size="sm">
                                {labels.capability(c)}
                              </Badge>
                            ))}
                          </Group>
                        </td>
                      ))}
                    </tr>
                    <tr className="no-print">
                      <th scope="row" style={{ textAlign: 'left', verticalAlign: 'top' }}>Shortlist</th>
                      {rows.map((r) => (
                        <td key={r.vendor.id}>
                          <SaveToShortlistButton vendor={{ id: r.vendor.id, name: r.vendor.name }} />
                        </td>
                      ))}
                    </tr>
                  </tbody>
                </Table>
              </TableScroll>
              </Box>
            </Card>
            <Text size="sm">
              <Anchor component={Link} to="/methodology">
                How Assay computes these signals
              </Anchor>
            </Text>
          </Stack>
        )}
      </QueryState>
    </>
  );
}

/** The details both the table (tablet and up) and the stacked cards (phone) show. */
const DETAILS: Array<{ label: string; term?: TermKey; cell: (r: Rows[number]) => string }> = [
  { label: 'Evidence depth', term: 'sources', cell: (r) => (r.vendor.signals && r.vendor.signals.evidenceDepth.mean >= 0.05 ? formatSources(r.vendor.signals.evidenceDepth.mean) : '—') },
  { label: 'Verified case studies', cell: (r) => String(r.vendor.signals?.verifiedCaseStudies ?? 0) },
  {
    label: 'Outcomes: claimed vs verified',
    cell: (r) => {
      if (r.outcomes.length === 0) return '—';
      const verified = r.outcomes.filter((o) => o.verificationStatus === 'verified' || o.verificationStatus === 'partially_verified').length;
      const share = meanVerifiedShare(r.outcomes);
      return `${verified} of ${r.outcomes.length} verified${share !== null ? `; on average ${formatShare(Math.min(1, share))} of the claimed improvement confirmed` : ''}`;
    },
  },
  { label: 'Production durability', cell: (r) => (r.vendor.signals ? formatShareOrDash(r.vendor.signals.productionDurability) : '—') },
  {
    label: 'References',
    cell: (r) => {
      const s = r.referenceSummary;
      const requested = s.nominatedRequested + s.drawnRequested;
      if (requested === 0) return '—';
      return `${s.nominatedAnswered + s.drawnAnswered} of ${requested} answered${s.wouldHireAgainAnswered ? `; would hire again ${s.wouldHireAgainYes} of ${s.wouldHireAgainAnswered}` : ''}`;
    },
  },
];

type Rows = NonNullable<ReturnType<typeof useQuery<import('../../../gql/graphql').CompareVendorsQuery>>['data']>['compareVendors'];

/** A detail's name, with the meaning of its statistical term a hover, focus or tap away. */
function DetailLabel({ label, term }: { label: string; term?: TermKey }) {
  return term ? <Term term={term}>{label}</Term> : <>{label}</>;
}

function DetailRow({ label, rows, cell }: { label: ReactNode; rows: Rows; cell: (r: Rows[number]) => string }) {
  return (
    <tr>
      <th scope="row" style={{ textAlign: 'left', verticalAlign: 'top' }}>{label}</th>
      {rows.map((r) => (
        <td key={r.vendor.id}>{cell(r)}</td>
      ))}
    </tr>
  );
}
