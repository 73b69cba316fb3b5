import type { RuleResult } from './result';

export const CASE_STUDY_STATUSES = [
  'draft',
  'submitted',
  'in_verification',
  'verified',
  'partially_verified',
  'unverified',
  'disputed',
  'withdrawn',
] as const;
export type CaseStudyStatus = (typeof CASE_STUDY_STATUSES)[number];

/** The statuses a verdict can give a case study. */
export const VERDICT_STATUSES = ['verified', 'partially_verified', 'unverified'] as const;
export type VerdictStatus = (typeof VERDICT_STATUSES)[number];

export const CASE_STUDY_EVENT_TYPES = [
  'submit',
  'recall_submission',
  'start_verification',
  'record_verdict',
  'dispute',
  'resolve_dispute',
  'withdraw',
  'reopen_for_reverification',
] as const;
export type CaseStudyEventType = (typeof CASE_STUDY_EVENT_TYPES)[number];

export type DisputeResolution = 'upheld' | 'amended';

export type CaseStudyEvent =
  /** The vendor sends a draft for verification. */
  | { type: 'submit' }
  /** The vendor takes a submission back to edit it, before any reviewer has started. */
  | { type: 'recall_submission' }
  /** A reviewer takes the verification task. */
  | { type: 'start_verification' }
  /** A reviewer records the verdict; `status` comes from `assessVerdict`. */
  | { type: 'record_verdict'; status: VerdictStatus }
  /** The vendor challenges the verdict. */
  | { type: 'dispute' }
  /** An admin upholds the disputed verdict; `originalStatus` is that verdict's status. */
  | { type: 'resolve_dispute'; resolution: 'upheld'; originalStatus: VerdictStatus }
  /** An admin amends the verdict to a new status. */
  | { type: 'resolve_dispute'; resolution: 'amended'; amendedStatus: VerdictStatus }
  /** The vendor withdraws the case study; it stays on record as withdrawn. */
  | { type: 'withdraw' }
  /** The case study goes back to the verification queue (new evidence, a follow-up check). */
  | { type: 'reopen_for_reverification' };

export type CaseStudyWorkflowErrorCode =
  | 'CASE_STUDY_TRANSITION_NOT_ALLOWED'
  | 'CASE_STUDY_EVENT_INVALID'
  | 'CASE_STUDY_NOT_EDITABLE';

export type CaseStudyTransitionResult =
  | { ok: true; from: CaseStudyStatus; to: CaseStudyStatus }
  | {
      ok: false;
      code: Exclude<CaseStudyWorkflowErrorCode, 'CASE_STUDY_NOT_EDITABLE'>;
      message: string;
    };

const VERDICT_EXITS = ['dispute', 'withdraw', 'reopen_for_reverification'] as const;

/**
 * The legal events per status. Withdrawal is possible from everywhere except
 * `withdrawn` itself (a vendor may withdraw a published case study; the
 * verdicts stay in the ledger). Nothing leaves `withdrawn`.
 */
const ALLOWED_EVENTS: Readonly<Record<CaseStudyStatus, readonly CaseStudyEventType[]>> = {
  draft: ['submit', 'withdraw'],
  submitted: ['recall_submission', 'start_verification', 'withdraw'],
  in_verification: ['record_verdict', 'withdraw'],
  verified: VERDICT_EXITS,
  partially_verified: VERDICT_EXITS,
  unverified: VERDICT_EXITS,
  disputed: ['resolve_dispute', 'withdraw'],
  withdrawn: [],
};

const STATUS_PHRASES: Readonly<Record<CaseStudyStatus, string>> = {
  draft: 'a draft',
  submitted: 'submitted',
  in_verification: 'in verification',
  verified: 'verified',
  partially_verified: 'partially verified',
  unverified: 'unverified',
  disputed: 'under dispute',
  withdrawn: 'withdrawn',
};

/** A short phrase for a status, for use in sentences ("this case study is under dispute"). */
export function describeCaseStudyStatus(status: CaseStudyStatus): string {
  return STATUS_PHRASES[status];
}

export function isCaseStudyStatus(value: unknown): value is CaseStudyStatus {
  return (CASE_STUDY_STATUSES as readonly unknown[]).includes(value);
}

export function isVerdictStatus(value: unknown): value is VerdictStatus {
  return (VERDICT_STATUSES as readonly unknown[]).includes(value);
}

/** The events that `transition` accepts in this status. */
export function allowedEvents(state: CaseStudyStatus): CaseStudyEventType[] {
  return [...ALLOWED_EVENTS[state]];
}

/** Only a draft's content can be edited; after submission the claims are what is verified. */
export function isEditable(state: CaseStudyStatus): boolean {
  return state === 'draft';
}

