import type { Handover, ProductionStatus } from '../../../gql/graphql';
import { Badge, Group, List, Stack, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { formatDate } from '../../../ui/format';
import { QueryState } from '../../../ui/QueryState';
import { publicCaseStudyVerdictsQuery } from '../graphql/case-study-verdicts.query';
import { HANDOVER_RUN_BY, PRODUCTION_STATUS, verdictStatus } from '../../../ui/labels';

const RUBRIC: Array<[key: 'properBaseline' | 'heldOutOrOnlineEvaluation' | 'leakageChecked' | 'monitoringInProduction', label: string]> = [
  ['properBaseline', 'Compared against a proper baseline'],
  ['heldOutOrOnlineEvaluation', 'Evaluated on held-out data or online'],
  ['leakageChecked', 'Checked for data leakage'],
  ['monitoringInProduction', 'Monitored in production'],
];
const yesNo = (v: boolean | null) => (v === null ? 'not assessed' : v ? 'yes' : 'no');

/** A case study's verdicts: the reviewer's rubric, production status, and the vendor's replies and disputes. */
export function CaseStudyVerdicts({ caseStudyId, headingId }: { caseStudyId: string; headingId: string }) {
  const { data, loading, error, refetch } = useQuery(publicCaseStudyVerdictsQuery, { variables: { caseStudyId } });
  return (
    <QueryState loading={loading} error={error} data={data?.caseStudyVerdicts} onRetry={() => void refetch()} isEmpty={(v) => v.length === 0} empty={<Text size="sm">No verdict yet: this case study is waiting for an independent reviewer.</Text>}>
      {(verdicts) => (
        <Stack gap="md">
          {verdicts.map((v) => (
            <Stack key={v.id} gap="xs">
              <Group gap="xs">
                <Title order={5} component="h4" aria-describedby={headingId}>
                  {v.kind === 'amendment' ? 'Amended verdict' : 'Verdict'} of {formatDate(v.createdAt)}
                </Title>
                <Badge variant="light" color={v.status === 'verified' ? 'teal' : v.status === 'partially_verified' ? 'yellow' : 'red'} tt="none">
                  {verdictStatus(v.status).label}
                </Badge>
                {v.supersededById && (
                  <Badge variant="outline" color="gray" tt="none">
                    Superseded
                  </Badge>
                )}
              </Group>
              <Text size="sm">
                Reviewer found it {PRODUCTION_STATUS[v.productionStatus as ProductionStatus]?.toLowerCase() ?? v.productionStatus}, operated by {HANDOVER_RUN_BY[v.handover as Handover] ?? v.handover}.
              </Text>
              <List size="sm" spacing={2} aria-label="ML rubric">
                {RUBRIC.map(([key, label]) => (
                  <List.Item key={key}>
                    {label}: <strong>{yesNo(v.rubric[key])}</strong>
                  </List.Item>
                ))}
              </List>
              {(v.replies.length > 0 || v.disputes.length > 0) && (
                <Timeline bulletSize={14} lineWidth={2} active={-1}>
                  {[...v.replies.map((r) => ({ at: r.createdAt, title: 'The consultancy replied', body: r.body })), ...v.disputes.flatMap((d) => [
                    { at: d.createdAt, title: 'The consultancy disputed this verdict', body: d.reason },
                    ...(d.resolvedAt ? [{ at: d.resolvedAt, title: d.status === 'upheld' ? 'Assay upheld the verdict' : 'Assay amended the verdict', body: d.resolutionNote ?? '' }] : [{ at: d.createdAt, title: 'Dispute open', body: 'Waiting for an Assay admin to decide.' }]),
                  ])]
                    .sort((a, b) => a.at.localeCompare(b.at))
                    .map((e, i) => (
                      <Timeline.Item key={i} title={e.title}>
                        <Text size="xs" c="gray.7">
                          {formatDate(e.at)}
                        </Text>
                        {e.body && <Text size="sm">{e.body}</Text>}
                      </Timeline.Item>
                    ))}
                </Timeline>
              )}
            </Stack>
          ))}
        </Stack>
      )}
    </QueryState>
  );
}
