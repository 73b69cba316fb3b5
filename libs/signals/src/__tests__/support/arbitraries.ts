// fast-check generators of arbitrary (but well-formed) vendor evidence.
import fc from 'fast-check';
import type {
  CaseStudyEvidence,
  FollowUpEvidence,
  OutcomeEvidence,
  ReferenceEvidence,
  ReviewerRecord,
  VendorEvidence,
} from '../../types';
import { daysAgo, NOW } from './factories';

export const REVIEWER_IDS = ['rev-a', 'rev-b', 'rev-c', 'rev-d'] as const;

const day = fc.integer({ min: 0, max: 2500 });
const optionalReviewer = fc.option(fc.constantFrom(...REVIEWER_IDS, 'rev-unknown'), { nil: undefined });

export const outcomeArb: fc.Arbitrary<Omit<OutcomeEvidence, 'id'>> = fc
  .record({
    direction: fc.constantFrom('higher_is_better' as const, 'lower_is_better' as const),
    baseline: fc.integer({ min: 10, max: 1000 }),
    gain: fc.integer({ min: 0, max: 500 }),
    verifiedShare: fc.option(fc.double({ min: -0.5, max: 1.5, noNaN: true }), { nil: null }),
    verificationStatus: fc.constantFrom('verified' as const, 'partially_verified' as const, 'refuted' as const, 'unverifiable' as const, 'pending' as const),
    verifiedDaysAgo: fc.option(day, { nil: undefined }),
    reviewerId: optionalReviewer,
  })
  .map(({ direction, baseline, gain, verifiedShare, verificationStatus, verifiedDaysAgo, reviewerId }) => {
    const sign = direction === 'higher_is_better' ? 1 : -1;
    return {
      direction,
      baseline,
      claimed: baseline + sign * gain,
      verifiedValue: verifiedShare === null ? null : baseline + sign * gain * verifiedShare,
      verificationStatus,
      verifiedAt: verifiedDaysAgo === undefined ? undefined : daysAgo(verifiedDaysAgo),
      reviewerId,
    };
  });

const followUpArb: fc.Arbitrary<Omit<FollowUpEvidence, 'id'>> = fc
  .record({
    monthsAfter: fc.constantFrom(6 as const, 12 as const),
    asked: day,
    answered: fc.boolean(),
    stillInProduction: fc.boolean(),
    source: fc.constantFrom('client' as const, 'reviewer' as const, 'vendor' as const),
  })
  .map(({ monthsAfter, asked, answered, stillInProduction, source }) => ({
    monthsAfter,
    askedAt: daysAgo(asked),
    answeredAt: answered ? daysAgo(Math.max(0, asked - 5)) : undefined,
    stillInProduction: answered ? stillInProduction : undefined,
    source,
  }));

export const caseStudyArb: fc.Arbitrary<Omit<CaseStudyEvidence, 'id'>> = fc
  .record({
    submitted: day,
    status: fc.constantFrom(
      'submitted' as const,
      'in_verification' as const,
      'verified' as const,
      'partially_verified' as const,
      'unverified' as const,
      'disputed' as const,
      'withdrawn' as const,
    ),
    productionStatus: fc.constantFrom('poc_only' as const, 'in_production' as const, 'retired' as const),
    goLive: fc.option(day, { nil: undefined }),
    livedDays: fc.option(fc.integer({ min: 0, max: 800 }), { nil: undefined }),
    disputed: fc.boolean(),
    handoverByReviewer: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    handoverReviewerId: optionalReviewer,
    outcomes: fc.array(outcomeArb, { maxLength: 3 }),
    followUps: fc.array(followUpArb, { maxLength: 2 }),
  })
  .map(({ submitted, goLive, livedDays, ...rest }) => ({
    ...rest,
    submittedAt: daysAgo(submitted),
    goLiveAt: goLive === undefined ? undefined : daysAgo(goLive),
    retiredAt: goLive === undefined || livedDays === undefined || rest.productionStatus !== 'retired' ? undefined : daysAgo(Math.max(0, goLive - livedDays)),
    outcomes: [] as OutcomeEvidence[],
    rawOutcomes: rest.outcomes,
    followUps: [] as FollowUpEvidence[],
    rawFollowUps: rest.followUps,
  }))
  .map(({ rawOutcomes, rawFollowUps, ...cs }) => ({
    ...cs,
    outcomes: rawOutcomes.map((o, i) => ({ ...o, id: `o${i}` })),
    followUps: rawFollowUps.map((f, i) => ({ ...f, id: `f${i}` })),
  }));

export const referenceArb: fc.Arbitrary<Omit<ReferenceEvidence, 'id' | 'caseStudyId'>> = fc
  .record({
    source: fc.constantFrom('drawn' as const, 'nominated' as const),
    identityStrength: fc.constantFrom('strong' as const, 'weak' as const, 'unknown' as const, 'self' as const),
    contact: fc.integer({ min: 0, max: 6 }),
    requested: day,
    status: fc.constantFrom('pending' as const, 'answered' as const, 'declined' as const, 'expired' as const),
    wouldHireAgain: fc.option(fc.boolean(), { nil: undefined }),
    handover: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    delay: fc.integer({ min: 0, max: 30 }),
  })
  .map(({ contact, requested, delay, status, ...rest }) => ({
    ...rest,
    status,
    contactHash: `contact-${contact}`,
    requestedAt: daysAgo(requested),
    answeredAt: status === 'answered' ? daysAgo(Math.max(0, requested - delay)) : undefined,
  }));

export const reviewerArb = (id: string): fc.Arbitrary<ReviewerRecord> =>
  fc
    .record({
      total: fc.integer({ min: 0, max: 60 }),
      agreedShare: fc.double({ min: 0, max: 1, noNaN: true }),
      affiliatedWithVendor: fc.boolean(),
      verdictsTotal: fc.integer({ min: 0, max: 40 }),
      forVendorShare: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ total, agreedShare, affiliatedWithVendor, verdictsTotal, forVendorShare }) => ({
      id,
      spotChecksTotal: total,
      spotChecksAgreed: Math.round(total * agreedShare),
      affiliatedWithVendor,
      verdictsTotal,
      verdictsForVendor: Math.round(verdictsTotal * forVendorShare),
    }));

/** Arbitrary evidence of one vendor, with unique ids throughout. */
export const vendorEvidenceArb: fc.Arbitrary<VendorEvidence> = fc
  .record({
    caseStudies: fc.array(caseStudyArb, { maxLength: 6 }),
    references: fc.array(fc.tuple(referenceArb, fc.nat()), { maxLength: 8 }),
    reviewers: fc.tuple(...REVIEWER_IDS.map((id) => reviewerArb(id))),
    otherVendors: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 7, maxLength: 7 }),
  })
  .map(({ caseStudies, references, reviewers, otherVendors }) => {
    const withIds = caseStudies.map((cs, i) => ({
      ...cs,
      id: `cs${i}`,
      outcomes: cs.outcomes.map((o) => ({ ...o, id: `cs${i}-${o.id}` })),
      followUps: cs.followUps.map((f) => ({ ...f, id: `cs${i}-${f.id}` })),
    }));
    return {
      vendorId: 'vendor-x',
      now: NOW,
      caseStudies: withIds,
      references: references.map(([r, pick], i) => ({
        ...r,
        id: `ref${i}`,
        caseStudyId: withIds.length > 0 ? withIds[pick % withIds.length].id : 'cs-none',
      })),
      reviewers: [...reviewers],
      otherVendorsByContact: Object.fromEntries(otherVendors.map((n, i) => [`contact-${i}`, n])),
    };
  });
