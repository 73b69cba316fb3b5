import type { ReactNode } from 'react';
import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { FactList } from '../../../ui/Facts';
import type { VerificationTaskDetailFragment } from '../../../gql/graphql';
import { formatDate } from '../../../ui/format';
import { IDENTITY_STRENGTH, REFERENCE_STATUS } from '../../../ui/labels';
import { IN_PRODUCTION } from './labels';
import { referenceName } from './OutcomeComparison';

type Reference = VerificationTaskDetailFragment['references'][number];

function Answer({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {term}
      </Text>
      <Text component="dd" m={0} size="sm" fw={500}>
        {children}
      </Text>
    </div>
  );
}

const rating = (value: number | null | undefined) => (value == null ? 'Skipped' : `${value} of 5`);

/** Each reference: who they are, how far their identity is confirmed, and their general answers. */
export function ReferenceAnswers({ references }: { references: readonly Reference[] }) {
  if (!references.length) {
    return (
      <Text size="sm" c="dimmed">
        This case study has no references.
      </Text>
    );
  }
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="References">
      {references.map((ref) => (
        <Card component="li" key={ref.id} padding="md">
          <ReferenceItem reference={ref} />
        </Card>
      ))}
    </Stack>
  );
}

function ReferenceItem({ reference: ref }: { reference: Reference }) {
  const status = REFERENCE_STATUS[ref.status];
  const strength = IDENTITY_STRENGTH[ref.identityStrength];
  const answer = ref.answer;
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 220px' }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {referenceName(ref)}
          </Text>
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {[ref.contactRole, ref.contactEmail, ref.clientName].filter(Boolean).join(' · ')}
            {ref.source === 'drawn' ? ' · drawn at random from the roster' : ''}
          </Text>
        </Stack>
        <Group gap={6}>
          <Badge color={status.color} variant="light" tt="none" fw={600}>
            {status.label}
          </Badge>
          <Badge color={strength.color} c={`${strength.color}.9`} variant="outline" tt="none" fw={500}>
            {strength.label}
          </Badge>
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {ref.identityReason}
      </Text>
      {answer?.declined && (
        <Text size="sm">
          Declined on {formatDate(answer.answeredAt)}
          {answer.declineReason ? `: “${answer.declineReason}”` : ', without a reason.'}
        </Text>
      )}
      {answer && !answer.declined && (
        <>
          <FactList minColumn={150} gap="sm">
              <Answer term="In production now">{IN_PRODUCTION[answer.inProduction ?? ''] ?? 'Not answered'}</Answer>
              <Answer term="Runs it without the consultancy">{rating(answer.handoverRating)}</Answer>
              <Answer term="On time">{rating(answer.onTime)}</Answer>
              <Answer term="On budget">{rating(answer.onBudget)}</Answer>
              <Answer term="Communication">{rating(answer.communication)}</Answer>
              <Answer term="Would hire again">{answer.wouldHireAgain == null ? 'Not answered' : answer.wouldHireAgain ? 'Yes' : 'No'}</Answer>
              <Answer term="Answered">{formatDate(answer.answeredAt)}</Answer>
          </FactList>
          {answer.comments && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              “{answer.comments}”
            </Text>
          )}
        </>
      )}
      {!answer && ref.sentAt && (
        <Text size="sm" c="dimmed">
          Asked on {formatDate(ref.sentAt)}.
        </Text>
      )}
    </Stack>
  );
}
