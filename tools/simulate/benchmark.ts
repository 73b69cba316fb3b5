// Recompute benchmark for @assay/signals at production size: 10,000 vendors with
// 100,000 case studies (2 outcomes and 2 follow-ups each) and 300,000 answered
// references. Reports the time of the signal computation alone (no database).
//   node dist/sim/tools/simulate/benchmark.js [vendors]
import { computeMarketContext, computeVendorSignals, type VendorEvidence } from '@assay/signals';
import { Rng } from './rng';

const NOW = Date.parse('2025-06-30T00:00:00Z');
const iso = (daysAgo: number): string => new Date(NOW - daysAgo * 86_400_000).toISOString();

function syntheticVendor(index: number): VendorEvidence {
  const rng = Rng.for(42, `bench:${index}`);
  const vendorId = `v${index}`;
  const caseStudies: VendorEvidence['caseStudies'][number][] = [];
  const references: VendorEvidence['references'][number][] = [];
  for (let i = 0; i < 10; i++) {
    const id = `${vendorId}-cs${i}`;
    const age = rng.uniform(0, 1500);
    caseStudies.push({
      id,
      submittedAt: iso(age),
      status: 'verified',
      productionStatus: rng.bernoulli(0.6) ? 'in_production' : 'poc_only',
      goLiveAt: iso(age + 10),
      disputed: false,
      handoverByReviewer: rng.int(1, 5),
      handoverReviewerId: `rev${rng.int(0, 19)}`,
      outcomes: [0, 1].map((j) => ({
        id: `${id}-o${j}`,
        direction: 'higher_is_better' as const,
        baseline: 100,
        claimed: 120,
        verifiedValue: 100 + rng.uniform(0, 25),
        verificationStatus: rng.pick(['verified', 'partially_verified', 'refuted'] as const),
        verifiedAt: iso(Math.max(0, age - 30)),
        reviewerId: `rev${rng.int(0, 19)}`,
      })),
      followUps: [6, 12].map((m) => ({
        id: `${id}-f${m}`,
        monthsAfter: m as 6 | 12,
        askedAt: iso(Math.max(0, age - m * 30)),
        answeredAt: iso(Math.max(0, age - m * 30 - 5)),
        stillInProduction: rng.bernoulli(0.8),
        source: 'client' as const,
      })),
    });
    for (let k = 0; k < 3; k++) {
      references.push({
        id: `${id}-r${k}`,
        caseStudyId: id,
        source: rng.bernoulli(0.5) ? 'drawn' : 'nominated',
        identityStrength: rng.pick(['strong', 'strong', 'weak', 'unknown'] as const),
        contactHash: `c-${id}-${k}`,
        requestedAt: iso(age),
        status: 'answered',
        answeredAt: iso(Math.max(0, age - 7)),
        wouldHireAgain: rng.bernoulli(0.7),
        handover: rng.int(1, 5),
      });
    }
  }
  const reviewers = Array.from({ length: 20 }, (_, i) => ({ id: `rev${i}`, spotChecksAgreed: 40, spotChecksTotal: 50, verdictsTotal: 500, verdictsForVendor: 2 }));
  return { vendorId, now: new Date(NOW).toISOString(), caseStudies, references, reviewers };
}

function time(label: string, vendors: readonly VendorEvidence[], run: (v: VendorEvidence) => unknown): void {
  const start = process.hrtime.bigint();
  for (const v of vendors) run(v);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`${label}: ${(ms / 1000).toFixed(2)} s total, ${(ms / vendors.length).toFixed(3)} ms per vendor`);
}

const count = Number(process.argv[2] ?? 10_000);
const vendors = Array.from({ length: count }, (_, i) => syntheticVendor(i));
const caseStudies = vendors.reduce((n, v) => n + v.caseStudies.length, 0);
const references = vendors.reduce((n, v) => n + v.references.length, 0);
console.log(`${count} vendors, ${caseStudies} case studies, ${references} references`);
const market = computeMarketContext(vendors);
for (const v of vendors.slice(0, 200)) computeVendorSignals(v, undefined, { market }); // warm-up
time('market context', [vendors[0]], () => computeMarketContext(vendors));
time('signals without explanations', vendors, (v) => computeVendorSignals(v, undefined, { market, explanations: false }));
time('signals with explanations', vendors, (v) => computeVendorSignals(v, undefined, { market }));
