// Verified delivery and claim accuracy: both read the reviewers' verdicts on
// claimed outcomes, weighted by reviewer reliability and recency.
import {
  assessReviewer,
  caseStudyLabel,
  deliveredShare,
  measuredShareOf,
  type PreparedCaseStudy,
  type PreparedEvidence,
  type PreparedOutcome,
  recencyOf,
  product,
  toMs,
  type Weighted,
} from '../prepare';
import { centralZ, clamp, fixed, pct, weightedQuantileSorted, type WeightedValue } from '../stats';
import type { ExplanationItem, MarketContext, WeightFactor } from '../types';
import { type BetaEvidenceItem, betaSignal, explanationSentence, type SignalResult } from './beta-signal';

function verdictWeight(prep: PreparedEvidence, cs: PreparedCaseStudy, outcome: PreparedOutcome): Weighted {
  if (outcome.weight) return outcome.weight;
  const reviewer = assessReviewer(prep, outcome.source.reviewerId);
  const factors: WeightFactor[] = [
    ...reviewer.factors,
    { factor: 'recency', value: recencyOf(prep, outcome.evidenceMs) },
  ];
  if (outcome.source.verificationStatus === 'unverifiable') {
    factors.push({ factor: 'unverifiable', value: prep.config.delivery.unverifiableWeight });
  }
  // A vendor whose recent projects deliver clearly less than its earlier ones: the recent window weighs more.
  if (prep.trend.declining && outcome.evidenceMs < prep.trend.cutoffMs) {
    factors.push({ factor: 'declining_trend', value: prep.config.trend.earlierWeight });
  }
  outcome.weight = { weight: product(factors), factors };
  return outcome.weight;
}

function outcomeLabel(cs: PreparedCaseStudy, outcome: PreparedOutcome): string {
  const metric = outcome.source.metric ? `“${outcome.source.metric}”` : `outcome ${outcome.source.id}`;
  return `${metric} in ${caseStudyLabel(cs.source)}`;
}

/** Credit of a reviewed outcome: 1 verified, share of the claimed improvement if partial, 0 otherwise. */
export function deliveryCredit(outcome: PreparedOutcome['source'], partialCreditWithoutValue: number): number {
  switch (outcome.verificationStatus) {
    case 'verified':
      return 1;
    case 'partially_verified':
      return deliveredShare(outcome) ?? partialCreditWithoutValue;
    default:
      return 0;
  }
}

function deliveryDescription(label: string, status: string, credit: number): string {
  switch (status) {
    case 'verified':
      return `${label} was verified as claimed (full credit)`;
    case 'partially_verified':
      return `${label} was partly verified: ${pct(credit)} of the claimed improvement (credit ${fixed(credit, 2)})`;
    case 'refuted':
      return `${label} was refuted (no credit)`;
    default:
      return `${label} could not be verified (counts as not delivered, at reduced weight)`;
  }
}

/** Verified delivery: Beta posterior over reviewed outcomes with partial credit. */
export function verifiedDeliverySignal(prep: PreparedEvidence): SignalResult {
  const items: BetaEvidenceItem[] = [];
  for (const cs of prep.caseStudies) {
    for (const outcome of cs.outcomes) {
      const status = outcome.source.verificationStatus;
      if (status === 'pending') continue;
      const credit = deliveryCredit(outcome.source, prep.config.delivery.partialCreditWithoutValue);
      const { weight, factors } = verdictWeight(prep, cs, outcome);
      items.push({
        evidenceId: outcome.source.id,
        caseStudyId: cs.source.id,
        kind: 'outcome',
        weight,
        factors,
        credit,
        describe: () => deliveryDescription(outcomeLabel(cs, outcome), status, credit),
      });
    }
    // The client organisation itself (it proved its domain) says the stated outcome is wrong.
    const answer = cs.source.clientOrganizationAnswer;
    if (answer?.answer === 'outcome_wrong' && cs.source.status !== 'withdrawn') {
      const factors: WeightFactor[] = [
        { factor: 'client_organization', value: prep.config.clientOrganization.answerWeight },
        { factor: 'recency', value: recencyOf(prep, toMs(answer.answeredAt)) },
      ];
      items.push({
        evidenceId: answer.id,
        caseStudyId: cs.source.id,
        kind: 'client_organization',
        weight: product(factors),
        factors,
        credit: 0,
        describe: () => `The client organisation of ${caseStudyLabel(cs.source)} says the stated outcome is wrong (no credit)`,
      });
    }
  }
  return betaSignal(prep, items, 'verified delivery');
}

