import { useState } from 'react';
import { Badge, Blockquote, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconMessageReply, IconScale } from '@tabler/icons-react';
import { useQuery } from '@apollo/client/react';
import type { CaseStudyStatus, VerdictDetailFragment } from '../../../gql/graphql';
import { formatDate } from '../../../ui/format';
import { QueryState } from '../../../ui/QueryState';
import { caseStudyVerdictsQuery } from '../graphql/case-study-verdicts.query';
import { DisputeForm } from './DisputeForm';
import { DISPUTE_STATUS, VERDICT_KIND } from '../../../ui/labels';
import { ReplyForm } from './ReplyForm';
import { VerdictStatusBadge, VerdictSummary, type ClaimLabel } from './VerdictSummary';

/** A vendor may dispute a verdict for this many days (DISPUTE_WINDOW_DAYS in the API). */
export const DISPUTE_WINDOW_DAYS = 30;

interface CaseStudyVerdictsProps {
  caseStudyId: string;
  /** Members of the vendor: offers "Reply" and "Dispute verdict". */
  canAct?: boolean;
  /** Heading level of "Verdicts" (2 on a page whose h1 is the case study). */
  headingLevel?: 2 | 3;
}

/** Every verdict on a case study with the vendor's replies and the dispute history; the vendor can reply and dispute. */
export function CaseStudyVerdicts({ caseStudyId, canAct = false, headingLevel = 2 }: CaseStudyVerdictsProps) {
  const { data, loading, error, refetch } = useQuery(caseStudyVerdictsQuery, { variables: { caseStudyId } });
  return (
    <Stack gap="sm" component="section" aria-labelledby={`verdicts-${caseStudyId}`}>
      <Title order={headingLevel} id={`verdicts-${caseStudyId}`}>
        Verdicts
      </Title>
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()} skeleton={<Skeleton height={140} />}>
        {({ caseStudy, caseStudyVerdicts }) =>
          caseStudyVerdicts.length ? (
            <Stack gap="md">
              {[...caseStudyVerdicts].reverse().map((verdict) => (
                <VerdictCard key={verdict.id} verdict={verdict} claims={caseStudy.outcomes} caseStatus={caseStudy.status} canAct={canAct} headingLevel={(headingLevel + 1) as 3 | 4} />
              ))}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              No verdict yet. An independent reviewer records one after checking the evidence and the references’ answers.
            </Text>
          )
        }
      </QueryState>
    </Stack>
  );
}

interface VerdictCardProps {
  verdict: VerdictDetailFragment;
  claims: readonly ClaimLabel[];
  caseStatus: CaseStudyStatus;
  canAct: boolean;
  headingLevel: 3 | 4;
}

function VerdictCard({ verdict, claims, caseStatus, canAct, headingLevel }: VerdictCardProps) {
  const [open, setOpen] = useState<'reply' | 'dispute' | null>(null);
  const closesOn = new Date(new Date(verdict.createdAt).getTime() + DISPUTE_WINDOW_DAYS * 86_400_000);
  const windowOpen = closesOn.getTime() > Date.now();
  const openDispute = verdict.disputes.some((d) => d.status === 'open');
  const disputable = verdict.kind !== 'spot_check' && !verdict.supersededById;
  const canDispute = canAct && disputable && windowOpen && !openDispute && caseStatus !== 'disputed';
  const superseded = !!verdict.supersededById;

  return (
    <Card component="article" aria-labelledby={`verdict-${verdict.id}-title`} padding="lg" style={superseded ? { opacity: 0.85 } : undefined}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
          <Stack gap={2}>
            <Group gap="xs">
              <Title order={headingLevel} size="h4" id={`verdict-${verdict.id}-title`}>
                {VERDICT_KIND[verdict.kind] ?? 'Verdict'} of {formatDate(verdict.createdAt)}
              </Title>
              <VerdictStatusBadge status={verdict.status} />
              {superseded && (
                <Badge color="gray" variant="outline" tt="none">
                  Superseded
                </Badge>
              )}
              {verdict.disputes.map((d) => (
                <Badge key={d.id} color={DISPUTE_STATUS[d.status]?.color ?? 'gray'} variant="light" tt="none">
                  {DISPUTE_STATUS[d.status]?.label ?? d.status}
                </Badge>
              ))}
            </Group>
            {verdict.kind === 'amendment' && (
              <Text size="sm" c="dimmed">
                An Assay admin amended the earlier verdict when resolving a dispute.
              </Text>
            )}
            {verdict.kind === 'spot_check' && (
              <Text size="sm" c="dimmed">
                Internal: a second reviewer’s independent verdict, used to measure agreement.
              </Text>
            )}
          </Stack>
        </Group>

        <VerdictSummary verdict={verdict} claims={claims} />

        {verdict.disputes.length > 0 && (
          <Stack gap="xs" component="section" aria-label="Dispute history">
            <Text fw={600} size="sm">
              Dispute history
            </Text>
            {verdict.disputes.map((d) => (
              <Stack key={d.id} gap={4}>
                <Text size="sm">
                  Disputed by the consultancy on {formatDate(d.createdAt)}
                  {d.resolvedAt ? `; ${d.status === 'upheld' ? 'verdict upheld' : 'verdict amended'} on ${formatDate(d.resolvedAt)}` : '; waiting for an Assay admin'}.
                </Text>
                <Blockquote p="sm" color="orange" style={{ whiteSpace: 'pre-wrap', fontSize: 'var(--mantine-font-size-sm)' }}>
                  {d.reason}
                </Blockquote>
                {d.resolutionNote && (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    <Text span fw={600}>
                      Decision:
                    </Text>{' '}
                    {d.resolutionNote}
                  </Text>
                )}
              </Stack>
            ))}
          </Stack>
        )}

        {verdict.replies.length > 0 && (
          <Stack gap="xs" component="section" aria-label="Replies from the consultancy">
            <Text fw={600} size="sm">
              The consultancy’s reply
            </Text>
            {verdict.replies.map((r) => (
              <Blockquote key={r.id} p="sm" color="indigo" cite={`— ${formatDate(r.createdAt)}`} style={{ whiteSpace: 'pre-wrap', fontSize: 'var(--mantine-font-size-sm)' }}>
                {r.body}
              </Blockquote>
            ))}
          </Stack>
        )}

        {canAct && open === null && (
          <Stack gap="xs">
            <Group gap="sm">
              <Button variant="light" leftSection={<IconMessageReply size={16} aria-hidden />} onClick={() => setOpen('reply')}>
                Write a reply
              </Button>
              {canDispute && (
                <Button variant="default" color="orange" leftSection={<IconScale size={16} aria-hidden />} onClick={() => setOpen('dispute')}>
                  Dispute this verdict…
                </Button>
              )}
            </Group>
            {disputable && !windowOpen && (
              <Text size="xs" c="dimmed">
                The 30-day dispute window closed on {formatDate(closesOn.toISOString())}. You can still reply.
              </Text>
            )}
            {disputable && windowOpen && !openDispute && caseStatus !== 'disputed' && (
              <Text size="xs" c="dimmed">
                You can dispute this verdict until {formatDate(closesOn.toISOString())}.
              </Text>
            )}
          </Stack>
        )}
        {open === 'reply' && <ReplyForm verdictId={verdict.id} caseStudyId={verdict.caseStudyId} onDone={() => setOpen(null)} />}
        {open === 'dispute' && <DisputeForm verdictId={verdict.id} caseStudyId={verdict.caseStudyId} closesOn={closesOn} onDone={() => setOpen(null)} />}
      </Stack>
    </Card>
  );
}
