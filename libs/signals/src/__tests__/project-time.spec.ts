// Evidence is dated by the project it is about (issue 15, "the project's own time"):
// recency, bursts and the declining-evidence rule read project dates, and the
// platform's insert times only when a project states no date.
import fc from 'fast-check';
import {
  computeVendorSignals,
  DEFAULT_SIGNAL_CONFIG,
  decliningEvidenceFlag,
  detectIntegrityFlags,
  referenceBurstFlag,
  SIGNAL_KEYS,
  submissionBurstFlag,
  type CaseStudyEvidence,
  type VendorEvidence,
  type VendorSignals,
} from '../index';
import { vendorEvidenceArb } from './support/arbitraries';
import { caseStudy, daysAgo, NOW, outcome, reference, vendor } from './support/factories';

const NOW_MS = Date.parse(NOW);
const YEAR = 365;

/** A case study about a project that ended `endedDaysAgo`, submitted (with its verdict) `insertedDaysAgo`. */
function datedCaseStudy(id: string, endedDaysAgo: number, insertedDaysAgo: number, verifiedValue: number, outcomes = 2): CaseStudyEvidence {
  return caseStudy({
    id,
    startedOn: daysAgo(endedDaysAgo + 120),
    endedOn: daysAgo(endedDaysAgo),
    submittedAt: daysAgo(insertedDaysAgo),
    outcomes: Array.from({ length: outcomes }, (_, i) =>
      outcome({
        id: `${id}-o${i}`,
        measuredAt: daysAgo(endedDaysAgo),
        verificationStatus: verifiedValue >= 120 ? 'verified' : 'partially_verified',
        verifiedValue,
        verifiedAt: daysAgo(Math.max(0, insertedDaysAgo - 1)),
      }),
    ),
  });
}

/** A history loaded in one afternoon: projects spread over four years, every row inserted within hours. */
function historyLoadedAtOnce(): VendorEvidence {
  const ends = [30, 200, 400, 600, 800, 1000, 1200, 1400];
  const caseStudies = ends.map((d, i) => datedCaseStudy(`cs-${i}`, d, 2, 120, 1));
  const references = ends.map((_, i) =>
    reference({ id: `ref-${i}`, caseStudyId: `cs-${i}`, source: 'nominated', requestedAt: daysAgo(2), answeredAt: new Date(NOW_MS - 2 * 86_400_000 + i * 60_000).toISOString() }),
  );
  return vendor({ caseStudies, references });
}

