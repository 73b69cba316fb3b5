// Production durability: P(a project reaches production and is still in production
// 12 months after go-live), treating the +6/+12-month follow-ups as survival data.
//
// Each case study is placed on a three-step path — reach production, survive months
// 0–6, survive months 6–12 — either with a known fate (failed at a step, or survived
// all three) or censored (its fate is not known yet). The point estimate is the
// Kaplan–Meier estimate computed by Efron's "redistribute to the right": a censored
// project passes its weight on to the projects that were followed further, so a recent
// project is never counted as a failure. If nobody was followed further, its weight
// takes the prior mean. The Beta posterior counts only projects whose fate is known,
// so unfinished follow-ups never make the interval narrower than the evidence allows.
import { caseStudyLabel, type PreparedCaseStudy, type PreparedEvidence, type PreparedFollowUp, recencyOf, DAY_MS, product } from '../prepare';
import { betaSummary } from '../stats';
import type { ExplanationItem, WeightFactor } from '../types';
import { explanationSentence, type SignalResult } from './beta-signal';

/** Where a project stands on the path to 12 months in production. */
export type DurabilityState =
  | 'censored_before_reach'
  | 'never_reached'
  | 'censored_at_go_live'
  | 'failed_by_6_months'
  | 'censored_at_6_months'
  | 'failed_by_12_months'
  | 'survived_12_months';

const ORDER: readonly DurabilityState[] = [
  'censored_before_reach',
  'never_reached',
  'censored_at_go_live',
  'failed_by_6_months',
  'censored_at_6_months',
  'failed_by_12_months',
  'survived_12_months',
];
const CENSORED = new Set<DurabilityState>(['censored_before_reach', 'censored_at_go_live', 'censored_at_6_months']);
const SURVIVED = ORDER.indexOf('survived_12_months');

const STATE_WORDS: Record<DurabilityState, string> = {
  censored_before_reach: 'is a recent proof of concept that may still go to production (censored)',
  never_reached: 'never reached production',
  censored_at_go_live: 'reached production; its follow-ups are not in yet (censored)',
  failed_by_6_months: 'reached production but was out of production within 6 months',
  censored_at_6_months: 'was still in production at 6 months; the 12-month check is not in yet (censored)',
  failed_by_12_months: 'was in production at 6 months but not at 12 months',
  survived_12_months: 'was still in production 12 months after go-live',
};

interface DurabilityItem {
  cs: PreparedCaseStudy;
  state: DurabilityState;
  weight: number;
  factors: WeightFactor[];
}

const MONTH_MS = 30.4375 * DAY_MS;

function latestAnswer(followUps: readonly PreparedFollowUp[], monthsAfter: 6 | 12): PreparedFollowUp | undefined {
  let best: PreparedFollowUp | undefined;
  for (const f of followUps) {
    if (f.source.monthsAfter !== monthsAfter || f.answeredMs === undefined || f.source.stillInProduction === undefined) continue;
    if (!best || (best.answeredMs ?? 0) < f.answeredMs) best = f;
  }
  return best;
}

/** Classifies a case study's production fate; follow-up answers take precedence over the status. */
export function durabilityState(prep: PreparedEvidence, cs: PreparedCaseStudy): { state: DurabilityState; decidedBy?: PreparedFollowUp } {
  const status = cs.source.productionStatus;
  if (status === 'poc_only') {
    // Young by the project's own date: a proof of concept that ended years ago and was submitted today is not young.
    const young = prep.nowMs - (cs.projectMs ?? cs.submittedMs) < prep.config.durability.pocCensorDays * DAY_MS;
    return { state: young ? 'censored_before_reach' : 'never_reached' };
  }
  const at12 = latestAnswer(cs.followUps, 12);
  const at6 = latestAnswer(cs.followUps, 6);
  if (at12) {
    if (at12.source.stillInProduction) return { state: 'survived_12_months', decidedBy: at12 };
    // A failure with unknown timing is assumed to be early (the conservative reading).
    return { state: at6?.source.stillInProduction ? 'failed_by_12_months' : 'failed_by_6_months', decidedBy: at12 };
  }
  const livedMonths =
    cs.retiredMs !== undefined && cs.goLiveMs !== undefined ? (cs.retiredMs - cs.goLiveMs) / MONTH_MS : undefined;
  if (at6) {
    if (!at6.source.stillInProduction) return { state: 'failed_by_6_months', decidedBy: at6 };
    if (livedMonths !== undefined && livedMonths <= 12) return { state: 'failed_by_12_months', decidedBy: at6 };
    return { state: 'censored_at_6_months', decidedBy: at6 };
  }
  if (status === 'retired') {
    if (livedMonths === undefined || livedMonths <= 6) return { state: 'failed_by_6_months' };
    return { state: livedMonths <= 12 ? 'failed_by_12_months' : 'survived_12_months' };
  }
  return { state: 'censored_at_go_live' };
}

