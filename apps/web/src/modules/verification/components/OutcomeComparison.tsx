import { Alert, Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { answerContradiction } from './answer-contradictions';
import type { VerificationTaskDetailFragment } from '../../../gql/graphql';
import { formatDate } from '../../../ui/format';
import { TableScroll } from '../../../ui/TableScroll';
import { DIRECTION, IDENTITY_STRENGTH } from '../../../ui/labels';
import { ACHIEVED } from './labels';
import { claimRange, withUnit } from './outcome-format';

type Task = VerificationTaskDetailFragment;

export function referenceName(ref: Task['references'][number]): string {
  return ref.contactName ?? `A contact at ${ref.clientName}`;
}

/** Per outcome: what the vendor claims next to what each reference said and observed. */
export function OutcomeComparison({ task }: { task: Task }) {
  const answered = task.references.filter((r) => r.answer && !r.answer.declined);
  return (
    <Stack gap="md">
      {task.caseStudy.outcomes.map((outcome, index) => (
        <Card key={outcome.id} padding="md" component="article" aria-labelledby={`outcome-${outcome.id}-title`}>
          <Stack gap="xs">
            <Title order={3} size="h4" id={`outcome-${outcome.id}-title`}>
              {index + 1}. {outcome.metricName}
            </Title>
            <Text size="sm">
              Claimed <strong>{claimRange(outcome)}</strong> ({DIRECTION[outcome.direction].toLowerCase()}), measured {formatDate(outcome.measuredAt)}
              {outcome.methodNote ? ` — ${outcome.methodNote}` : ''}.
            </Text>
            <TableScroll label={`Answers about ${outcome.metricName}`} minWidth={460}>
              <Table verticalSpacing="xs" withTableBorder={false}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Who</Table.Th>
                    <Table.Th scope="col">Achieved?</Table.Th>
                    <Table.Th scope="col">Value</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th scope="row" fw={500}>
                      {task.caseStudy.vendorName} (claim)
                    </Table.Th>
                    <Table.Td>—</Table.Td>
                    <Table.Td>{withUnit(outcome.claimedValue, outcome.unit)}</Table.Td>
                  </Table.Tr>
                  {answered.map((ref) => {
                    const answer = ref.answer!.outcomes.find((a) => a.outcomeClaimId === outcome.id);
                    const achieved = answer ? ACHIEVED[answer.achieved] : undefined;
                    return (
                      <Table.Tr key={ref.id}>
                        <Table.Th scope="row" fw={500}>
                          {referenceName(ref)}
                          <Text size="xs" c="dimmed" fw={400}>
                            {IDENTITY_STRENGTH[ref.identityStrength].label}
                          </Text>
                        </Table.Th>
                        <Table.Td>
                          {achieved ? (
                            <Badge color={achieved.color} variant="light" tt="none" fw={600}>
                              {achieved.label}
                            </Badge>
                          ) : (
                            <Text size="sm" c="dimmed">
                              Not asked
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>{answer?.observedValue != null ? withUnit(answer.observedValue, outcome.unit) : '—'}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </TableScroll>
            {answered.map((ref) => {
              const answer = ref.answer!.outcomes.find((a) => a.outcomeClaimId === outcome.id);
              const contradiction = answer ? answerContradiction(outcome, answer.achieved, answer.observedValue, ref.answer!.comments) : null;
              return contradiction ? (
                <Alert key={ref.id} color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title={`Check the answer of ${referenceName(ref)}`}>
                  {contradiction}
                </Alert>
              ) : null;
            })}
            {answered.length === 0 && (
              <Text size="sm" c="dimmed">
                No reference has answered yet.
              </Text>
            )}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