interface RatioItem extends WeightedValue {
  cs: PreparedCaseStudy;
  outcome: PreparedOutcome;
  factors: WeightFactor[];
}

/** Delivered share of a measured verdict, or undefined when the verdict measured nothing. */
function measuredShare(prep: PreparedEvidence, outcome: PreparedOutcome['source']): number | undefined {
  return measuredShareOf(outcome, prep.config);
}

interface ShrunkMedian {
  mean: number;
  lower: number;
  upper: number;
}

/**
 * Weighted median of delivered shares, shrunk toward the market median as if the market
 * were `priorStrength` more outcomes. Its interval is the distribution-free interval for a
 * median (weighted quantiles at ½ ± z·½/√N) shrunk the same way toward the 0..1 range.
 */
function shrunkMedian(sorted: readonly RatioItem[], totalWeight: number, prep: PreparedEvidence, market: MarketContext, skip = -1): ShrunkMedian {
  const { priorStrength } = prep.config.claimAccuracy;
  const marketMedian = clamp(market.claimAccuracyMedian, 0, 1);
  if (totalWeight <= 1e-12) return { mean: marketMedian, lower: 0, upper: 1 };
  const lambda = totalWeight / (totalWeight + priorStrength);
  const median = weightedQuantileSorted(sorted, 0.5, skip);
  const halfWidth = (centralZ(prep.config.credibleMass) * 0.5) / Math.sqrt(totalWeight);
  const low = weightedQuantileSorted(sorted, clamp(0.5 - halfWidth, 0, 1), skip);
  const high = weightedQuantileSorted(sorted, clamp(0.5 + halfWidth, 0, 1), skip);
  return {
    mean: lambda * median + (1 - lambda) * marketMedian,
    lower: lambda * low,
    upper: lambda * high + (1 - lambda),
  };
}

/** Claim accuracy: how much of the claimed improvement survives verification (shrunk weighted median). */
export function claimAccuracySignal(prep: PreparedEvidence, market: MarketContext): SignalResult {
  const ratios: RatioItem[] = [];
  for (const cs of prep.caseStudies) {
    for (const outcome of cs.outcomes) {
      const share = measuredShare(prep, outcome.source);
      if (share === undefined) continue;
      const { weight, factors } = verdictWeight(prep, cs, outcome);
      ratios.push({ value: share, weight, cs, outcome, factors });
    }
  }
  // Sort by value, then by id, so ties resolve identically whatever the input order.
  ratios.sort((a, b) => a.value - b.value || (a.outcome.source.id < b.outcome.source.id ? -1 : 1));
  let total = 0;
  for (const r of ratios) total += r.weight;
  const full = shrunkMedian(ratios, total, prep, market);
  const estimate = { ...full, evidenceCount: ratios.length, effectiveN: total };
  if (!prep.explain) return { estimate, items: [], descriptions: [] };
  const descriptions = ratios.map((r) => `${outcomeLabel(r.cs, r.outcome)}: ${pct(r.value)} of the claimed improvement was verified`);
  const items = ratios.map((r, i): ExplanationItem => {
    const without = r.weight > 0 ? shrunkMedian(ratios, total - r.weight, prep, market, i).mean : full.mean;
    const effect = full.mean - without;
    const description = descriptions[i];
    return {
      evidenceId: r.outcome.source.id,
      caseStudyId: r.cs.source.id,
      kind: 'outcome',
      weight: r.weight,
      factors: r.factors,
      effect,
      sentence: explanationSentence(description, r.weight, r.factors, 'claim accuracy', effect),
    };
  });
  return { estimate, items, descriptions };
}

/** All measured delivered shares with their weights (used to compute the market median). */
export function weightedDeliveredShares(prep: PreparedEvidence): WeightedValue[] {
  const out: WeightedValue[] = [];
  for (const cs of prep.caseStudies) {
    for (const outcome of cs.outcomes) {
      const share = measuredShare(prep, outcome.source);
      if (share === undefined) continue;
      out.push({ value: share, weight: verdictWeight(prep, cs, outcome).weight });
    }
  }
  return out;
}
