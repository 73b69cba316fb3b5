import { Badge, Table, Text } from '@mantine/core';
import type { CaseStudyDetailFragment } from '../../../gql/graphql';
import { formatDate } from '../../../ui/format';
import { TableScroll } from '../../../ui/TableScroll';
import { assessClaim, formatImprovement } from './editor/outcome-rule';
import { DIRECTION, METHOD, OUTCOME_VERIFICATION } from '../../../ui/labels';

type Outcome = CaseStudyDetailFragment['outcomes'][number];

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 4 });
const withUnit = (value: number, unit: string) => `${numberFormat.format(value)} ${unit}`.trim();

/** Claimed outcomes; the verified column appears once a reviewer has verified any of them. */
export function OutcomesTable({ outcomes }: { outcomes: readonly Outcome[] }) {
  const anyVerified = outcomes.some((o) => o.verifiedValue !== null || o.verificationStatus !== 'pending');
  return (
    <TableScroll label="Outcomes" minWidth={anyVerified ? 820 : 680}>
      <Table verticalSpacing="sm" highlightOnHover={false}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Metric</Table.Th>
            <Table.Th scope="col">Baseline</Table.Th>
            <Table.Th scope="col">Claimed</Table.Th>
            {anyVerified && <Table.Th scope="col">Verified</Table.Th>}
            <Table.Th scope="col">Measured</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {outcomes.map((o) => {
            const claim = assessClaim(o.baselineValue, o.claimedValue, o.direction);
            const verification = OUTCOME_VERIFICATION[o.verificationStatus];
            return (
              <Table.Tr key={o.id}>
                <Table.Th scope="row" fw={600}>
                  {o.metricName}
                  <Text size="xs" c="dimmed" fw={400}>
                    {DIRECTION[o.direction]}
                  </Text>
                </Table.Th>
                <Table.Td>{withUnit(o.baselineValue, o.unit)}</Table.Td>
                <Table.Td>
                  {withUnit(o.claimedValue, o.unit)}
                  {claim.kind === 'improvement' && (
                    <Text size="xs" c="dimmed">
                      {formatImprovement(claim, o.unit)}
                    </Text>
                  )}
                </Table.Td>
                {anyVerified && (
                  <Table.Td>
                    {o.verifiedValue !== null ? withUnit(o.verifiedValue, o.unit) : '—'}
                    <div>
                      <Badge color={verification.color} variant="light" tt="none" size="sm" mt={4}>
                        {verification.label}
                      </Badge>
                    </div>
                  </Table.Td>
                )}
                <Table.Td>
                  {formatDate(o.measuredAt)}
                  <Text size="xs" c="dimmed">
                    {o.measurementMethod === 'other' ? (o.methodNote ?? METHOD.other) : METHOD[o.measurementMethod]}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
