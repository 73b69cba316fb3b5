// The main entry point: one vendor's evidence in, all signals, flags and
// explanations out. Pure and deterministic: lists are sorted by id first, and
// `now` comes with the evidence.
import { DEFAULT_SIGNAL_CONFIG, type SignalConfig } from './config';
import { integrityFlagsOf } from './integrity';
import { prepareEvidence, type PreparedEvidence } from './prepare';
import { capitalize, type SignalResult, weightPhrase } from './signals/beta-signal';
import { productionDurabilitySignal } from './signals/durability';
import { claimAccuracySignal, verifiedDeliverySignal, weightedDeliveredShares } from './signals/outcomes';
import {
  clientEndorsementSignal,
  evidenceDepthSignal,
  handoverSignal,
  referenceResponseRateSignal,
} from './signals/references';
import { points, type WeightedValue, weightedQuantileSorted } from './stats';
import { trendSummary } from './trend';
import {
  type ExplanationItem,
  type MarketContext,
  SCORED_SIGNAL_KEYS,
  type ScoredSignalKey,
  type SignalEstimate,
  type SignalKey,
  type VendorEvidence,
  type VendorSignals,
} from './types';

const SIGNAL_NAMES: Record<ScoredSignalKey, string> = {
  verifiedDelivery: 'verified delivery',
  claimAccuracy: 'claim accuracy',
  productionDurability: 'production durability',
  clientEndorsement: 'client endorsement',
  handover: 'handover',
};

/**
 * The Assay score: a weighted average of the scored signals. Its interval is the same
 * weighted average of the component intervals — exact if the components move together
 * (a good vendor tends to be good at all of them), conservative otherwise.
 */
function assaySignal(components: Record<ScoredSignalKey, SignalResult>, config: SignalConfig, evidenceCount: number): SignalResult {
  let weightSum = 0;
  for (const key of SCORED_SIGNAL_KEYS) weightSum += config.assayWeights[key];
  const share = (key: ScoredSignalKey): number => (weightSum > 0 ? config.assayWeights[key] / weightSum : 1 / SCORED_SIGNAL_KEYS.length);
  let mean = 0;
  let lower = 0;
  let upper = 0;
  let effectiveN = 0;
  interface Entry {
    item: ExplanationItem;
    description: string;
    effect: number;
    via: string;
  }
  const byEvidence = new Map<string, Entry>();
  for (const key of SCORED_SIGNAL_KEYS) {
    const { estimate, items, descriptions } = components[key];
    const a = share(key);
    mean += a * estimate.mean;
    lower += a * estimate.lower;
    upper += a * estimate.upper;
    effectiveN += a * estimate.effectiveN;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      let entry = byEvidence.get(item.evidenceId);
      if (!entry) {
        entry = { item, description: descriptions[i], effect: 0, via: '' };
        byEvidence.set(item.evidenceId, entry);
      } else if (item.weight > entry.item.weight) {
        entry.item = item;
        entry.description = descriptions[i];
      }
      entry.effect += a * item.effect;
      if (item.weight > 0) entry.via += `${entry.via ? ', ' : ' (via '}${SIGNAL_NAMES[key]} ${points(item.effect)}`;
    }
  }
  const estimate = { mean, lower: Math.min(lower, mean), upper: Math.max(upper, mean), evidenceCount, effectiveN };
  const entries = [...byEvidence.values()];
  const items = entries.map(({ item, description, effect, via }): ExplanationItem => {
    const moved = item.weight > 0 ? `moved the Assay score ${points(effect)}${via})` : 'did not move the Assay score';
    return { ...item, effect, sentence: `${capitalize(description)}; ${weightPhrase(item.weight, item.factors)}; ${moved}.` };
  });
  return {
    estimate,
    items,
    descriptions: entries.map((e) => e.description),
  };
}

