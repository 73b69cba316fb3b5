import { Badge, Group, Stack, Text } from '@mantine/core';
import type { VerdictDetailFragment } from '../../../gql/graphql';
import { HANDOVER, OUTCOME_RESULT, PRODUCTION_STATUS, type OutcomeResult, verdictStatus } from '../../../ui/labels';
import { RUBRIC_QUESTIONS, rubricAnswer } from './labels';
import { formatShare, withUnit } from './outcome-format';

export interface ClaimLabel {
  id: string;
  metricName: string;
  unit: string;
  claimedValue: number;
}

/** The status a verdict gave, as a badge. */
export function VerdictStatusBadge({ status }: { status: string }) {
  const info = verdictStatus(status);
  return (
    <Badge color={info.color} variant="light" tt="none" fw={600}>
      {info.label}
    </Badge>
  );
}

/** A verdict's findings: per-outcome results against the claims, production, handover, the rubric and notes. */
export function VerdictSummary({ verdict, claims }: { verdict: VerdictDetailFragment; claims: readonly ClaimLabel[] }) {
  return (
    <Stack gap="sm">
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Results per outcome">
        {verdict.outcomes.map((o) => {
          const claim = claims.find((c) => c.id === o.outcomeClaimId);
          const result = OUTCOME_RESULT[o.result as OutcomeResult] ?? { label: o.result, color: 'gray' };
          const credited = o.result === 'verified' || o.result === 'partially_verified';
          return (
            <li key={o.outcomeClaimId}>
              <Group gap="xs" wrap="wrap">
                <Text size="sm" fw={600}>
                  {claim?.metricName ?? 'Outcome'}
                </Text>
                <Badge color={result.color} variant="light" tt="none">
                  {result.label}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                Claimed {claim ? withUnit(claim.claimedValue, claim.unit) : '—'}
                {o.verifiedValue != null && ` · ${credited ? 'verified' : 'found'} ${withUnit(o.verifiedValue, claim?.unit ?? '')}`}
                {credited && ` (${formatShare(o.verifiedShare)} of the claimed improvement)`}
              </Text>
            </li>
          );
        })}
      </Stack>
      <Text size="sm">
        <Text span fw={600}>
          Production:
        </Text>{' '}
        {PRODUCTION_STATUS[verdict.productionStatus]} ·{' '}
        <Text span fw={600}>
          Handover:
        </Text>{' '}
        {HANDOVER[verdict.handover]}
      </Text>
      <Group gap="xs" wrap="wrap">
        {RUBRIC_QUESTIONS.map((q) => (
          <Badge key={q.key} variant="outline" color="gray" tt="none" fw={500}>
            {q.label} {rubricAnswer(verdict.rubric[q.key])}
          </Badge>
        ))}
      </Group>
      {verdict.rubric.notes && (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
          Rubric notes: {verdict.rubric.notes}
        </Text>
      )}
      {verdict.notes && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {verdict.notes}
        </Text>
      )}
    </Stack>
  );
}
