import type { VerificationTimelineQuery } from '../../../gql/graphql';
import { verdictStatus } from '../../../ui/labels';

export interface TimelineEvent {
  key: string;
  title: string;
  description?: string;
  /** ISO date; null when the step has no date to show (or has not happened yet). */
  at: string | null;
  done: boolean;
  tone?: 'good' | 'warn' | 'bad';
}

type Data = VerificationTimelineQuery;

const REVIEWED = new Set(['in_verification', 'verified', 'partially_verified', 'unverified', 'disputed']);

/**
 * The verification story of a case study in order: submitted → references asked,
 * answered or declined → a reviewer took it → verdict(s) → disputes and their resolution.
 * Steps still ahead are listed after, undated.
 */
export function timelineEvents({ caseStudy, caseStudyVerdicts }: Data): TimelineEvent[] {
  if (!caseStudy.submittedAt) return [];
  const dated: TimelineEvent[] = [{ key: 'submitted', title: 'Submitted for verification', at: caseStudy.submittedAt, done: true }];

  for (const ref of caseStudy.references ?? []) {
    if (ref.status === 'refused' || ref.status === 'pending') continue;
    const who = ref.source === 'drawn' ? `A contact at ${ref.clientName} (drawn at random)` : `${ref.contactName ?? 'A contact'} (${ref.clientName})`;
    if (ref.sentAt) dated.push({ key: `${ref.id}-sent`, title: 'Reference asked', description: who, at: ref.sentAt, done: true });
    if (ref.status === 'answered' && ref.answeredAt) dated.push({ key: `${ref.id}-answered`, title: 'Reference answered', description: who, at: ref.answeredAt, done: true, tone: 'good' });
    if (ref.status === 'declined' && ref.answeredAt) dated.push({ key: `${ref.id}-declined`, title: 'Reference declined to answer', description: who, at: ref.answeredAt, done: true, tone: 'warn' });
  }

  const verdicts = caseStudyVerdicts.filter((v) => v.kind !== 'spot_check');
  for (const v of verdicts) {
    const status = verdictStatus(v.status);
    dated.push({
      key: v.id,
      title: v.kind === 'amendment' ? `Verdict amended: ${status.label}` : `Verdict: ${status.label}`,
      description: status.description,
      at: v.createdAt,
      done: true,
      tone: v.status === 'verified' ? 'good' : v.status === 'unverified' ? 'bad' : 'warn',
    });
    for (const d of v.disputes) {
      dated.push({ key: `${d.id}-opened`, title: 'Verdict disputed', description: 'The consultancy challenged the verdict.', at: d.createdAt, done: true, tone: 'warn' });
      if (d.resolvedAt) {
        dated.push({
          key: `${d.id}-resolved`,
          title: d.status === 'upheld' ? 'Dispute resolved: verdict upheld' : 'Dispute resolved: verdict amended',
          at: d.resolvedAt,
          done: true,
        });
      }
    }
  }
  if (caseStudy.withdrawnAt) dated.push({ key: 'withdrawn', title: 'Withdrawn', at: caseStudy.withdrawnAt, done: true, tone: 'bad' });

  // Submission comes first even when its timestamp trails the reference mails it sent (same transaction).
  const [submitted, ...rest] = dated;
  const events = [submitted, ...rest.sort((a, b) => new Date(a.at!).getTime() - new Date(b.at!).getTime())];

  // Assay does not share when a reviewer claimed the task, only that one did: just before the first verdict.
  const claimed = REVIEWED.has(caseStudy.status) || verdicts.length > 0;
  if (claimed) {
    const claim: TimelineEvent = { key: 'claimed', title: 'A reviewer took it', description: 'An independent, accredited reviewer is checking the evidence and answers.', at: null, done: true };
    const firstVerdict = events.findIndex((e) => verdicts.some((v) => v.id === e.key));
    events.splice(firstVerdict >= 0 ? firstVerdict : events.length, 0, claim);
  }

  if (caseStudy.status !== 'withdrawn') {
    if (!claimed) events.push({ key: 'claim-pending', title: 'Waiting for a reviewer', at: null, done: false });
    if (!verdicts.length) events.push({ key: 'verdict-pending', title: 'Verdict', description: 'The reviewer records what was verified.', at: null, done: false });
    if (caseStudy.status === 'disputed') events.push({ key: 'dispute-pending', title: 'Dispute decision', description: 'An Assay admin upholds or amends the verdict.', at: null, done: false });
  }
  return events;
}
