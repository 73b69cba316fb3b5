// One place for the words the web app uses for the API's codes: statuses, verdicts, outcome
// results, reference and identity states, and sort orders. Pages import from here, never write
// their own map, so "Partly verified" reads the same on the vendor's list, the reviewer's task
// and the buyer's vendor page. (Signal names come from the API: `useSignalNames`.)
import type {
  CaseStudyStatus,
  ClientAnswerKind,
  PublicTextField,
  Handover,
  IdentityStrength,
  MeasurementMethod,
  OutcomeDirection,
  OutcomeVerificationStatus,
  ProductionStatus,
  ReferenceStatus,
  VendorSearchSort,
} from '../gql/graphql';

/** Search orders in plain words; "Best match" is offered (and the default) only with a text query. */
export const SEARCH_SORT_LABELS: Record<VendorSearchSort, string> = {
  best_match: 'Best match',
  assay_lower: 'Strongest verified record',
  assay_mean: 'Highest Assay score',
  evidence_depth: 'Most evidence',
  recently_verified: 'Most recently verified',
};

/** The order a search uses when none is chosen (the API's rule: best match with text, else the Assay score's point estimate). */
export function defaultSearchSort(text: string): VendorSearchSort {
  return (text ? 'best_match' : 'assay_mean') as VendorSearchSort;
}

/** The sorts a search can offer, as select options. */
export function searchSortOptions(text: string): Array<{ value: VendorSearchSort; label: string }> {
  return (Object.entries(SEARCH_SORT_LABELS) as Array<[VendorSearchSort, string]>)
    .filter(([value]) => text || value !== 'best_match')
    .map(([value, label]) => ({ value, label }));
}

/** A case study's status in a word or two, a colour, and what it means for the vendor in plain language. */
export const CASE_STUDY_STATUS: Record<CaseStudyStatus, { label: string; color: string; description: string }> = {
  draft: { label: 'Draft', color: 'gray', description: 'Only your team can see it. Finish it and submit it for verification.' },
  submitted: {
    label: 'Submitted',
    color: 'blue',
    description: 'Waiting for an independent reviewer. Its claims can no longer change; start a revision to correct them.',
  },
  in_verification: { label: 'In verification', color: 'indigo', description: 'A reviewer is checking the evidence and the references’ answers.' },
  verified: { label: 'Verified', color: 'teal', description: 'A reviewer confirmed the claimed outcomes. Buyers see it as verified.' },
  partially_verified: {
    label: 'Partly verified',
    color: 'yellow',
    description: 'A reviewer confirmed some outcomes, or smaller gains than claimed. Buyers see what was verified.',
  },
  unverified: { label: 'Not verified', color: 'red', description: 'A reviewer could not confirm the claimed outcomes.' },
  disputed: { label: 'Disputed', color: 'orange', description: 'You challenged the verdict; an Assay admin will resolve it.' },
  withdrawn: { label: 'Withdrawn', color: 'gray', description: 'Hidden from buyers. It stays on record as withdrawn.' },
};

/** The verdict as a whole; the case study's status follows from it (same words as CASE_STUDY_STATUS). */
export const VERDICT_STATUS: Record<string, { label: string; color: string; description: string }> = {
  verified: { label: CASE_STUDY_STATUS.verified.label, color: 'teal', description: 'Every claimed outcome was verified.' },
  partially_verified: { label: CASE_STUDY_STATUS.partially_verified.label, color: 'yellow', description: 'Some outcomes, or smaller gains than claimed, were verified.' },
  unverified: { label: CASE_STUDY_STATUS.unverified.label, color: 'red', description: 'None of the claimed outcomes could be confirmed.' },
};

export function verdictStatus(status: string) {
  return VERDICT_STATUS[status] ?? { label: status, color: 'gray', description: '' };
}


export const VERDICT_KIND: Record<string, string> = {
  primary: 'Verdict',
  spot_check: 'Spot check',
  amendment: 'Amended verdict',
};

/** One outcome's verification result, as every page names it. */
export const OUTCOME_VERIFICATION: Record<OutcomeVerificationStatus, { label: string; color: string }> = {
  pending: { label: 'Not yet verified', color: 'gray' },
  verified: { label: 'Verified', color: 'teal' },
  partially_verified: { label: 'Partly verified', color: 'yellow' },
  refuted: { label: 'Refuted', color: 'red' },
  unverifiable: { label: 'Could not be checked', color: 'orange' },
};

