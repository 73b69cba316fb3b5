import { computeVendorSignals, DEFAULT_SIGNAL_CONFIG, reviewerVendorAnomalyFlag, type ReferenceEvidence, type VendorEvidence } from '../index';
import { caseStudy, outcome, reference, reviewer, vendor } from './support/factories';

/**
 * A vendor whose two projects were judged by `ring` (everything confirmed) and two by `honest`
 * (little delivered), with references that answered on the ring's outcomes.
 */
function ringVendor(referenceAnswer: 'yes' | 'partly' | 'no', ringShare = 1): VendorEvidence {
  const ringOutcomes = [1, 2].map((i) => outcome({ id: `ring-o${i}`, reviewerId: 'ring', verifiedValue: 100 + 20 * ringShare, verificationStatus: ringShare >= 0.9 ? 'verified' : 'partially_verified' }));
  const honestOutcomes = [1, 2].map((i) => outcome({ id: `honest-o${i}`, reviewerId: 'honest', verifiedValue: 104, verificationStatus: 'partially_verified' }));
  const ringCs = [caseStudy({ id: 'cs-ring-1', outcomes: [ringOutcomes[0]] }), caseStudy({ id: 'cs-ring-2', outcomes: [ringOutcomes[1]] })];
  const refs: ReferenceEvidence[] = ringOutcomes.map((o, i) => reference({ caseStudyId: ringCs[i].id, outcomeAnswers: [{ outcomeId: o.id, achieved: referenceAnswer }] }));
  return vendor({
    caseStudies: [...ringCs, caseStudy({ id: 'cs-honest-1', outcomes: [honestOutcomes[0]] }), caseStudy({ id: 'cs-honest-2', outcomes: [honestOutcomes[1]] })],
    references: refs,
    reviewers: [reviewer({ id: 'ring' }), reviewer({ id: 'honest' })],
  });
}

describe(reviewerVendorAnomalyFlag.name, () => {
  it('names a reviewer who confirms everything where references and another reviewer found little, and counts their verdicts here a quarter', () => {
    const evidence = ringVendor('no');
    const f = reviewerVendorAnomalyFlag(evidence);
    expect(f).toMatchObject({ kind: 'reviewer_vendor_anomaly', severity: 'warning', evidenceIds: ['ring-o1', 'ring-o2'] });
    expect(f?.sentence).toBe('One reviewer’s verdicts on this vendor found 100 % of the claimed gain delivered, against 10 % in the other evidence on it; their verdicts here count for less.');
    const item = computeVendorSignals(evidence).explanations.verifiedDelivery.find((i) => i.evidenceId === 'ring-o1')!;
    expect(item.factors).toContainEqual({ factor: 'reviewer_vendor_anomaly', value: DEFAULT_SIGNAL_CONFIG.reviewer.anomalyWeight });
    // The honest reviewer keeps their full weight.
    const honest = computeVendorSignals(evidence).explanations.verifiedDelivery.find((i) => i.evidenceId === 'honest-o1')!;
    expect(honest.factors.map((x) => x.factor)).not.toContain('reviewer_vendor_anomaly');
  });

  it('stays quiet when the references agree with the reviewer', () => {
    expect(reviewerVendorAnomalyFlag(ringVendor('yes'))).toBeNull();
  });

  it('stays quiet for a gap below the threshold, and with too little other evidence', () => {
    expect(reviewerVendorAnomalyFlag(ringVendor('partly', 0.7))).toBeNull();
    const thin = ringVendor('no');
    expect(reviewerVendorAnomalyFlag({ ...thin, references: [], caseStudies: thin.caseStudies.slice(0, 3) })).toBeNull();
  });

  it('lowers verified delivery against the same evidence scored without the rule', () => {
    const evidence = ringVendor('no');
    const without = { ...DEFAULT_SIGNAL_CONFIG, reviewer: { ...DEFAULT_SIGNAL_CONFIG.reviewer, anomalyWeight: 1 } };
    expect(computeVendorSignals(evidence).verifiedDelivery.mean).toBeLessThan(computeVendorSignals(evidence, without).verifiedDelivery.mean);
  });
});