export function checkEditable(state: CaseStudyStatus): RuleResult<'CASE_STUDY_NOT_EDITABLE'> {
  if (isEditable(state)) return { ok: true };
  const hint =
    state === 'submitted'
      ? ' Recall the submission to edit it again.'
      : state === 'withdrawn'
        ? ''
        : ' Once a case study has been submitted its claims are what is verified, so they cannot change.';
  return {
    ok: false,
    code: 'CASE_STUDY_NOT_EDITABLE',
    message: `Only a draft case study can be edited; this one is ${STATUS_PHRASES[state]}.${hint}`,
  };
}

/** Applies an event to a case study's status, or says why it is not allowed. */
export function transition(state: CaseStudyStatus, event: CaseStudyEvent): CaseStudyTransitionResult {
  const invalid = describeInvalidEvent(event);
  if (invalid !== null) return { ok: false, code: 'CASE_STUDY_EVENT_INVALID', message: invalid };
  if (!ALLOWED_EVENTS[state].includes(event.type)) {
    return { ok: false, code: 'CASE_STUDY_TRANSITION_NOT_ALLOWED', message: refusalMessage(state, event.type) };
  }
  return { ok: true, from: state, to: nextStatus(event) };
}

function nextStatus(event: CaseStudyEvent): CaseStudyStatus {
  switch (event.type) {
    case 'submit':
      return 'submitted';
    case 'recall_submission':
      return 'draft';
    case 'start_verification':
      return 'in_verification';
    case 'record_verdict':
      return event.status;
    case 'dispute':
      return 'disputed';
    case 'resolve_dispute':
      return event.resolution === 'upheld' ? event.originalStatus : event.amendedStatus;
    case 'withdraw':
      return 'withdrawn';
    case 'reopen_for_reverification':
      return 'submitted';
  }
}

// Events arrive from the API layer; guard the payloads the type system cannot see at runtime.
function describeInvalidEvent(event: CaseStudyEvent): string | null {
  const raw = event as unknown as Record<string, unknown> | null;
  if (raw === null || typeof raw !== 'object' || !(CASE_STUDY_EVENT_TYPES as readonly unknown[]).includes(raw.type)) {
    return 'This is not a case-study action the system knows about.';
  }
  if (raw.type === 'record_verdict' && !isVerdictStatus(raw.status)) {
    return 'A verdict must say whether the case study is verified, partially verified or unverified.';
  }
  if (raw.type === 'resolve_dispute') {
    if (raw.resolution === 'upheld' && !isVerdictStatus(raw.originalStatus)) {
      return "Upholding a dispute needs the disputed verdict's status (verified, partially verified or unverified).";
    }
    if (raw.resolution === 'amended' && !isVerdictStatus(raw.amendedStatus)) {
      return 'Amending a verdict needs the new status (verified, partially verified or unverified).';
    }
    if (raw.resolution !== 'upheld' && raw.resolution !== 'amended') {
      return 'A dispute is resolved by upholding or amending the verdict.';
    }
  }
  return null;
}

function refusalMessage(state: CaseStudyStatus, eventType: CaseStudyEventType): string {
  const is = STATUS_PHRASES[state];
  if (state === 'withdrawn') {
    return eventType === 'withdraw'
      ? 'This case study has already been withdrawn.'
      : 'This case study has been withdrawn, and a withdrawn case study cannot change any more.';
  }
  switch (eventType) {
    case 'submit':
      if (state === 'submitted') return 'This case study has already been submitted.';
      if (state === 'in_verification') return 'This case study has already been submitted and is being verified.';
      return state === 'disputed'
        ? 'A case study under dispute cannot be submitted again.'
        : `A${state === 'unverified' ? 'n' : ''} ${is} case study cannot be submitted again.`;
    case 'recall_submission':
      if (state === 'draft') return 'This case study is already a draft.';
      if (state === 'in_verification') {
        return 'A reviewer has already started verifying this case study, so it can no longer be returned to draft.';
      }
      return `Only a submitted case study can be returned to draft; this one is ${is}.`;
    case 'start_verification':
      if (state === 'in_verification') return 'Verification of this case study has already started.';
      return `Verification can only start on a submitted case study; this one is ${is}.`;
    case 'record_verdict':
      return `A verdict can only be recorded while a case study is in verification; this one is ${is}.`;
    case 'dispute':
      if (state === 'disputed') return "This case study's verdict is already under dispute.";
      return `Only a verdict can be disputed, and this case study has none yet (it is ${is}).`;
    case 'resolve_dispute':
      return `There is no open dispute to resolve; this case study is ${is}.`;
    case 'withdraw':
      return `This case study cannot be withdrawn while it is ${is}.`;
    case 'reopen_for_reverification':
      if (state === 'disputed') return 'Resolve the open dispute before reopening this case study for re-verification.';
      return `Only a case study with a verdict can be reopened for re-verification; this one is ${is}.`;
  }
}
