import {
  DEFAULT_SIGNAL_CONFIG,
  detectIntegrityFlags,
  disputedVerdictFlag,
  flagDefinitions,
  freeMailFlag,
  lowResponseRateFlag,
  referenceBurstFlag,
  reviewerAffiliationFlag,
  reviewerConcentrationFlag,
  selfReferenceFlag,
  sharedContactFlag,
  staleVerificationFlag,
  submissionBurstFlag,
} from '../index';
import { computeVendorSignals } from '../index';
import { caseStudy, daysAgo, outcome, reference, reviewer, vendor, withOutcomes } from './support/factories';

describe('integrity flags', () => {
  it('raises nothing but "not verified yet" for a vendor without evidence', () => {
    expect(detectIntegrityFlags(vendor()).map((f) => f.kind)).toEqual(['no_recent_verification']);
  });

  describe(selfReferenceFlag.name, () => {
    it('warns about one self-reference and is serious from three', () => {
      const one = selfReferenceFlag(vendor({ references: [reference({ identityStrength: 'self' })] }));
      expect(one).toMatchObject({ kind: 'self_reference', severity: 'warning' });
      expect(one?.sentence).toBe('1 reference came from the vendor’s own domain; it was given no weight.');
      const three = selfReferenceFlag(vendor({ references: [1, 2, 3].map(() => reference({ identityStrength: 'self' })) }));
      expect(three?.severity).toBe('serious');
    });

    it('stays quiet for client-domain references', () => {
      expect(selfReferenceFlag(vendor({ references: [reference()] }))).toBeNull();
    });
  });

  describe(freeMailFlag.name, () => {
    it('notes free-mail references, which weigh a quarter', () => {
      const f = freeMailFlag(vendor({ references: [reference({ identityStrength: 'weak' }), reference()] }));
      expect(f).toMatchObject({ kind: 'free_mail_reference', severity: 'info' });
      expect(f?.sentence).toBe('1 reference answered from a free-mail address; it counts for less.');
    });
  });

  describe(sharedContactFlag.name, () => {
    it('flags a contact who also vouched for other vendors and lists the references', () => {
      const r = reference({ id: 'ref-shared', contactHash: 'h1' });
      const f = sharedContactFlag(vendor({ references: [r, reference()], otherVendorsByContact: { h1: 2 } }));
      expect(f).toMatchObject({ kind: 'shared_reference_contact', severity: 'warning', evidenceIds: ['ref-shared'] });
      expect(f?.effect).toContain('divided by 1 + the number of other vendors');
    });
  });

  describe(reviewerAffiliationFlag.name, () => {
    it('flags verdicts by an affiliated reviewer', () => {
      const o = outcome({ id: 'o-aff', reviewerId: 'rev-aff' });
      const f = reviewerAffiliationFlag(
        vendor({ reviewers: [reviewer({ id: 'rev-aff', affiliatedWithVendor: true })], caseStudies: [withOutcomes(o)] }),
      );
      expect(f).toMatchObject({ kind: 'reviewer_affiliation', evidenceIds: ['o-aff'] });
    });

    it('ignores an affiliated reviewer who judged nothing of this vendor', () => {
      expect(reviewerAffiliationFlag(vendor({ reviewers: [reviewer({ affiliatedWithVendor: true })] }))).toBeNull();
    });
  });

  describe(reviewerConcentrationFlag.name, () => {
    it('flags a reviewer doing most of their work on this vendor and halves their weight', () => {
      const concentrated = reviewer({ verdictsTotal: 20, verdictsForVendor: 15 });
      const evidence = vendor({ reviewers: [concentrated], caseStudies: [withOutcomes(outcome())] });
      expect(reviewerConcentrationFlag(evidence)?.kind).toBe('reviewer_concentration');
      const normal = computeVendorSignals(vendor({ caseStudies: [withOutcomes(outcome({ id: 'o-1' }))] }));
      const halved = computeVendorSignals({ ...evidence, caseStudies: [withOutcomes(outcome({ id: 'o-1' }))] });
      expect(halved.verifiedDelivery.effectiveN).toBeCloseTo(normal.verifiedDelivery.effectiveN / 2, 9);
    });

    it('does not judge a reviewer with too few verdicts', () => {
      const fresh = reviewer({ verdictsTotal: 3, verdictsForVendor: 3 });
      expect(reviewerConcentrationFlag(vendor({ reviewers: [fresh], caseStudies: [withOutcomes(outcome())] }))).toBeNull();
    });
  });

  describe(referenceBurstFlag.name, () => {
    it('flags five nominated answers within a week and halves them', () => {
      const burst = [0, 1, 2, 3, 4].map((d) => reference({ source: 'nominated', answeredAt: daysAgo(10 + d) }));
      const f = referenceBurstFlag(vendor({ references: burst }));
      expect(f?.evidenceIds).toHaveLength(5);
      const s = computeVendorSignals(vendor({ references: burst }));
      expect(s.explanations.clientEndorsement[0].factors).toContainEqual({ factor: 'burst', value: DEFAULT_SIGNAL_CONFIG.references.burstWeight });
    });

    it('ignores drawn references, whose timing the platform controls', () => {
      const drawn = [0, 1, 2, 3, 4].map((d) => reference({ answeredAt: daysAgo(10 + d) }));
      expect(referenceBurstFlag(vendor({ references: drawn }))).toBeNull();
    });

    it('does not count self-references toward a burst', () => {
      const refs = [0, 1, 2, 3].map((d) => reference({ source: 'nominated', answeredAt: daysAgo(10 + d) }));
      const withSelf = [...refs, reference({ source: 'nominated', identityStrength: 'self', answeredAt: daysAgo(12) })];
      expect(referenceBurstFlag(vendor({ references: withSelf }))).toBeNull();
    });
  });

  describe(submissionBurstFlag.name, () => {
    it('reports many submissions in a week as information only', () => {
      const portfolio = [0, 1, 2, 3, 4, 5].map((d) => caseStudy({ submittedAt: daysAgo(d) }));
      const f = submissionBurstFlag(vendor({ caseStudies: portfolio }));
      expect(f).toMatchObject({ kind: 'submission_burst', severity: 'info' });
      expect(f?.effect).toMatch(/^None/);
    });
  });

  describe(disputedVerdictFlag.name, () => {
    it('shows an open dispute without changing weights', () => {
      const f = disputedVerdictFlag(vendor({ caseStudies: [caseStudy({ id: 'cs-d', disputed: true })] }));
      expect(f).toMatchObject({ kind: 'verdict_disputed', severity: 'info', evidenceIds: ['cs-d'] });
      expect(f?.effect).toContain('keeps its full weight');
    });
  });

  describe(lowResponseRateFlag.name, () => {
    const unanswered = (n: number) =>
      Array.from({ length: n }, () => reference({ status: 'expired', answeredAt: undefined, wouldHireAgain: undefined }));

    it('warns when drawn clients clearly do not answer', () => {
      const f = lowResponseRateFlag(vendor({ references: [...unanswered(8), reference()] }));
      expect(f).toMatchObject({ kind: 'low_reference_response_rate', severity: 'warning' });
    });

    it('waits for enough resolved requests', () => {
      expect(lowResponseRateFlag(vendor({ references: unanswered(3) }))).toBeNull();
    });
  });

  describe(staleVerificationFlag.name, () => {
    it('notes that nothing was verified in the last 24 months', () => {
      const old = vendor({ caseStudies: [withOutcomes(outcome({ verifiedAt: daysAgo(800) }))] });
      expect(staleVerificationFlag(old)?.sentence).toBe('No outcome of this vendor has been verified in the last 24 months.');
      expect(staleVerificationFlag(vendor({ caseStudies: [withOutcomes(outcome({ verifiedAt: daysAgo(100) }))] }))).toBeNull();
    });
  });

  it('defines a severity, an effect and an example sentence for every flag', () => {
    for (const d of flagDefinitions()) {
      expect(d.severity).not.toBe('');
      expect(d.effect).not.toBe('');
      expect(d.exampleSentence).toMatch(/\.$/);
    }
  });
});
