import { Badge, List, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@apollo/client/react';
import type { ReviewersQuery } from '../../../gql/graphql';
import { formatDate } from '../../../ui/format';
import { TableScroll } from '../../../ui/TableScroll';
import { ConfirmButton } from '../../vendor-dashboard/components/ConfirmButton';
import { taxonomyLabels } from '../../vendors/components/taxonomy-labels';
import { taxonomyQuery } from '../../vendors/graphql/taxonomy.query';
import { revokeReviewerMutation } from '../graphql/revoke-reviewer.mutation';
import { AffiliationLabel } from './AffiliationLabel';
import { reviewErrorMessage } from './review-errors';
import { refetchAfter } from '../../../app/refetch-policy';

type Reviewer = ReviewersQuery['reviewers'][number];

/** "9 of 10 spot checks agreed", or that there were none yet. */
export function spotCheckRecord(agreed: number, total: number): string {
  if (total === 0) return 'No spot checks yet';
  return `${agreed} of ${total} spot ${total === 1 ? 'check' : 'checks'} agreed`;
}

/** Accredited reviewers with affiliations, declared expertise, spot-check agreement, and "Revoke". */
export function ReviewersTable({ reviewers }: { reviewers: readonly Reviewer[] }) {
  const [revoke] = useMutation(revokeReviewerMutation, refetchAfter('revokeReviewer'));
  const labels = taxonomyLabels(useQuery(taxonomyQuery).data?.taxonomy);
  const revokeNow = async (reviewer: Reviewer) => {
    try {
      await revoke({ variables: { userId: reviewer.userId } });
      notifications.show({ color: 'teal', title: 'Accreditation revoked', message: `${reviewer.displayName} can no longer take tasks and was signed out.` });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Could not revoke', message: reviewErrorMessage(error) });
    }
  };

  return (
    <TableScroll label="Reviewers table" minWidth={880}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Reviewer</Table.Th>
            <Table.Th scope="col">Accreditation</Table.Th>
            <Table.Th scope="col">Affiliations</Table.Th>
            <Table.Th scope="col">Expertise</Table.Th>
            <Table.Th scope="col">Spot checks</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {reviewers.map((r) => (
            <Table.Tr key={r.userId}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {r.displayName}
                </Text>
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {r.email}
                </Text>
              </Table.Td>
              <Table.Td>
                {r.revokedAt ? (
                  <Stack gap={2} align="flex-start">
                    <Badge color="red" variant="light" tt="none">
                      Revoked
                    </Badge>
                    <Text size="xs" c="dimmed">
                      on {formatDate(r.revokedAt)}
                    </Text>
                  </Stack>
                ) : (
                  <Stack gap={2} align="flex-start">
                    <Badge color="teal" variant="light" tt="none">
                      Accredited
                    </Badge>
                    <Text size="xs" c="dimmed">
                      since {formatDate(r.accreditedAt)}
                    </Text>
                  </Stack>
                )}
              </Table.Td>
              <Table.Td>
                {r.affiliations.length ? (
                  <List size="sm" spacing={2}>
                    {r.affiliations.map((a) => (
                      <List.Item key={a.id}>
                        <AffiliationLabel affiliation={a} />
                        {a.note && (
                          <Text span size="xs" c="dimmed">
                            {' '}
                            — {a.note}
                          </Text>
                        )}
                      </List.Item>
                    ))}
                  </List>
                ) : (
                  <Text size="sm" c="dimmed">
                    None declared
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {r.expertise.length ? (
                  <Text size="sm">{r.expertise.map(labels.capability).join(', ')}</Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    None declared
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <Text size="sm">{spotCheckRecord(r.spotChecksAgreed, r.spotChecksTotal)}</Text>
                  {r.spotChecksTotal > 0 && r.spotChecksAgreed / r.spotChecksTotal < 0.7 && (
                    <Badge color="orange" variant="light" tt="none" size="sm">
                      Low agreement
                    </Badge>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                {!r.revokedAt && (
                  <ConfirmButton
                    variant="subtle"
                    color="red"
                    size="compact-sm"
                    aria-label={`Revoke ${r.displayName}`}
                    question={`Revoke ${r.displayName}’s accreditation? They are signed out and can no longer take tasks; their past verdicts stay.`}
                    confirmLabel="Revoke"
                    onConfirm={() => revokeNow(r)}
                  >
                    Revoke
                  </ConfirmButton>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
