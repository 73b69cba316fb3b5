/**
 * `VendorEvidenceChanged`: what changed a vendor's evidence. Every use case that changes
 * what the signals read records exactly one such event in its own transaction; the signals
 * pipeline consumes it (see docs/signals-operations.md).
 */
export const EVIDENCE_CAUSES = [
  'case_study_submitted',
  'case_study_withdrawn',
  'reference_answered',
  'reference_declined',
  'reference_expired',
  'verdict_recorded',
  'spot_check_recorded',
  'dispute_opened',
  'dispute_resolved',
  'follow_up_sent',
  'follow_up_answered',
  'reviewer_affiliation_declared',
  'evidence_imported',
  'client_confirmation',
  'verdict_requeued',
  'client_domain_assessed',
] as const;

export type EvidenceCause = (typeof EVIDENCE_CAUSES)[number];

/**
 * What a cause does to the reviewer an event names, which decides the vendors that depend on it
 * (see docs/signals-operations.md, "Which vendors an event affects"):
 * - `verdict_totals`: the reviewer wrote a verdict row (a verdict, a spot-check verdict, an
 *   amendment), so their verdict count moved. Another vendor depends on it only where that count
 *   flips the reviewer's over-concentration there, which the drain checks against stored state.
 * - `reviewer_record`: the reviewer's reliability (a spot check of their work) or affiliations
 *   changed, which weighs every verdict they gave: every vendor they judged depends on it.
 * - `none`: the cause cannot change any reviewer's record; an event with it names no reviewer.
 */
export type ReviewerChange = 'verdict_totals' | 'reviewer_record' | 'none';

export const REVIEWER_CHANGE_OF_CAUSE: Readonly<Record<EvidenceCause, ReviewerChange>> = {
  case_study_submitted: 'none',
  // Withdrawing hides the case study; its verdict rows stay and still count in the reviewer's totals.
  case_study_withdrawn: 'none',
  reference_answered: 'none',
  reference_declined: 'none',
  reference_expired: 'none',
  verdict_recorded: 'verdict_totals',
  spot_check_recorded: 'reviewer_record',
  dispute_opened: 'none',
  // Names the administrator when the resolution amended the verdict (an amending verdict row); upheld names no one.
  dispute_resolved: 'verdict_totals',
  follow_up_sent: 'none',
  follow_up_answered: 'none',
  reviewer_affiliation_declared: 'reviewer_record',
  evidence_imported: 'none',
  client_confirmation: 'none',
  // The reviewer joined the vendor they judged: now affiliated with it, a change of their record.
  verdict_requeued: 'reviewer_record',
  client_domain_assessed: 'none',
};

/**
 * The subject of a change: a vendor whose own evidence changed, and/or the reviewer the cause
 * concerns (`REVIEWER_CHANGE_OF_CAUSE` says how: their verdict totals or their record).
 * A cause whose reviewer change is `none` names no reviewer.
 */
export interface VendorEvidenceChanged {
  cause: EvidenceCause;
  vendorId?: string;
  reviewerId?: string;
}

/** The event's shape is one the drain understands: a subject, and a reviewer only where the cause concerns one. */
export function evidenceEventProblem(event: VendorEvidenceChanged): string | null {
  if (!event.vendorId && !event.reviewerId) return `A ${event.cause} event names neither a vendor nor a reviewer.`;
  if (event.reviewerId && REVIEWER_CHANGE_OF_CAUSE[event.cause] === 'none') return `A ${event.cause} event cannot change a reviewer's record, so it names no reviewer.`;
  return null;
}