/** What a reviewer can conclude about one outcome (the results above, with a hint for the choice). */
export const OUTCOME_RESULTS = ['verified', 'partially_verified', 'refuted', 'unverifiable'] as const;
export type OutcomeResult = (typeof OUTCOME_RESULTS)[number];
export const OUTCOME_RESULT: Record<OutcomeResult, { label: string; color: string; hint: string }> = {
  verified: { ...OUTCOME_VERIFICATION.verified, hint: 'The evidence supports the claimed value.' },
  partially_verified: { ...OUTCOME_VERIFICATION.partially_verified, hint: 'Some of the claimed improvement holds.' },
  refuted: { ...OUTCOME_VERIFICATION.refuted, hint: 'The evidence contradicts the claim.' },
  unverifiable: { ...OUTCOME_VERIFICATION.unverifiable, hint: 'There is not enough evidence either way.' },
};

export const PRODUCTION_STATUS: Record<ProductionStatus, string> = {
  poc_only: 'Proof of concept only',
  in_production: 'In production',
  retired: 'Was in production, now retired',
};

export const DIRECTION: Record<OutcomeDirection, string> = {
  higher_is_better: 'Higher is better',
  lower_is_better: 'Lower is better',
};

export const METHOD: Record<MeasurementMethod, string> = {
  held_out_test_set: 'Held-out test set',
  ab_test: 'A/B test',
  before_after_production: 'Before/after in production',
  other: 'Other (describe it)',
};

/** A reference request's state, with what it means. */
export const REFERENCE_STATUS: Record<ReferenceStatus, { label: string; color: string; description: string }> = {
  refused: { label: 'Refused', color: 'red', description: 'Not counted and never contacted.' },
  pending: { label: 'Not yet asked', color: 'gray', description: 'Assay emails the questionnaire once the case study is submitted.' },
  sent: { label: 'Waiting for an answer', color: 'blue', description: 'The questionnaire was emailed; waiting for an answer.' },
  answered: { label: 'Answered', color: 'teal', description: 'The reference answered the questionnaire.' },
  declined: { label: 'Declined', color: 'orange', description: 'The reference declined to answer.' },
  expired: { label: 'Link expired', color: 'gray', description: 'The link expired without an answer.' },
};

/** How far a contact's email can be trusted to belong to the client. */
export const IDENTITY_STRENGTH: Record<IdentityStrength, { label: string; color: string }> = {
  strong: { label: 'Strong: client’s domain', color: 'teal' },
  weak: { label: 'Weak: free-mail address', color: 'yellow' },
  unknown: { label: 'Unconfirmed: other domain', color: 'orange' },
  self: { label: 'Self-reference', color: 'red' },
};

export const DISPUTE_STATUS: Record<string, { label: string; color: string }> = {
  open: { label: 'Under dispute', color: 'orange' },
  upheld: { label: 'Dispute: verdict upheld', color: 'gray' },
  amended: { label: 'Dispute: verdict amended', color: 'blue' },
};

/** Who runs the system now, in the third person (reviewers, buyers). */
export const HANDOVER: Record<Handover, string> = {
  client_alone: 'The client’s team runs it alone',
  joint: 'The client and the consultancy run it together',
  vendor: 'The consultancy still runs it',
};

/** The same, in the vendor's own words (its case-study form and pages). */
export const HANDOVER_OWN: Record<Handover, string> = {
  client_alone: 'The client’s team runs it alone',
  joint: 'Jointly',
  vendor: 'We still run it',
};

/** The same, to finish "run by …" in a sentence. */
export const HANDOVER_RUN_BY: Record<Handover, string> = {
  client_alone: 'the client team alone',
  joint: 'the client and the consultancy together',
  vendor: 'the consultancy',
};

/** What a client organisation can say about a case study that names it: the badge buyers read and the button the client presses. */
export const CLIENT_ANSWER: Record<ClientAnswerKind, { label: string; button: string; color: string }> = {
  worked_with: { label: 'Confirmed by the client', button: 'We worked with them', color: 'teal' },
  did_not_work_with: { label: 'Denied by the client', button: 'We did not work with them', color: 'red' },
  outcome_wrong: { label: 'Outcome disputed by the client', button: 'The outcome stated is wrong', color: 'orange' },
};

/** The public texts of a case study, as a reviewer's leak flag names them. */
export const PUBLIC_TEXT_FIELD: Record<PublicTextField, string> = { title: 'Title', problem: 'Problem', approach: 'Approach' };
