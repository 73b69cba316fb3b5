// Client endorsement, handover and reference response rate: what past clients
// say, weighted by who they are and how they were chosen; and evidence depth.
import {
  assessReviewer,
  caseStudyLabel,
  type PreparedEvidence,
  type PreparedReference,
  product,
  recencyOf,
  referenceWeight,
  toMs,
} from '../prepare';
import { clamp, fixed } from '../stats';
import type { ExplanationItem, WeightFactor } from '../types';
import { type BetaEvidenceItem, betaSignal, capitalize, type SignalResult, weightPhrase } from './beta-signal';

function referenceLabel(prep: PreparedEvidence, ref: PreparedReference): string {
  const r = ref.source;
  const cs = prep.caseStudyById.get(r.caseStudyId);
  const about = cs ? ` about ${caseStudyLabel(cs.source)}` : '';
  const identity = r.identityStrength === 'self' ? 'on the vendor’s own domain' : `${r.identityStrength} identity`;
  return `A ${r.source} reference (${identity})${about}`;
}

/** Client endorsement: Beta posterior over "would you hire them again?". */
export function clientEndorsementSignal(prep: PreparedEvidence): SignalResult {
  const items: BetaEvidenceItem[] = [];
  for (const ref of prep.references) {
    const r = ref.source;
    if (r.status !== 'answered' || r.wouldHireAgain === undefined) continue;
    const { weight, factors } = referenceWeight(prep, ref);
    items.push({
      evidenceId: r.id,
      caseStudyId: r.caseStudyId,
      kind: 'reference',
      weight,
      factors,
      credit: r.wouldHireAgain ? 1 : 0,
      describe: () => `${referenceLabel(prep, ref)} ${r.wouldHireAgain ? 'would' : 'would not'} hire them again`,
    });
  }
  return betaSignal(prep, items, 'client endorsement');
}

/** Handover rating 1..5 as a 0..1 credit. */
export function handoverCredit(rating: number): number {
  return clamp((rating - 1) / 4, 0, 1);
}

/** Handover: posterior over reference and reviewer handover ratings (1..5 mapped to 0..1). */
export function handoverSignal(prep: PreparedEvidence): SignalResult {
  const items: BetaEvidenceItem[] = [];
  for (const ref of prep.references) {
    const r = ref.source;
    if (r.status !== 'answered' || r.handover === undefined || !Number.isFinite(r.handover)) continue;
    const { weight, factors } = referenceWeight(prep, ref);
    items.push({
      evidenceId: r.id,
      caseStudyId: r.caseStudyId,
      kind: 'reference',
      weight,
      factors,
      credit: handoverCredit(r.handover),
      describe: () => `${referenceLabel(prep, ref)} rated the handover ${r.handover}/5`,
    });
  }
  for (const cs of prep.caseStudies) {
    const rating = cs.source.handoverByReviewer;
    if (rating === undefined || !Number.isFinite(rating) || cs.source.status === 'withdrawn') continue;
    const reviewer = assessReviewer(prep, cs.source.handoverReviewerId);
    const factors: WeightFactor[] = [
      ...reviewer.factors,
      { factor: 'recency', value: recencyOf(prep, cs.projectMs ?? cs.lastVerifiedMs ?? cs.submittedMs) },
    ];
    items.push({
      evidenceId: `${cs.source.id}#handover`,
      caseStudyId: cs.source.id,
      kind: 'reviewer_rating',
      weight: product(factors),
      factors,
      credit: handoverCredit(rating),
      describe: () => `The reviewer rated the handover of ${caseStudyLabel(cs.source)} ${rating}/5`,
    });
  }
  return betaSignal(prep, items, 'handover');
}

