import type { Handover, IdentityStrength, OutcomeDirection, ProductionStatus, ReferenceStatus } from '../../../gql/graphql';

// The API carries these as strings (documented values); the UI names every one in words.

/** What a reviewer can conclude about one outcome. */
export const OUTCOME_RESULTS = ['verified', 'partially_verified', 'refuted', 'unverifiable'] as const;
export type OutcomeResult = (typeof OUTCOME_RESULTS)[number];

export const OUTCOME_RESULT: Record<OutcomeResult, { label: string; color: string; hint: string }> = {
  verified: { label: 'Verified', color: 'teal', hint: 'The evidence supports the claimed value.' },
  partially_verified: { label: 'Partially verified', color: 'yellow', hint: 'Some of the claimed improvement holds.' },
  refuted: { label: 'Refuted', color: 'red', hint: 'The evidence contradicts the claim.' },
  unverifiable: { label: 'Unverifiable', color: 'orange', hint: 'There is not enough evidence either way.' },
};

/** The verdict as a whole; the case study's status follows from it. */
export const VERDICT_STATUS: Record<string, { label: string; color: string; description: string }> = {
  verified: { label: 'Verified', color: 'teal', description: 'Every claimed outcome was verified.' },
  partially_verified: { label: 'Partly verified', color: 'yellow', description: 'Some outcomes, or smaller gains than claimed, were verified.' },
  unverified: { label: 'Not verified', color: 'red', description: 'None of the claimed outcomes could be confirmed.' },
};

export function verdictStatus(status: string) {
  return VERDICT_STATUS[status] ?? { label: status, color: 'gray', description: '' };
}

export const VERDICT_KIND: Record<string, string> = {
  primary: 'Verdict',
  spot_check: 'Spot check',
  amendment: 'Amended verdict',
};

export const PRODUCTION: Record<ProductionStatus, string> = {
  poc_only: 'Proof of concept only',
  in_production: 'In production',
  retired: 'Was in production, now retired',
};

/** Who runs the system now, said from the reviewer's side (the vendor's form says "we"). */
export const HANDOVER: Record<Handover, string> = {
  client_alone: 'The client’s team runs it alone',
  joint: 'The client and the consultancy run it together',
  vendor: 'The consultancy still runs it',
};

export const DIRECTION: Record<OutcomeDirection, string> = {
  higher_is_better: 'higher is better',
  lower_is_better: 'lower is better',
};

/** A reference's answer to "was this achieved?". */
export const ACHIEVED: Record<string, { label: string; color: string }> = {
  yes: { label: 'Yes', color: 'teal' },
  partly: { label: 'Partly', color: 'yellow' },
  no: { label: 'No', color: 'red' },
  cant_say: { label: 'Can’t say', color: 'gray' },
};

export const IN_PRODUCTION: Record<string, string> = {
  yes: 'Yes',
  no: 'No',
  dont_know: 'Doesn’t know',
};

export const REFERENCE_STATUS: Record<ReferenceStatus, { label: string; color: string }> = {
  refused: { label: 'Refused', color: 'red' },
  pending: { label: 'Not yet asked', color: 'gray' },
  sent: { label: 'Waiting for an answer', color: 'blue' },
  answered: { label: 'Answered', color: 'teal' },
  declined: { label: 'Declined', color: 'orange' },
  expired: { label: 'Link expired', color: 'gray' },
};

export const IDENTITY_STRENGTH: Record<IdentityStrength, { label: string; color: string }> = {
  strong: { label: 'Client’s domain', color: 'teal' },
  weak: { label: 'Free-mail address', color: 'yellow' },
  unknown: { label: 'Other domain', color: 'orange' },
  self: { label: 'Self-reference', color: 'red' },
};

/** The ML rubric: the questions a reviewer answers about how the claim was measured. */
export const RUBRIC_QUESTIONS = [
  { key: 'properBaseline', label: 'Was there a proper baseline?' },
  { key: 'heldOutOrOnlineEvaluation', label: 'Held-out or online evaluation?' },
  { key: 'leakageChecked', label: 'Was leakage checked?' },
  { key: 'monitoringInProduction', label: 'Is it monitored in production?' },
] as const;
export type RubricKey = (typeof RUBRIC_QUESTIONS)[number]['key'];

export const DISPUTE_STATUS: Record<string, { label: string; color: string }> = {
  open: { label: 'Under dispute', color: 'orange' },
  upheld: { label: 'Dispute: verdict upheld', color: 'gray' },
  amended: { label: 'Dispute: verdict amended', color: 'blue' },
};

/** A rubric answer (true / false / null) in words. */
export function rubricAnswer(value: boolean | null | undefined): string {
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  return 'Not assessed';
}
