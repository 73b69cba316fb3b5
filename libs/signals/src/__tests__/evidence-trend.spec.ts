// Issue 15, "the project's own time": the comparison of a vendor's recent evidence with its
// earlier evidence is part of the signals output, as numbers the vendor page can draw.
import fc from 'fast-check';
import { computeVendorSignals, DEFAULT_SIGNAL_CONFIG, type CaseStudyEvidence, type EvidenceTrendSummary, withoutExplanations } from '../index';
import { vendorEvidenceArb } from './support/arbitraries';
import { caseStudy, daysAgo, NOW, outcome, vendor } from './support/factories';

const YEAR = 365;
const { trend: rules } = DEFAULT_SIGNAL_CONFIG;

/** A case study about a project that ended `endedDaysAgo`, whose outcomes verified `verifiedValue` of a claimed 120 (baseline 100). */
function project(id: string, endedDaysAgo: number, verifiedValue: number, outcomes = 2): CaseStudyEvidence {
  return caseStudy({
    id,
    startedOn: daysAgo(endedDaysAgo + 120),
    endedOn: daysAgo(endedDaysAgo),
    submittedAt: daysAgo(3),
    outcomes: Array.from({ length: outcomes }, (_, i) =>
      outcome({ id: `${id}-o${i}`, measuredAt: daysAgo(endedDaysAgo), verificationStatus: verifiedValue >= 120 ? 'verified' : 'partially_verified', verifiedValue, verifiedAt: daysAgo(2) }),
    ),
  });
}
const good = (id: string, ended: number) => project(id, ended, 120);
const poor = (id: string, ended: number) => project(id, ended, 108);

const trendOf = (caseStudies: CaseStudyEvidence[]): EvidenceTrendSummary => computeVendorSignals(vendor({ caseStudies })).trend;

describe('the evidence trend in the signals output', () => {
  it('reports a vendor whose recent projects verify less: both windows, their intervals, and that it declines', () => {
    const trend = trendOf([good('cs-a', 3 * YEAR), good('cs-b', 2.5 * YEAR), good('cs-c', 2 * YEAR), poor('cs-d', 200), poor('cs-e', 60)]);
    expect(trend).toMatchObject({
      windowDays: rules.recentWindowDays,
      since: new Date(Date.parse(NOW) - rules.recentWindowDays * 86_400_000).toISOString(),
      comparable: true,
      departs: true,
      declining: true,
      recent: { outcomes: 4, caseStudies: 2 },
      earlier: { outcomes: 6, caseStudies: 3 },
    });
    expect(trend.recent.mean).toBeCloseTo(0.4, 10);
    expect(trend.earlier.mean).toBeCloseTo(1, 10);
    expect(trend.z).toBeGreaterThanOrEqual(rules.minZ);
    // Identical shares within a window: the floored spread still gives an honest interval.
    expect(trend.recent.lower!).toBeLessThan(0.4);
    expect(trend.recent.upper!).toBeGreaterThan(0.4);
    expect(trend.earlier.upper).toBe(1);
    expect(trend.recent.upper!).toBeLessThan(trend.earlier.lower!);
  });

  it('says a better recent window departs too, but does not decline (no flag, no weight change)', () => {
    const signals = computeVendorSignals(vendor({ caseStudies: [poor('cs-a', 3 * YEAR), poor('cs-b', 2.5 * YEAR), poor('cs-c', 2 * YEAR), good('cs-d', 200), good('cs-e', 60)] }));
    expect(signals.trend).toMatchObject({ comparable: true, departs: true, declining: false });
    expect(signals.trend.z).toBeLessThanOrEqual(-rules.minZ);
    expect(signals.flags.map((f) => f.kind)).not.toContain('declining_recent_evidence');
  });

  it('does not compare when one window is too thin, but still reports what each window holds', () => {
    const trend = trendOf([good('cs-a', 3 * YEAR), good('cs-b', 2.5 * YEAR), good('cs-c', 2 * YEAR), project('cs-d', 60, 108, 3)]);
    expect(trend).toMatchObject({ comparable: false, departs: false, declining: false, z: 0, recent: { outcomes: 3, caseStudies: 1 } });
    expect(trend.recent.mean).toBeCloseTo(0.4, 10);
  });

  it('holds no mean for a window without measured outcomes (null, never NaN)', () => {
    const trend = trendOf([caseStudy({ id: 'cs-pending', outcomes: [outcome({ id: 'o-pending', verificationStatus: 'pending', verifiedValue: null })] })]);
    expect(trend.recent).toEqual({ mean: null, lower: null, upper: null, outcomes: 0, caseStudies: 0, effectiveN: 0 });
    expect(trend.earlier).toEqual({ mean: null, lower: null, upper: null, outcomes: 0, caseStudies: 0, effectiveN: 0 });
    expect(trend).toMatchObject({ comparable: false, departs: false, declining: false, z: 0 });
  });

  it('is left out of the stored signals document (it has its own column)', () => {
    const signals = computeVendorSignals(vendor({ caseStudies: [good('cs-a', 60)] }));
    expect(withoutExplanations(signals)).not.toHaveProperty('trend');
  });

  it('agrees with the flag, keeps every interval around its mean, and survives JSON unchanged (property)', () => {
    fc.assert(
      fc.property(vendorEvidenceArb, (evidence) => {
        const signals = computeVendorSignals(evidence, DEFAULT_SIGNAL_CONFIG, { explanations: false });
        const { trend } = signals;
        expect(trend.declining).toBe(signals.flags.some((f) => f.kind === 'declining_recent_evidence'));
        if (trend.declining) expect(trend.departs).toBe(true);
        if (trend.departs) expect(trend.comparable).toBe(true);
        for (const w of [trend.recent, trend.earlier]) {
          if (w.mean === null) {
            expect([w.lower, w.upper, w.effectiveN]).toEqual([null, null, 0]);
            continue;
          }
          expect(0 <= w.lower! && w.lower! <= w.mean && w.mean <= w.upper! && w.upper! <= 1).toBe(true);
          expect(w.effectiveN).toBeGreaterThan(0);
          expect(w.effectiveN).toBeLessThanOrEqual(w.outcomes + 1e-9);
        }
        expect(JSON.parse(JSON.stringify(trend))).toEqual(trend);
      }),
      { numRuns: 200 },
    );
  });
});