/** Reference response rate: share of drawn reference requests that were answered. */
export function referenceResponseRateSignal(prep: PreparedEvidence): SignalResult {
  // A contact drawn for several case studies is one person: they count once, by their latest
  // answer or silence (drawn six times and silent is one non-response, not six).
  const latestByContact = new Map<string, PreparedEvidence['references'][number]>();
  for (const ref of prep.references) {
    const r = ref.source;
    if (r.source !== 'drawn' || r.identityStrength === 'self' || r.status === 'pending') continue;
    const at = ref.answeredMs ?? ref.requestedMs;
    const previous = latestByContact.get(r.contactHash);
    const previousAt = previous ? (previous.answeredMs ?? previous.requestedMs) : Number.NEGATIVE_INFINITY;
    if (!previous || at > previousAt || (at === previousAt && r.id > previous.source.id)) latestByContact.set(r.contactHash, ref);
  }
  const items: BetaEvidenceItem[] = [];
  for (const ref of latestByContact.values()) {
    const r = ref.source;
    const factors: WeightFactor[] = [{ factor: 'recency', value: recencyOf(prep, ref.answeredMs ?? ref.requestedMs) }];
    items.push({
      evidenceId: r.id,
      caseStudyId: r.caseStudyId,
      kind: 'reference',
      weight: product(factors),
      factors,
      credit: r.status === 'answered' ? 1 : 0,
      describe: () => `A reference request drawn from the client roster was ${r.status}`,
    });
  }
  return betaSignal(prep, items, 'reference response rate');
}

/**
 * Evidence depth: the effective number of independent sources — one per case study a
 * reviewer measured (its strongest verdict's weight) plus one per distinct reference
 * contact that answered (its strongest answer's weight). A count, not a probability.
 */
export function evidenceDepthSignal(prep: PreparedEvidence): SignalResult {
  interface Source {
    evidenceId: string;
    caseStudyId: string;
    kind: 'case_study' | 'reference' | 'client_organization';
    weight: number;
    factors: WeightFactor[];
    describe: () => string;
  }
  const sources = new Map<string, Source>();
  const keep = (key: string, source: Source): void => {
    const current = sources.get(key);
    if (!current || source.weight > current.weight) sources.set(key, source);
  };
  for (const cs of prep.caseStudies) {
    for (const outcome of cs.outcomes) {
      const status = outcome.source.verificationStatus;
      if (status !== 'verified' && status !== 'partially_verified' && status !== 'refuted') continue;
      const reviewer = assessReviewer(prep, outcome.source.reviewerId);
      const factors: WeightFactor[] = [
        ...reviewer.factors,
        { factor: 'recency', value: recencyOf(prep, outcome.evidenceMs) },
      ];
      keep(`cs:${cs.source.id}`, {
        evidenceId: cs.source.id,
        caseStudyId: cs.source.id,
        kind: 'case_study',
        weight: product(factors),
        factors,
        describe: () => `A reviewer measured the outcomes of ${caseStudyLabel(cs.source)}`,
      });
    }
  }
  for (const cs of prep.caseStudies) {
    const answer = cs.source.clientOrganizationAnswer;
    if (answer === undefined || answer.answer === 'did_not_work_with' || cs.source.status === 'withdrawn') continue;
    const factors: WeightFactor[] = [
      { factor: 'client_organization', value: prep.config.clientOrganization.answerWeight },
      { factor: 'recency', value: recencyOf(prep, toMs(answer.answeredAt)) },
    ];
    keep(`client:${cs.source.id}`, {
      evidenceId: answer.id,
      caseStudyId: cs.source.id,
      kind: 'client_organization',
      weight: product(factors),
      factors,
      describe: () => `The client organisation answered about ${caseStudyLabel(cs.source)}`,
    });
  }
  for (const ref of prep.references) {
    const r = ref.source;
    if (r.status !== 'answered') continue;
    const { weight, factors } = referenceWeight(prep, ref);
    if (weight <= 0) continue;
    keep(`contact:${r.contactHash}`, {
      evidenceId: r.id,
      caseStudyId: r.caseStudyId,
      kind: 'reference',
      weight,
      factors,
      describe: () => `${referenceLabel(prep, ref)} answered`,
    });
  }
  const chosen = [...sources.values()];
  let total = 0;
  for (const source of chosen) total += source.weight;
  const estimate = { mean: total, lower: total, upper: total, evidenceCount: chosen.length, effectiveN: total };
  if (!prep.explain) return { estimate, items: [], descriptions: [] };
  const descriptions = chosen.map((s) => s.describe());
  const items = chosen.map(
    (s, i): ExplanationItem => ({
      evidenceId: s.evidenceId,
      caseStudyId: s.caseStudyId,
      kind: s.kind,
      weight: s.weight,
      factors: s.factors,
      effect: s.weight,
      sentence: `${capitalize(descriptions[i])}; ${weightPhrase(s.weight, s.factors)}; adds ${fixed(s.weight, 2)} independent sources.`,
    }),
  );
  return { estimate, items, descriptions };
}
