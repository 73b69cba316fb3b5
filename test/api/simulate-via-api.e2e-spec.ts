import { computeVendorSignals, DEFAULT_SIGNAL_CONFIG, SCORED_SIGNAL_KEYS, type VendorEvidence } from '@assay/signals';
import { groupSummary } from '../../tools/simulate/via-api-report';
import { runViaApi, type ViaApiResult } from '../../tools/simulate/via-api';
import { createTestDatabase } from '../support/database';

/**
 * `npm run simulate -- --via-api`: a 40-vendor market pushed through the real API over
 * HTTP (its own clone of the template database), then every stored signal compared with
 * @assay/signals on the simulation's own record of what it pushed.
 */
describe('Lemons market through the real API (simulate --via-api)', () => {
  let result: ViaApiResult;
  let seconds = 0;

  beforeAll(async () => {
    const started = Date.now();
    result = await runViaApi({ seed: 1, vendorCount: 40, databaseUrl: await createTestDatabase() });
    seconds = (Date.now() - started) / 1000;
  }, 300_000);

  it('stores exactly the signals the library computes on the record, as events arrive and after a full recompute', () => {
    expect(result.pushMismatches).toEqual([]);
    expect(result.incremental.mismatches).toEqual([]);
    expect(result.recompute.mismatches).toEqual([]);
    expect(result.recompute.marketMedian.server).toBeCloseTo(result.recompute.marketMedian.library, 12);
    expect(result.ok).toBe(true);
    // Every vendor with a submitted case study has a row, and each row was compared value by value.
    const withEvidence = result.vendors.filter((v) => v.caseStudiesSubmitted > 0).length;
    expect(result.incremental.vendorsCompared).toBe(withEvidence);
    expect(result.recompute.vendorsCompared).toBe(withEvidence);
    expect(withEvidence).toBeGreaterThanOrEqual(38);
    expect(result.incremental.valuesCompared).toBeGreaterThan(40 * 45);
    console.log(`simulate --via-api: 40 vendors, ${result.httpRequests} requests, ${seconds.toFixed(1)} s`);
  });

  it('pushed a market with every kind of event: answers, declines, expiries, verdicts, spot checks and refusals', () => {
    const p = result.pushed;
    expect(p.vendors).toBe(40);
    expect(p.adversarialVendors).toBe(10);
    for (const kind of ['submitted', 'nominations', 'drawnReferences', 'answers', 'declines', 'expiries', 'verdicts', 'spotChecks', 'selfReferencesRefused', 'submissionsRefused']) {
      expect({ kind, happened: (p[kind] ?? 0) > 0 }).toEqual({ kind, happened: true });
    }
    // Some spot checks caught a wrong verdict, so reviewer reliability was learnt, not just the prior.
    expect(p.spotChecksDisagreeing).toBeGreaterThan(0);
  });

  it('compares signals that tell honest vendors from adversarial ones', () => {
    const honest = groupSummary(result.vendors, false);
    const adversarial = groupSummary(result.vendors, true);
    expect(honest.withVerifiedCaseStudies).toBeGreaterThan(20);
    expect(adversarial.withVerifiedCaseStudies).toBeGreaterThan(0);
    expect(honest.meanAssay).toBeGreaterThan(adversarial.meanAssay);
    expect(honest.meanVerifiedDelivery).toBeGreaterThan(adversarial.meanVerifiedDelivery);
    // Not every vendor got the same numbers.
    expect(new Set(result.vendors.map((v) => v.assay.mean.toFixed(6))).size).toBeGreaterThan(30);
  });

  it('keeps the refused self-references on record, flagged, with no weight in any scored signal', () => {
    const withSelf = result.vendors.filter((v) => v.selfReferences > 0);
    expect(withSelf.length).toBeGreaterThan(0);
    const market = { claimAccuracyMedian: result.recompute.marketMedian.library };
    for (const v of withSelf) {
      expect(v.adversarial).toBe(true);
      expect(v.flags).toContain('self_reference');
      const evidence = result.evidence.get(v.vendorId)!;
      const without: VendorEvidence = { ...evidence, references: evidence.references.filter((r) => r.identityStrength !== 'self') };
      const withThem = computeVendorSignals(evidence, DEFAULT_SIGNAL_CONFIG, { market });
      const withoutThem = computeVendorSignals(without, DEFAULT_SIGNAL_CONFIG, { market });
      for (const key of [...SCORED_SIGNAL_KEYS, 'assay'] as const) {
        expect({ key, mean: withThem[key].mean, lower: withThem[key].lower }).toEqual({ key, mean: withoutThem[key].mean, lower: withoutThem[key].lower });
      }
    }
  });
});