/** Distinct evidence items behind the scored signals (an outcome feeds two of them, a reference up to two). */
function scoredEvidenceCount(scored: Record<ScoredSignalKey, SignalResult>, prep: PreparedEvidence): number {
  let references = 0;
  for (const r of prep.references) {
    if (r.source.status === 'answered' && (r.source.wouldHireAgain !== undefined || (r.source.handover !== undefined && Number.isFinite(r.source.handover)))) references++;
  }
  let reviewerRatings = 0;
  for (const cs of prep.caseStudies) {
    const rating = cs.source.handoverByReviewer;
    if (rating !== undefined && Number.isFinite(rating) && cs.source.status !== 'withdrawn') reviewerRatings++;
  }
  return scored.verifiedDelivery.estimate.evidenceCount + scored.productionDurability.estimate.evidenceCount + references + reviewerRatings;
}

function byInfluence(a: ExplanationItem, b: ExplanationItem): number {
  return Math.abs(b.effect) - Math.abs(a.effect) || b.weight - a.weight || (a.evidenceId < b.evidenceId ? -1 : a.evidenceId > b.evidenceId ? 1 : 0);
}

/** FNV-1a over the sorted evidence ids: a stable order among exact ties that no vendor attribute can buy. */
function tieBreakKey(prep: PreparedEvidence): string {
  const ids: string[] = [];
  for (const cs of prep.caseStudies) ids.push(cs.source.id);
  for (const r of prep.references) ids.push(r.source.id);
  let hash = 0x811c9dc5;
  for (const id of ids.sort()) {
    for (let i = 0; i < id.length; i++) {
      hash ^= id.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    hash = Math.imul(hash ^ 0x2c, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function defaultMarket(config: SignalConfig): MarketContext {
  return { claimAccuracyMedian: config.claimAccuracy.defaultMarketMedian };
}

/** Options of `computeVendorSignals`. */
export interface ComputeOptions {
  /** Market-wide data (claim-accuracy median); defaults to the configured fallback. */
  market?: MarketContext;
  /**
   * Build explanations (default true). A bulk recompute that only materialises the
   * numbers can pass false: every signal is identical, the explanation lists are empty.
   */
  explanations?: boolean;
}

/** All signals of one vendor, with integrity flags and per-signal explanations. */
export function computeVendorSignals(
  evidence: VendorEvidence,
  config: SignalConfig = DEFAULT_SIGNAL_CONFIG,
  options: ComputeOptions = {},
): VendorSignals {
  const market = options.market ?? defaultMarket(config);
  const prep = prepareEvidence(evidence, config, options.explanations ?? true);
  const scored: Record<ScoredSignalKey, SignalResult> = {
    verifiedDelivery: verifiedDeliverySignal(prep),
    claimAccuracy: claimAccuracySignal(prep, market),
    productionDurability: productionDurabilitySignal(prep),
    clientEndorsement: clientEndorsementSignal(prep),
    handover: handoverSignal(prep),
  };
  const evidenceDepth = evidenceDepthSignal(prep);
  const referenceResponseRate = referenceResponseRateSignal(prep);
  const assay = assaySignal(scored, config, scoredEvidenceCount(scored, prep));
  const all: Record<SignalKey, SignalResult> = { ...scored, evidenceDepth, referenceResponseRate, assay };
  const explanations = {} as Record<SignalKey, ExplanationItem[]>;
  const estimates = {} as Record<SignalKey, SignalEstimate>;
  for (const key of Object.keys(all) as SignalKey[]) {
    explanations[key] = all[key].items.sort(byInfluence);
    estimates[key] = all[key].estimate;
  }
  return {
    vendorId: evidence.vendorId,
    computedAt: new Date(prep.nowMs).toISOString(),
    configVersion: config.version,
    ...estimates,
    flags: integrityFlagsOf(prep, referenceResponseRate.estimate),
    trend: trendSummary(prep.trend, config),
    explanations,
    tieBreakKey: tieBreakKey(prep),
  };
}

/** Market context from all vendors' evidence: the weighted median delivered share of claims. */
export function computeMarketContext(evidences: readonly VendorEvidence[], config: SignalConfig = DEFAULT_SIGNAL_CONFIG): MarketContext {
  const shares: WeightedValue[] = [];
  for (const evidence of evidences) shares.push(...weightedDeliveredShares(prepareEvidence(evidence, config)));
  const positive = shares.filter((s) => s.weight > 0).sort((a, b) => a.value - b.value || a.weight - b.weight);
  if (positive.length === 0) return defaultMarket(config);
  return { claimAccuracyMedian: weightedQuantileSorted(positive, 0.5) };
}
