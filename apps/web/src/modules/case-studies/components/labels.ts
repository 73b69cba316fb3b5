import type {
  CaseStudyStatus,
  Handover,
  IdentityStrength,
  MeasurementMethod,
  OutcomeDirection,
  OutcomeVerificationStatus,
  ProductionStatus,
  ReferenceStatus,
} from '../../../gql/graphql';

/** A status in a word or two, a colour, and what it means for the vendor in plain language. */
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

export const PRODUCTION_STATUS: Record<ProductionStatus, string> = {
  poc_only: 'Proof of concept only',
  in_production: 'In production',
  retired: 'Was in production, now retired',
};

export const HANDOVER: Record<Handover, string> = {
  client_alone: 'The client’s team runs it alone',
  joint: 'Jointly',
  vendor: 'We still run it',
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

export const OUTCOME_VERIFICATION: Record<OutcomeVerificationStatus, { label: string; color: string }> = {
  pending: { label: 'Not yet verified', color: 'gray' },
  verified: { label: 'Verified', color: 'teal' },
  partially_verified: { label: 'Partly verified', color: 'yellow' },
  refuted: { label: 'Refuted', color: 'red' },
  unverifiable: { label: 'Could not be checked', color: 'orange' },
};

export const REFERENCE_STATUS: Record<ReferenceStatus, { label: string; color: string; description: string }> = {
  refused: { label: 'Refused', color: 'red', description: 'Not counted and never contacted.' },
  pending: { label: 'Not yet asked', color: 'gray', description: 'Assay emails the questionnaire once you submit.' },
  sent: { label: 'Asked', color: 'blue', description: 'The questionnaire was emailed; waiting for an answer.' },
  answered: { label: 'Answered', color: 'teal', description: 'The reference answered the questionnaire.' },
  declined: { label: 'Declined', color: 'orange', description: 'The reference declined to answer.' },
  expired: { label: 'Expired', color: 'gray', description: 'The link expired without an answer.' },
};

/** How far the contact's email can be trusted to belong to the client. */
export const IDENTITY_STRENGTH: Record<IdentityStrength, { label: string; color: string }> = {
  strong: { label: 'Strong: client’s domain', color: 'teal' },
  weak: { label: 'Weak: free-mail address', color: 'yellow' },
  unknown: { label: 'Unconfirmed: other domain', color: 'orange' },
  self: { label: 'Self-reference', color: 'red' },
};

/** Why a nomination was refused, for the red badge ("Refused: self-reference"). */
export function refusalLabel(strength: IdentityStrength, flags: readonly string[]): string {
  if (strength === 'self' || flags.includes('self_reference')) return 'Refused: self-reference';
  return 'Refused';
}
