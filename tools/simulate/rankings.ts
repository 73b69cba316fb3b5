// The rankings compared by the simulation: Assay (through @assay/signals itself)
// and the baselines buyers use today, plus the perfect-verifier ceiling.
import {
  computeMarketContext,
  computeVendorSignals,
  DEFAULT_SIGNAL_CONFIG,
  rankVendors,
  type RankSort,
  type SignalConfig,
  type VendorSignals,
} from '@assay/signals';
import { type Market, marketEvidence, type SimVendor } from './market';

export const BASELINES = ['meanStars', 'caseStudyCount', 'rawSuccessRatio', 'ceiling'] as const;
export type Baseline = (typeof BASELINES)[number];

/** Mean public star rating at `nowMs` (0 when the vendor has no reviews yet: it ranks last). */
export function meanStars(v: SimVendor, nowMs: number): number {
  let sum = 0;
  let n = 0;
  for (const r of v.starReviews) {
    if (r.atMs > nowMs) continue;
    sum += r.stars;
    n++;
  }
  return n === 0 ? 0 : sum / n;
}

/** Number of case studies published by `nowMs`. */
export function caseStudyCount(v: SimVendor, nowMs: number): number {
  return v.projects.filter((p) => p.submittedMs <= nowMs).length;
}

/** Verified ÷ judged outcomes, unshrunk and unweighted (0 when nothing was judged yet). */
export function rawSuccessRatio(v: SimVendor, nowMs: number): number {
  let verified = 0;
  let judged = 0;
  for (const p of v.projects) {
    if (p.verificationMs > nowMs) continue;
    for (const o of p.outcomes) {
      judged++;
      if (o.status === 'verified') verified++;
    }
  }
  return judged === 0 ? 0 : verified / judged;
}

/** What a perfect verifier would see: the share of the published projects' outcomes truly achieved. */
export function ceilingRatio(v: SimVendor, nowMs: number): number {
  let achieved = 0;
  let total = 0;
  for (const p of v.projects) {
    if (p.submittedMs > nowMs) continue;
    for (const o of p.outcomes) {
      total++;
      if (o.achieved) achieved++;
    }
  }
  return total === 0 ? 0 : achieved / total;
}

export const BASELINE_SCORE: Record<Baseline, (v: SimVendor, nowMs: number) => number> = {
  meanStars,
  caseStudyCount,
  rawSuccessRatio,
  ceiling: ceilingRatio,
};

/** Assay's signals for every vendor at `nowMs`, computed by @assay/signals from the platform's evidence. */
export function assaySignals(
  market: Market,
  vendors: readonly SimVendor[],
  nowMs: number,
  statsVendors: readonly SimVendor[] = vendors,
  config: SignalConfig = DEFAULT_SIGNAL_CONFIG,
): VendorSignals[] {
  const all = marketEvidence(market, statsVendors, nowMs);
  const byId = new Map(all.map((e) => [e.vendorId, e]));
  const context = computeMarketContext(all, config);
  return vendors.map((v) => {
    const evidence = byId.get(v.id);
    if (!evidence) throw new Error(`No evidence for ${v.id}`);
    return computeVendorSignals(evidence, config, { market: context, explanations: false });
  });
}

/** Vendor ids in Assay's order (by default the product's: the Assay score's point estimate), via the library's ranking. */
export function assayOrder(signals: readonly VendorSignals[], sort: RankSort = 'assay_mean'): string[] {
  return rankVendors(signals, sort).map((r) => r.vendorId);
}