describe('the project’s own time', () => {
  describe('bursts', () => {
    it('does not call a history loaded at once a burst when its projects span years', () => {
      const evidence = historyLoadedAtOnce();
      expect(referenceBurstFlag(evidence)).toBeNull();
      expect(submissionBurstFlag(evidence)).toBeNull();
      const s = computeVendorSignals(evidence);
      for (const item of s.explanations.clientEndorsement) expect(item.factors.map((f) => f.factor)).not.toContain('burst');
    });

    it('still sees a burst when the same rows state no project dates (fallback to insert time)', () => {
      const evidence = historyLoadedAtOnce();
      const undated = { ...evidence, caseStudies: evidence.caseStudies.map((cs) => ({ ...cs, startedOn: undefined, endedOn: undefined, outcomes: cs.outcomes.map((o) => ({ ...o, measuredAt: undefined })) })) };
      expect(referenceBurstFlag(undated)?.evidenceIds).toHaveLength(8);
      expect(submissionBurstFlag(undated)?.sentence).toBe('8 case studies were submitted (or their projects ended) within 7 days of each other.');
    });

    it('sees a burst of nominated answers about projects that all ended the same week', () => {
      const caseStudies = [0, 1, 2, 3, 4, 5].map((i) => datedCaseStudy(`cs-${i}`, 300 + i, 290, 120, 1));
      const references = caseStudies.map((cs, i) => reference({ id: `ref-${i}`, caseStudyId: cs.id, source: 'nominated', answeredAt: daysAgo(100 + 30 * i) }));
      const evidence = vendor({ caseStudies, references });
      expect(referenceBurstFlag(evidence)?.evidenceIds).toHaveLength(6);
      expect(submissionBurstFlag(evidence)?.sentence).toBe('6 case studies describe projects that ended within 7 days of each other.');
    });
  });

  describe('recency', () => {
    it('ages a verdict from the date the outcome was measured, not from when it was recorded', () => {
      const measuredLongAgo = computeVendorSignals(vendor({ caseStudies: [datedCaseStudy('cs-old', DEFAULT_SIGNAL_CONFIG.recency.halfLifeDays, 0, 120, 1)] }));
      const measuredToday = computeVendorSignals(vendor({ caseStudies: [datedCaseStudy('cs-new', 0, 0, 120, 1)] }));
      expect(measuredLongAgo.verifiedDelivery.effectiveN).toBeCloseTo(measuredToday.verifiedDelivery.effectiveN / 2, 9);
    });

    it('dates an outcome without a measured-at by its project end, and a project end after submission by the submission', () => {
      const base = datedCaseStudy('cs-a', 400, 10, 120, 1);
      const noMeasuredAt = { ...base, outcomes: base.outcomes.map((o) => ({ ...o, measuredAt: undefined })) };
      const a = computeVendorSignals(vendor({ caseStudies: [base] }));
      const b = computeVendorSignals(vendor({ caseStudies: [noMeasuredAt] }));
      expect(b.verifiedDelivery.effectiveN).toBeCloseTo(a.verifiedDelivery.effectiveN, 12);
      // A project "ending" tomorrow in a case study submitted 400 days ago is read as 400 days old.
      const future = { ...noMeasuredAt, endedOn: daysAgo(-1), submittedAt: daysAgo(400) };
      const c = computeVendorSignals(vendor({ caseStudies: [future] }));
      expect(c.verifiedDelivery.effectiveN).toBeCloseTo(a.verifiedDelivery.effectiveN, 12);
    });

    it('reads a proof of concept as young or old by its project end, not its submission', () => {
      const oldPoc = caseStudy({ productionStatus: 'poc_only', goLiveAt: undefined, endedOn: daysAgo(3 * YEAR), submittedAt: daysAgo(1) });
      const s = computeVendorSignals(vendor({ caseStudies: [oldPoc] }));
      expect(s.explanations.productionDurability[0].sentence).toContain('never reached production');
    });
  });

  describe(decliningEvidenceFlag.name, () => {
    // Everything inserted within a few days; only the project dates differ.
    const good = (id: string, ended: number) => datedCaseStudy(id, ended, 3, 120);
    const poor = (id: string, ended: number) => datedCaseStudy(id, ended, 3, 108);
    const worseLately = vendor({ caseStudies: [good('cs-a', 3 * YEAR), good('cs-b', 2.5 * YEAR), good('cs-c', 2 * YEAR), poor('cs-d', 200), poor('cs-e', 60)] });
    const betterLately = vendor({ caseStudies: [poor('cs-a', 3 * YEAR), poor('cs-b', 2.5 * YEAR), good('cs-c', 2 * YEAR), good('cs-d', 200), good('cs-e', 60)] });

    it('flags a vendor whose recent projects verify clearly less, in a sentence a buyer reads', () => {
      const f = decliningEvidenceFlag(worseLately);
      expect(f).toMatchObject({ kind: 'declining_recent_evidence', severity: 'warning', evidenceIds: ['cs-d-o0', 'cs-d-o1', 'cs-e-o0', 'cs-e-o1'] });
      expect(f?.sentence).toBe('Its projects since December 2023 verified 40 % of the claimed gain, against 100 % before; its earlier results count for less.');
      expect(f?.effect).toContain(`× ${DEFAULT_SIGNAL_CONFIG.trend.earlierWeight}`);
    });

    it('weighs the earlier window less and ranks the vendor below the same evidence in the opposite order', () => {
      const worse = computeVendorSignals(worseLately);
      const better = computeVendorSignals(betterLately);
      expect(decliningEvidenceFlag(betterLately)).toBeNull();
      expect(worse.assay.mean).toBeLessThan(better.assay.mean);
      expect(worse.verifiedDelivery.mean).toBeLessThan(better.verifiedDelivery.mean);
      const earlier = worse.explanations.verifiedDelivery.find((i) => i.evidenceId === 'cs-a-o0');
      expect(earlier?.factors).toContainEqual({ factor: 'declining_trend', value: DEFAULT_SIGNAL_CONFIG.trend.earlierWeight });
    });

    it('does not judge a trend from a single recent project', () => {
      const one = vendor({ caseStudies: [good('cs-a', 3 * YEAR), good('cs-b', 2.5 * YEAR), good('cs-c', 2 * YEAR), datedCaseStudy('cs-d', 60, 3, 108, 3)] });
      expect(decliningEvidenceFlag(one)).toBeNull();
    });

    it('does not flag noise: a recent window a little worse than a varied past', () => {
      const mixed = vendor({
        caseStudies: [good('cs-a', 3 * YEAR), poor('cs-b', 2.5 * YEAR), good('cs-c', 2 * YEAR), datedCaseStudy('cs-d', 200, 3, 114), datedCaseStudy('cs-e', 60, 3, 116)],
      });
      expect(decliningEvidenceFlag(mixed)).toBeNull();
    });

    it('is never raised when the recent window is as good as the earlier one (property)', () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 * YEAR }), fc.integer({ min: 100, max: 130 })), { maxLength: 10 }), (projects) => {
          // Every project delivers the same share, wherever it falls in time.
          const evidence = vendor({ caseStudies: projects.map(([ended], i) => datedCaseStudy(`cs-${i}`, ended, 3, 110)) });
          return decliningEvidenceFlag(evidence) === null;
        }),
        { numRuns: 100 },
      );
    });
  });

  describe('insert times', () => {
    /** Every case study states its project dates (and every other outcome its measured-at), submitted on or after them. */
    const datedArb = fc
      .tuple(vendorEvidenceArb, fc.array(fc.tuple(fc.integer({ min: 0, max: 2500 }), fc.boolean()), { minLength: 6, maxLength: 6 }))
      .map(([evidence, dates]): VendorEvidence => ({
        ...evidence,
        caseStudies: evidence.caseStudies.map((cs, i) => {
          const [ended, measured] = dates[i];
          const submitted = Math.min(ended, (NOW_MS - Date.parse(cs.submittedAt as string)) / 86_400_000);
          return {
            ...cs,
            startedOn: daysAgo(ended + 90),
            endedOn: daysAgo(ended),
            submittedAt: daysAgo(submitted),
            outcomes: cs.outcomes.map((o, k) => (measured && k % 2 === 0 ? { ...o, measuredAt: daysAgo(ended + 10) } : o)),
          };
        }),
      }));

    const later = (iso: string | Date | undefined, days: number): string | undefined =>
      iso === undefined ? undefined : new Date(Math.min(NOW_MS, Date.parse(String(iso instanceof Date ? iso.toISOString() : iso)) + days * 86_400_000)).toISOString();

    /** Everything but `no_recent_verification`, which by design reports the platform's own checks (verdict times). */
    const comparable = (s: VendorSignals) => ({
      estimates: SIGNAL_KEYS.map((k) => s[k]),
      flags: s.flags.filter((f) => f.kind !== 'no_recent_verification'),
    });

    it('moving submission and verdict times, without moving project dates, changes no signal and no flag (property)', () => {
      fc.assert(
        fc.property(datedArb, fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 1500 }), (evidence, shiftSubmitted, shiftVerified) => {
          const moved: VendorEvidence = {
            ...evidence,
            caseStudies: evidence.caseStudies.map((cs) => ({
              ...cs,
              submittedAt: later(cs.submittedAt, shiftSubmitted) as string,
              outcomes: cs.outcomes.map((o) => ({ ...o, verifiedAt: later(o.verifiedAt, shiftVerified) })),
            })),
          };
          const a = comparable(computeVendorSignals(evidence));
          const b = comparable(computeVendorSignals(moved));
          expect(b.flags).toEqual(a.flags);
          a.estimates.forEach((e, i) => {
            const m = b.estimates[i];
            for (const key of ['mean', 'lower', 'upper', 'effectiveN'] as const) expect(Math.abs(m[key] - e[key])).toBeLessThan(1e-9);
            expect(m.evidenceCount).toBe(e.evidenceCount);
          });
        }),
        { numRuns: 200 },
      );
    });

    it('raises no flag at all on an honest history loaded at once', () => {
      expect(detectIntegrityFlags(historyLoadedAtOnce()).map((f) => f.kind)).toEqual([]);
    });
  });
});
