// Small factories for signal tests: every test builds exactly the evidence it needs.
import type {
  CaseStudyEvidence,
  FollowUpEvidence,
  OutcomeEvidence,
  ReferenceEvidence,
  ReviewerRecord,
  VendorEvidence,
} from '../../types';

export const NOW = '2025-06-30T00:00:00.000Z';
const NOW_MS = Date.parse(NOW);

export function daysAgo(days: number): string {
  return new Date(NOW_MS - days * 86_400_000).toISOString();
}

let counter = 0;
function nextId(prefix: string): string {
  counter += 1;
  return `${prefix}-${String(counter).padStart(5, '0')}`;
}

/** A reviewed outcome: baseline 100, claimed 120 (higher is better), verified as claimed. */
export function outcome(overrides: Partial<OutcomeEvidence> = {}): OutcomeEvidence {
  return {
    id: nextId('o'),
    direction: 'higher_is_better',
    baseline: 100,
    claimed: 120,
    verifiedValue: 120,
    verificationStatus: 'verified',
    verifiedAt: daysAgo(30),
    reviewerId: 'rev-good',
    ...overrides,
  };
}

export function followUp(overrides: Partial<FollowUpEvidence> = {}): FollowUpEvidence {
  return {
    id: nextId('f'),
    monthsAfter: 12,
    askedAt: daysAgo(60),
    answeredAt: daysAgo(55),
    stillInProduction: true,
    source: 'client',
    ...overrides,
  };
}

/** A verified case study with no outcomes, in production for two years. */
export function caseStudy(overrides: Partial<CaseStudyEvidence> = {}): CaseStudyEvidence {
  return {
    id: nextId('cs'),
    submittedAt: daysAgo(400),
    status: 'verified',
    productionStatus: 'in_production',
    goLiveAt: daysAgo(730),
    disputed: false,
    outcomes: [],
    followUps: [],
    ...overrides,
  };
}

/** A drawn, strong-identity reference that answered "would hire again: yes". */
export function reference(overrides: Partial<ReferenceEvidence> = {}): ReferenceEvidence {
  const id = nextId('r');
  return {
    id,
    caseStudyId: 'cs-any',
    source: 'drawn',
    identityStrength: 'strong',
    contactHash: `contact-${id}`,
    requestedAt: daysAgo(40),
    status: 'answered',
    answeredAt: daysAgo(30),
    wouldHireAgain: true,
    ...overrides,
  };
}

/** A reviewer with 100 spot checks, 95 agreed. */
export function reviewer(overrides: Partial<ReviewerRecord> = {}): ReviewerRecord {
  return { id: 'rev-good', spotChecksAgreed: 95, spotChecksTotal: 100, verdictsTotal: 200, verdictsForVendor: 5, ...overrides };
}

export function vendor(overrides: Partial<VendorEvidence> = {}): VendorEvidence {
  return { vendorId: 'vendor-1', now: NOW, caseStudies: [], references: [], reviewers: [reviewer()], ...overrides };
}

/** A case study holding the given outcomes. */
export function withOutcomes(...outcomes: OutcomeEvidence[]): CaseStudyEvidence {
  return caseStudy({ outcomes });
}
