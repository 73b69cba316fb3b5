import { computeVendorSignals, DEFAULT_SIGNAL_CONFIG, reviewerInformativeness, reviewerReliability } from '../index';
import type { SignalConfig } from '../index';
import { caseStudy, daysAgo, followUp, outcome, reference, reviewer, vendor, withOutcomes } from './support/factories';

const GOOD_WEIGHT = reviewerInformativeness(reviewerReliability(reviewer(), DEFAULT_SIGNAL_CONFIG));

describe(computeVendorSignals.name, () => {
  describe('with no evidence', () => {
    it('says "we don’t know yet": prior means and wide intervals', () => {
      const s = computeVendorSignals(vendor());
      expect(s.verifiedDelivery).toMatchObject({ mean: 0.5, evidenceCount: 0, effectiveN: 0 });
      expect(s.verifiedDelivery.lower).toBeCloseTo(0.05, 6);
      expect(s.verifiedDelivery.upper).toBeCloseTo(0.95, 6);
      expect(s.claimAccuracy).toMatchObject({ mean: DEFAULT_SIGNAL_CONFIG.claimAccuracy.defaultMarketMedian, lower: 0, upper: 1 });
      expect(s.productionDurability.mean).toBe(0.5);
      expect(s.evidenceDepth).toMatchObject({ mean: 0, lower: 0, upper: 0 });
      expect(s.assay.upper - s.assay.lower).toBeGreaterThan(0.8);
    });
  });

  describe('verified delivery', () => {
    it('counts a verified outcome as a full success weighted by reviewer reliability and recency', () => {
      const s = computeVendorSignals(vendor({ caseStudies: [withOutcomes(outcome({ verifiedAt: daysAgo(0) }))] }));
      expect(s.verifiedDelivery.effectiveN).toBeCloseTo(GOOD_WEIGHT, 9);
      expect(s.verifiedDelivery.mean).toBeCloseTo((1 + GOOD_WEIGHT) / (2 + GOOD_WEIGHT), 9);
    });

    it('gives a partly verified outcome the verified share of the claimed improvement as credit', () => {
      const partial = outcome({ verificationStatus: 'partially_verified', verifiedValue: 105, verifiedAt: daysAgo(0) });
      const s = computeVendorSignals(vendor({ caseStudies: [withOutcomes(partial)] }));
      expect(s.verifiedDelivery.mean).toBeCloseTo((1 + 0.25 * GOOD_WEIGHT) / (2 + GOOD_WEIGHT), 9);
    });

    it('understands lower-is-better metrics', () => {
      const latency = outcome({ direction: 'lower_is_better', baseline: 200, claimed: 100, verifiedValue: 150, verificationStatus: 'partially_verified' });
      const s = computeVendorSignals(vendor({ caseStudies: [withOutcomes(latency)] }));
      expect(s.explanations.verifiedDelivery[0].sentence).toContain('50 % of the claimed improvement');
    });

    it('counts an unverifiable outcome as a failure at half weight', () => {
      const s = computeVendorSignals(
        vendor({ caseStudies: [withOutcomes(outcome({ verificationStatus: 'unverifiable', verifiedValue: null, verifiedAt: daysAgo(0) }))] }),
      );
      expect(s.verifiedDelivery.effectiveN).toBeCloseTo(GOOD_WEIGHT * 0.5, 9);
      expect(s.verifiedDelivery.mean).toBeLessThan(0.5);
    });

    it('ignores pending outcomes', () => {
      const s = computeVendorSignals(vendor({ caseStudies: [withOutcomes(outcome({ verificationStatus: 'pending', verifiedValue: null }))] }));
      expect(s.verifiedDelivery.evidenceCount).toBe(0);
    });

    it('halves the weight of a verdict every half-life', () => {
      const fresh = computeVendorSignals(vendor({ caseStudies: [withOutcomes(outcome({ verifiedAt: daysAgo(0) }))] }));
      const old = computeVendorSignals(
        vendor({ caseStudies: [withOutcomes(outcome({ verifiedAt: daysAgo(DEFAULT_SIGNAL_CONFIG.recency.halfLifeDays) }))] }),
      );
      expect(old.verifiedDelivery.effectiveN).toBeCloseTo(fresh.verifiedDelivery.effectiveN / 2, 9);
    });

    it('trusts a reviewer who fails spot checks less than one who passes them', () => {
      const sloppy = reviewer({ id: 'rev-sloppy', spotChecksAgreed: 30, spotChecksTotal: 60 });
      const s = computeVendorSignals(
        vendor({ reviewers: [reviewer(), sloppy], caseStudies: [withOutcomes(outcome({ reviewerId: 'rev-sloppy' }))] }),
      );
      expect(s.verifiedDelivery.effectiveN).toBeLessThan(0.2);
    });

    it('gives a new reviewer the prior reliability', () => {
      const s = computeVendorSignals(vendor({ caseStudies: [withOutcomes(outcome({ reviewerId: 'rev-new', verifiedAt: daysAgo(0) }))] }));
      expect(s.verifiedDelivery.effectiveN).toBeCloseTo(0.6, 9);
    });

    it('sets aside verdicts by a reviewer affiliated with the vendor', () => {
      const s = computeVendorSignals(
        vendor({ reviewers: [reviewer({ affiliatedWithVendor: true })], caseStudies: [withOutcomes(outcome())] }),
      );
      expect(s.verifiedDelivery.effectiveN).toBe(0);
      expect(s.flags.map((f) => f.kind)).toContain('reviewer_affiliation');
    });

    it('keeps a disputed verdict at full weight, so disputing cannot hide it', () => {
      const refuted = outcome({ verificationStatus: 'refuted', verifiedValue: 100 });
      const calm = computeVendorSignals(vendor({ caseStudies: [caseStudy({ id: 'cs-1', outcomes: [refuted] })] }));
      const disputed = computeVendorSignals(
        vendor({ caseStudies: [caseStudy({ id: 'cs-1', outcomes: [refuted], disputed: true, status: 'disputed' })] }),
      );
      expect(disputed.verifiedDelivery).toEqual(calm.verifiedDelivery);
      expect(disputed.flags.map((f) => f.kind)).toContain('verdict_disputed');
    });
  });

  describe('claim accuracy', () => {
    it('shrinks a short record toward the market median', () => {
      const exact = computeVendorSignals(vendor({ caseStudies: [withOutcomes(outcome({ verifiedAt: daysAgo(0) }))] }), DEFAULT_SIGNAL_CONFIG, {
        market: { claimAccuracyMedian: 0.5 },
      });
      const lambda = GOOD_WEIGHT / (GOOD_WEIGHT + DEFAULT_SIGNAL_CONFIG.claimAccuracy.priorStrength);
      expect(exact.claimAccuracy.mean).toBeCloseTo(lambda * 1 + (1 - lambda) * 0.5, 9);
    });

    it('is the typical verified share for a long record, robust to one outlier', () => {
      const halves = Array.from({ length: 20 }, () => outcome({ verificationStatus: 'partially_verified', verifiedValue: 110 }));
      const outlier = outcome({ verificationStatus: 'refuted', verifiedValue: 100 });
      const s = computeVendorSignals(vendor({ caseStudies: [withOutcomes(...halves, outlier)] }), DEFAULT_SIGNAL_CONFIG, {
        market: { claimAccuracyMedian: 0.5 },
      });
      expect(s.claimAccuracy.mean).toBeCloseTo(0.5, 6);
      expect(s.claimAccuracy.lower).toBeLessThan(0.5);
    });
  });

  describe('production durability', () => {
    it('does not count a system that just went live as a failure (censoring)', () => {
      const justLive = caseStudy({ submittedAt: daysAgo(20), goLiveAt: daysAgo(20) });
      const s = computeVendorSignals(vendor({ caseStudies: [justLive] }));
      expect(s.productionDurability.mean).toBe(0.5);
      expect(s.productionDurability.effectiveN).toBe(0);
    });

    it('counts a system confirmed in production at 12 months as a success', () => {
      const s = computeVendorSignals(vendor({ caseStudies: [caseStudy({ followUps: [followUp({ answeredAt: daysAgo(0) })], submittedAt: daysAgo(0) })] }));
      expect(s.productionDurability.mean).toBeCloseTo(2 / 3, 9);
    });

    it('counts an old proof of concept that never shipped as a failure, a young one as censored', () => {
      const old = computeVendorSignals(vendor({ caseStudies: [caseStudy({ productionStatus: 'poc_only', submittedAt: daysAgo(0), goLiveAt: undefined })] }));
      expect(old.productionDurability.mean).toBe(0.5);
      const stale = computeVendorSignals(vendor({ caseStudies: [caseStudy({ productionStatus: 'poc_only', submittedAt: daysAgo(365) })] }));
      expect(stale.productionDurability.mean).toBeLessThan(0.5);
    });

    it('passes a censored project’s weight to projects followed longer (Kaplan–Meier)', () => {
      // One project survived 12 months, one failed at 6; a third is alive at 6 months, fate unknown.
      const survived = caseStudy({ followUps: [followUp({ monthsAfter: 12, stillInProduction: true, answeredAt: daysAgo(0) })], submittedAt: daysAgo(0) });
      const failed = caseStudy({ followUps: [followUp({ monthsAfter: 6, stillInProduction: false, answeredAt: daysAgo(0) })], submittedAt: daysAgo(0) });
      const aliveAt6 = caseStudy({ followUps: [followUp({ monthsAfter: 6, stillInProduction: true, answeredAt: daysAgo(0) })], submittedAt: daysAgo(0) });
      const s = computeVendorSignals(vendor({ caseStudies: [survived, failed, aliveAt6] }));
      // KM: the censored project's mass goes to the survivor → D̂ = 2/3 over 2 known fates.
      expect(s.productionDurability.mean).toBeCloseTo((1 + 2 * (2 / 3)) / 4, 9);
    });

    it('gives a vendor-answered follow-up a quarter of a client’s weight', () => {
      const s = computeVendorSignals(vendor({ caseStudies: [caseStudy({ followUps: [followUp({ source: 'vendor', answeredAt: daysAgo(0) })], submittedAt: daysAgo(0) })] }));
      expect(s.productionDurability.effectiveN).toBeCloseTo(0.25, 9);
    });
  });

  describe('client endorsement and handover', () => {
    it('gives a self-reference no weight and flags it', () => {
      const s = computeVendorSignals(vendor({ references: [reference({ identityStrength: 'self' })] }));
      expect(s.clientEndorsement.effectiveN).toBe(0);
      expect(s.clientEndorsement.mean).toBe(0.5);
      expect(s.flags.find((f) => f.kind === 'self_reference')?.severity).toBe('warning');
    });

    it('weighs a nominated reference a quarter of a drawn one', () => {
      const drawn = computeVendorSignals(vendor({ references: [reference({ answeredAt: daysAgo(0) })] }));
      const nominated = computeVendorSignals(vendor({ references: [reference({ source: 'nominated', answeredAt: daysAgo(0) })] }));
      expect(nominated.clientEndorsement.effectiveN).toBeCloseTo(drawn.clientEndorsement.effectiveN / 4, 9);
    });

    it('divides the weight of a contact who vouched for other vendors too', () => {
      const r = reference({ contactHash: 'shared', answeredAt: daysAgo(0) });
      const s = computeVendorSignals(vendor({ references: [r], otherVendorsByContact: { shared: 3 } }));
      expect(s.clientEndorsement.effectiveN).toBeCloseTo(0.25, 9);
      expect(s.flags.map((f) => f.kind)).toContain('shared_reference_contact');
    });

    it('counts the same contact answering twice as one voice', () => {
      const a = reference({ contactHash: 'same', answeredAt: daysAgo(0) });
      const b = reference({ contactHash: 'same', answeredAt: daysAgo(0) });
      const s = computeVendorSignals(vendor({ references: [a, b] }));
      expect(s.clientEndorsement.effectiveN).toBeCloseTo(1, 9);
    });

    it('pools reference and reviewer handover ratings on a 0..1 scale', () => {
      const s = computeVendorSignals(
        vendor({
          references: [reference({ handover: 5, answeredAt: daysAgo(0) })],
          caseStudies: [caseStudy({ handoverByReviewer: 1, handoverReviewerId: 'rev-good', submittedAt: daysAgo(0) })],
        }),
      );
      expect(s.handover.evidenceCount).toBe(2);
      expect(s.handover.mean).toBeCloseTo((1 + 1) / (2 + 1 + GOOD_WEIGHT), 9);
    });
  });

  describe('reference response rate and evidence depth', () => {
    it('counts only drawn requests that were resolved', () => {
      const s = computeVendorSignals(
        vendor({
          references: [
            reference({ status: 'declined', answeredAt: undefined, wouldHireAgain: undefined }),
            reference({ status: 'pending', answeredAt: undefined, wouldHireAgain: undefined }),
            reference({ source: 'nominated' }),
            reference(),
          ],
        }),
      );
      expect(s.referenceResponseRate.evidenceCount).toBe(2);
    });

    it('counts a contact drawn for several case studies once, by their latest answer or silence', () => {
      const silentSixTimes = Array.from({ length: 6 }, (_, i) =>
        reference({ contactHash: 'the-same-person', caseStudyId: `cs-${i}`, status: 'expired', requestedAt: daysAgo(60 - i), answeredAt: undefined, wouldHireAgain: undefined }),
      );
      const answering = [reference({ contactHash: 'another-person' }), reference({ contactHash: 'a-third-person' })];
      const s = computeVendorSignals(vendor({ references: [...silentSixTimes, ...answering] }));
      expect(s.referenceResponseRate.evidenceCount).toBe(3);
      // The silent person answers the seventh time: they are a responsive contact now.
      const later = reference({ contactHash: 'the-same-person', caseStudyId: 'cs-7', requestedAt: daysAgo(20), answeredAt: daysAgo(10) });
      const after = computeVendorSignals(vendor({ references: [...silentSixTimes, ...answering, later] }));
      expect(after.referenceResponseRate.evidenceCount).toBe(3);
      expect(after.referenceResponseRate.mean).toBeGreaterThan(s.referenceResponseRate.mean);
    });

    it('counts one source per measured case study and per answering contact', () => {
      const s = computeVendorSignals(
        vendor({
          caseStudies: [withOutcomes(outcome({ verifiedAt: daysAgo(0) }), outcome({ verifiedAt: daysAgo(0) }))],
          references: [reference({ answeredAt: daysAgo(0) }), reference({ identityStrength: 'self' })],
        }),
      );
      expect(s.evidenceDepth.evidenceCount).toBe(2);
      expect(s.evidenceDepth.mean).toBeCloseTo(GOOD_WEIGHT + 1, 9);
    });
  });

  describe('the Assay score', () => {
    it('is the configured weighted average of the scored signals, point and interval', () => {
      const s = computeVendorSignals(
        vendor({ caseStudies: [withOutcomes(outcome())], references: [reference({ handover: 4 })] }),
      );
      const w = DEFAULT_SIGNAL_CONFIG.assayWeights;
      const expected =
        w.verifiedDelivery * s.verifiedDelivery.lower +
        w.claimAccuracy * s.claimAccuracy.lower +
        w.productionDurability * s.productionDurability.lower +
        w.clientEndorsement * s.clientEndorsement.lower +
        w.handover * s.handover.lower;
      expect(s.assay.lower).toBeCloseTo(expected, 9);
    });

    it('follows a configuration passed in', () => {
      const onlyDelivery: SignalConfig = {
        ...DEFAULT_SIGNAL_CONFIG,
        assayWeights: { verifiedDelivery: 1, claimAccuracy: 0, productionDurability: 0, clientEndorsement: 0, handover: 0 },
      };
      const s = computeVendorSignals(vendor({ caseStudies: [withOutcomes(outcome())] }), onlyDelivery);
      expect(s.assay.mean).toBeCloseTo(s.verifiedDelivery.mean, 12);
    });
  });

  describe('explanations', () => {
    it('lists every item that moved a signal with its weight and leave-one-out effect, strongest first', () => {
      const s = computeVendorSignals(
        vendor({
          caseStudies: [
            withOutcomes(
              outcome({ id: 'o-old', verifiedAt: daysAgo(1500) }),
              outcome({ id: 'o-refuted', verificationStatus: 'refuted', verifiedValue: 100, verifiedAt: daysAgo(0) }),
            ),
          ],
        }),
      );
      const items = s.explanations.verifiedDelivery;
      expect(items.map((i) => i.evidenceId)).toEqual(['o-refuted', 'o-old']);
      expect(items[0].effect).toBeLessThan(0);
      expect(items[1].effect).toBeGreaterThan(0);
      expect(items[0].sentence).toMatch(/refuted \(no credit\); weight 0\.\d\d = reviewer track record .* × recency 1\.00; moved verified delivery -\d+\.\d pts\./);
      expect(s.explanations.assay.map((i) => i.evidenceId)).toEqual(expect.arrayContaining(['o-refuted', 'o-old']));
    });

    it('explains why a self-reference did not count', () => {
      const s = computeVendorSignals(vendor({ references: [reference({ identityStrength: 'self' })] }));
      expect(s.explanations.clientEndorsement[0]).toMatchObject({ weight: 0, effect: 0 });
      expect(s.explanations.clientEndorsement[0].sentence).toContain('did not move client endorsement');
    });
  });
});
