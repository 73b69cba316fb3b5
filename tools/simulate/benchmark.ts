import { computeVendorSignals } from '@assay/signals';
import type { VendorEvidence, CaseStudyEvidence, ReferenceEvidence } from '@assay/signals';
const NOW = Date.parse('2025-06-30T00:00:00Z');
const iso = (d: number) => new Date(NOW - d * 86400000).toISOString();
let seed = 1; const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
function vendor(v: number): VendorEvidence {
  const cs: CaseStudyEvidence[] = []; const refs: ReferenceEvidence[] = [];
  for (let i = 0; i < 10; i++) {
    const id = `v${v}-cs${i}`;
    cs.push({ id, submittedAt: iso(rnd()*1500), status: 'verified', productionStatus: rnd()<0.6?'in_production':'poc_only', goLiveAt: iso(rnd()*1500), disputed: false, handoverByReviewer: 1+Math.floor(rnd()*5), handoverReviewerId: `rev${Math.floor(rnd()*20)}`,
      outcomes: [0,1].map(j => ({ id: `${id}-o${j}`, direction: 'higher_is_better' as const, baseline: 100, claimed: 120, verifiedValue: 100 + rnd()*25, verificationStatus: (['verified','partially_verified','refuted'] as const)[Math.floor(rnd()*3)], verifiedAt: iso(rnd()*1500), reviewerId: `rev${Math.floor(rnd()*20)}` })),
      followUps: [{ id: `${id}-f6`, monthsAfter: 6, askedAt: iso(400), answeredAt: iso(390), stillInProduction: rnd()<0.8, source: 'client' }, { id: `${id}-f12`, monthsAfter: 12, askedAt: iso(200), answeredAt: iso(190), stillInProduction: rnd()<0.7, source: 'client' }] });
    for (let k = 0; k < 3; k++) refs.push({ id: `${id}-r${k}`, caseStudyId: id, source: rnd()<0.5?'drawn':'nominated', identityStrength: 'strong', contactHash: `c${v}-${i}-${k}`, requestedAt: iso(rnd()*1500), status: 'answered', answeredAt: iso(rnd()*1500), wouldHireAgain: rnd()<0.7, handover: 1+Math.floor(rnd()*5) });
  }
  return { vendorId: `v${v}`, now: new Date(NOW).toISOString(), caseStudies: cs, references: refs, reviewers: Array.from({length:20},(_,i)=>({id:`rev${i}`, spotChecksAgreed: 40, spotChecksTotal: 50})) };
}
const vs = Array.from({ length: 2000 }, (_, i) => vendor(i));
for (let i = 0; i < 200; i++) computeVendorSignals(vs[i]);
for (let rep = 0; rep < 3; rep++) {
const t = process.hrtime.bigint();
for (const v of vs) computeVendorSignals(v, undefined, { explanations: process.argv[2] !== "lean" });
const ms = Number(process.hrtime.bigint() - t) / 1e6;
console.log(`avg ${(ms / vs.length).toFixed(3)} ms/vendor`);
}
