import { computeVendorSignals, rankVendors } from '../index';
import { caseStudy, outcome, reference, vendor, withOutcomes } from './support/factories';

const thirtyVerified = () =>
  vendor({
    vendorId: 'steady',
    caseStudies: Array.from({ length: 15 }, () =>
      caseStudy({ outcomes: [outcome(), outcome()], handoverByReviewer: 4, handoverReviewerId: 'rev-good' }),
    ),
    references: Array.from({ length: 10 }, () => reference({ handover: 4 })),
  });
const oneGlowing = () =>
  vendor({ vendorId: 'lucky', caseStudies: [withOutcomes(outcome())], references: [reference({ handover: 5 })] });

describe(rankVendors.name, () => {
  it('ranks by the point estimate by default, and thirty verified outcomes still above one glowing review (thin evidence is pulled toward the prior)', () => {
    const ranked = rankVendors([computeVendorSignals(oneGlowing()), computeVendorSignals(thirtyVerified())]);
    expect(ranked.map((r) => r.vendorId)).toEqual(['steady', 'lucky']);
    expect(ranked[0].sortValue).toBe(ranked[0].signals.assay.mean);
  });

  it('ranks by the lower end of the interval on request (the cautious order), where the gap between a long record and one project is widest', () => {
    const ranked = rankVendors([computeVendorSignals(oneGlowing()), computeVendorSignals(thirtyVerified())], 'assay_lower');
    expect(ranked.map((r) => r.vendorId)).toEqual(['steady', 'lucky']);
    expect(ranked[0].sortValue).toBe(ranked[0].signals.assay.lower);
    expect(ranked[0].sortValue - ranked[1].sortValue).toBeGreaterThan(ranked[0].signals.assay.mean - ranked[1].signals.assay.mean);
  });

  it('sorts by the point estimate or by evidence depth on request', () => {
    const signals = [computeVendorSignals(oneGlowing()), computeVendorSignals(thirtyVerified())];
    expect(rankVendors(signals, 'evidence_depth')[0].vendorId).toBe('steady');
    expect(rankVendors(signals, 'assay_mean').map((r) => r.sortValue)).toEqual(
      [...signals.map((s) => s.assay.mean)].sort((a, b) => b - a),
    );
  });

  it('gives vendors with identical evidence the same rank, whatever their names or input order', () => {
    const a = computeVendorSignals(vendor({ vendorId: 'Aardvark AI' }));
    const z = computeVendorSignals(vendor({ vendorId: 'Zebra ML' }));
    const forward = rankVendors([a, z]);
    const backward = rankVendors([z, a]);
    expect(forward.map((r) => r.rank)).toEqual([1, 1]);
    expect(backward.map((r) => r.rank)).toEqual([1, 1]);
  });

  it('returns an empty ranking for no vendors', () => {
    expect(rankVendors([])).toEqual([]);
  });
});