function durabilityItems(prep: PreparedEvidence): DurabilityItem[] {
  const { durability } = prep.config;
  const items: DurabilityItem[] = [];
  for (const cs of prep.caseStudies) {
    const status = cs.source.status;
    if (status === 'withdrawn') continue;
    const { state, decidedBy } = durabilityState(prep, cs);
    const factors: WeightFactor[] = [];
    if (decidedBy) {
      factors.push({ factor: 'follow_up_source', value: durability.followUpSourceWeight[decidedBy.source.source] });
    } else if (status === 'submitted' || status === 'in_verification') {
      factors.push({ factor: 'unreviewed', value: durability.unreviewedStatusWeight });
    }
    // Dated by the project: its end (else the submission), the due date of the follow-up that decided it, its retirement.
    const when = Math.max(cs.projectMs ?? cs.submittedMs, decidedBy?.askedMs ?? 0, cs.retiredMs ?? 0);
    factors.push({ factor: 'recency', value: recencyOf(prep, Math.min(when, prep.nowMs)) });
    items.push({ cs, state, weight: product(factors), factors });
  }
  return items;
}

interface DurabilityPosterior {
  alpha: number;
  beta: number;
  completeWeight: number;
}

/** Kaplan–Meier by redistribution to the right over the seven ordered states. */
function posteriorFromTotals(totals: readonly number[], prep: PreparedEvidence): DurabilityPosterior {
  const { alpha: alpha0, beta: beta0 } = prep.config.prior;
  const priorMean = alpha0 / (alpha0 + beta0);
  const mass = [...totals];
  let total = 0;
  for (const m of totals) total += m;
  let lost = 0;
  for (let k = 0; k < ORDER.length; k++) {
    if (!CENSORED.has(ORDER[k]) || mass[k] <= 0) continue;
    let later = 0;
    for (let j = k + 1; j < ORDER.length; j++) later += mass[j];
    if (later > 1e-12) {
      for (let j = k + 1; j < ORDER.length; j++) mass[j] += (mass[k] * mass[j]) / later;
    } else {
      lost += mass[k];
    }
    mass[k] = 0;
  }
  let completeWeight = 0;
  for (let k = 0; k < ORDER.length; k++) if (!CENSORED.has(ORDER[k])) completeWeight += totals[k];
  const point = total > 1e-12 ? (mass[SURVIVED] + priorMean * lost) / total : priorMean;
  return { alpha: alpha0 + completeWeight * point, beta: beta0 + completeWeight * (1 - point), completeWeight };
}

/** Production durability with its explanation items. */
export function productionDurabilitySignal(prep: PreparedEvidence): SignalResult {
  const items = durabilityItems(prep);
  const totals = ORDER.map(() => 0);
  for (const item of items) totals[ORDER.indexOf(item.state)] += item.weight;
  const posterior = posteriorFromTotals(totals, prep);
  const summary = betaSummary(posterior.alpha, posterior.beta, prep.config.credibleMass);
  const estimate = { ...summary, evidenceCount: items.length, effectiveN: posterior.completeWeight };
  if (!prep.explain) return { estimate, items: [], descriptions: [] };
  const descriptions = items.map((item) => `${caseStudyLabel(item.cs.source)} ${STATE_WORDS[item.state]}`);
  const explanations = items.map((item, i): ExplanationItem => {
    const reduced = [...totals];
    const k = ORDER.indexOf(item.state);
    reduced[k] = Math.max(0, reduced[k] - item.weight);
    const without = posteriorFromTotals(reduced, prep);
    const effect = item.weight > 0 ? summary.mean - without.alpha / (without.alpha + without.beta) : 0;
    const description = descriptions[i];
    return {
      evidenceId: item.cs.source.id,
      caseStudyId: item.cs.source.id,
      kind: 'case_study',
      weight: item.weight,
      factors: item.factors,
      effect,
      sentence: explanationSentence(description, item.weight, item.factors, 'production durability', effect),
    };
  });
  return { estimate, items: explanations, descriptions };
}
