// The common shape of the Beta signals: each evidence item adds `weight × credit`
// pseudo-successes and `weight × (1 − credit)` pseudo-failures to a Beta prior.
// Leave-one-out effects are closed-form, so explanations cost almost nothing.
import type { PreparedEvidence } from '../prepare';
import { betaSummary, fixed, points } from '../stats';
import type { EvidenceKind, ExplanationItem, SignalEstimate, WeightFactor } from '../types';

export interface SignalResult {
  estimate: SignalEstimate;
  items: ExplanationItem[];
  /** What each item says (parallel to `items`), reused by the Assay score's explanations. */
  descriptions: string[];
}

export interface BetaEvidenceItem {
  evidenceId: string;
  caseStudyId?: string;
  kind: EvidenceKind;
  weight: number;
  factors: WeightFactor[];
  /** 0..1: how much of a success this item is. */
  credit: number;
  /** What the item says, e.g. "refuted (no credit)"; only called when explanations are wanted. */
  describe: () => string;
}

const FACTOR_WORDS: Record<WeightFactor['factor'], string> = {
  recency: 'recency',
  reviewer_reliability: 'reviewer track record',
  reviewer_affiliation: 'affiliated reviewer',
  reviewer_concentration: 'over-concentrated reviewer',
  unverifiable: 'unverifiable',
  identity: 'identity',
  source: 'source',
  shared_contact: 'contact shared with other vendors',
  repeated_contact: 'same contact answered more than once',
  burst: 'answered in a burst',
  unreviewed: 'not yet reviewed',
  follow_up_source: 'follow-up source',
  client_domain: 'client domain standing',
  client_organization: 'client organisation’s own answer',
  declining_trend: 'earlier evidence of a declining vendor',
  reviewer_vendor_anomaly: 'reviewer far more favourable here than the other evidence',
  roster_cherry_picking: 'nominated by a vendor whose drawn clients answer far less favourably',
};

// The same factor list is shared by every signal that reads an item; format it once.
const phraseCache = new WeakMap<readonly WeightFactor[], string>();

/** "weight 0.42 = reviewer reliability 0.60 × recency 0.70", for sentences. */
export function weightPhrase(weight: number, factors: readonly WeightFactor[]): string {
  const cached = phraseCache.get(factors);
  if (cached !== undefined) return cached;
  let phrase = `weight ${fixed(weight, 2)}`;
  if (factors.length > 0) {
    phrase += ' = ';
    for (let i = 0; i < factors.length; i++) {
      if (i > 0) phrase += ' × ';
      phrase += `${FACTOR_WORDS[factors[i].factor]} ${fixed(factors[i].value, 2)}`;
    }
  }
  phraseCache.set(factors, phrase);
  return phrase;
}

/** The description with its first letter in upper case, to open a sentence. */
export function capitalize(text: string): string {
  return text.length === 0 ? text : text[0].toUpperCase() + text.slice(1);
}

/** A plain sentence for an explanation item. */
export function explanationSentence(description: string, weight: number, factors: readonly WeightFactor[], signalName: string, effect: number): string {
  const moved = weight > 0 ? `moved ${signalName} ${points(effect)}` : `did not move ${signalName}`;
  return `${capitalize(description)}; ${weightPhrase(weight, factors)}; ${moved}.`;
}

/** Posterior of a Beta signal from weighted items, with leave-one-out explanations. */
export function betaSignal(prep: PreparedEvidence, items: readonly BetaEvidenceItem[], signalName: string): SignalResult {
  const { alpha: alpha0, beta: beta0 } = prep.config.prior;
  let alpha = alpha0;
  let beta = beta0;
  for (const item of items) {
    alpha += item.weight * item.credit;
    beta += item.weight * (1 - item.credit);
  }
  const summary = betaSummary(alpha, beta, prep.config.credibleMass);
  const estimate = { ...summary, evidenceCount: items.length, effectiveN: alpha + beta - alpha0 - beta0 };
  if (!prep.explain) return { estimate, items: [], descriptions: [] };
  const descriptions = items.map((item) => item.describe());
  const explanations = items.map((item, i): ExplanationItem => {
    const without = (alpha - item.weight * item.credit) / (alpha + beta - item.weight);
    const effect = summary.mean - without;
    return {
      evidenceId: item.evidenceId,
      caseStudyId: item.caseStudyId,
      kind: item.kind,
      weight: item.weight,
      factors: item.factors,
      effect,
      sentence: explanationSentence(descriptions[i], item.weight, item.factors, signalName, effect),
    };
  });
  return { estimate, items: explanations, descriptions };
}
