import { Anchor, Blockquote, Card, Divider, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconScale } from '@tabler/icons-react';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router-dom';
import type { OpenDisputesQuery } from '../../../gql/graphql';
import { EmptyMessage } from '../../../ui/EmptyMessage';
import { formatDate } from '../../../ui/format';
import { PageHeader } from '../../../ui/PageHeader';
import { CardSkeletons, QueryState } from '../../../ui/QueryState';
import { RequireSignIn } from '../../accounts/components/RequireSignIn';
import { accessNotice } from '../../../ui/AccessNotice';
import { ResolveDisputeForm } from '../components/ResolveDisputeForm';
import { VerdictStatusBadge, VerdictSummary } from '../components/VerdictSummary';
import { caseStudyVerdictsQuery } from '../graphql/case-study-verdicts.query';
import { openDisputesQuery } from '../graphql/open-disputes.query';

type Dispute = OpenDisputesQuery['openDisputes'][number];

/** `/admin/disputes`: open disputes with the verdict and the vendor's reasons; uphold or amend. */
export function DisputesAdminPage() {
  return (
    <>
      <PageHeader
        title="Disputes"
        description="Consultancies may dispute a verdict within 30 days. Read the verdict and their reasons, then uphold it or amend it. Oldest first."
      />
      <RequireSignIn>{() => <Disputes />}</RequireSignIn>
    </>
  );
}

function Disputes() {
  const { data, loading, error, refetch } = useQuery(openDisputesQuery, { fetchPolicy: 'cache-and-network' });
  return (
    <QueryState
      loading={loading}
      error={error}
      data={data?.openDisputes}
      onRetry={() => void refetch()}
      skeleton={<CardSkeletons count={2} height={220} />}
      renderError={accessNotice('admins')}
      isEmpty={(list) => list.length === 0}
      empty={<EmptyMessage icon={<IconScale aria-hidden />} title="No open disputes" description="When a consultancy disputes a verdict, it waits here for a decision." />}
    >
      {(disputes) => (
        <Stack gap="xl">
          {disputes.map((d) => (
            <DisputeCard key={d.id} dispute={d} />
          ))}
        </Stack>
      )}
    </QueryState>
  );
}

function DisputeCard({ dispute }: { dispute: Dispute }) {
  const { data, loading, error, refetch } = useQuery(caseStudyVerdictsQuery, { variables: { caseStudyId: dispute.caseStudyId } });
  return (
    <Card component="article" aria-labelledby={`dispute-${dispute.id}-title`} padding="lg">
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} skeleton={<Skeleton height={200} />}>
        {({ caseStudy, caseStudyVerdicts }) => {
          const verdict = caseStudyVerdicts.find((v) => v.id === dispute.verdictId);
          return (
            <Stack gap="md">
              <Stack gap={4}>
                <Title order={2} size="h3" id={`dispute-${dispute.id}-title`}>
                  {caseStudy.title}
                </Title>
                <Text size="sm" c="dimmed">
                  {caseStudy.vendorName} for {caseStudy.client.displayName} · disputed {formatDate(dispute.createdAt)} ·{' '}
                  <Anchor component={Link} to={`/case-studies/${caseStudy.id}`} inherit>
                    case study
                  </Anchor>{' '}
                  ·{' '}
                  <Anchor component={Link} to={`/admin/case-studies/${caseStudy.id}/spot-check`} inherit>
                    verdicts and spot checks
                  </Anchor>
                </Text>
              </Stack>
              <Stack gap={4}>
                <Text fw={600} size="sm">
                  The consultancy’s reasons
                </Text>
                <Blockquote p="sm" color="orange" style={{ whiteSpace: 'pre-wrap', fontSize: 'var(--mantine-font-size-sm)' }}>
                  {dispute.reason}
                </Blockquote>
              </Stack>
              {verdict ? (
                <Stack gap="xs">
                  <Group gap="xs">
                    <Text fw={600} size="sm">
                      The disputed verdict of {formatDate(verdict.createdAt)}
                    </Text>
                    <VerdictStatusBadge status={verdict.status} />
                  </Group>
                  <VerdictSummary verdict={verdict} claims={caseStudy.outcomes} />
                  {verdict.replies.map((r) => (
                    <Text key={r.id} size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                      Reply from the consultancy ({formatDate(r.createdAt)}): {r.body}
                    </Text>
                  ))}
                  <Divider my="sm" />
                  <ResolveDisputeForm disputeId={dispute.id} caseStudyId={caseStudy.id} verdict={verdict} claims={caseStudy.outcomes} />
                </Stack>
              ) : (
                <Text size="sm" c="dimmed">
                  The disputed verdict could not be loaded.
                </Text>
              )}
            </Stack>
          );
        }}
      </QueryState>
    </Card>
  );
}
