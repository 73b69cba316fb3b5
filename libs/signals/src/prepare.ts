// Normalises a vendor's evidence once: parses instants, sorts every list by id
// (so that no result depends on the order the database returned rows in), and
// precomputes the lookups that weights and integrity flags share.
import type { SignalConfig } from './config';
import { recencyWeight } from './stats';
import type {
  CaseStudyEvidence,
  FollowUpEvidence,
  Instant,
  OutcomeEvidence,
  ReferenceEvidence,
  ReviewerRecord,
  VendorEvidence,
  WeightFactor,
} from './types';

export const DAY_MS = 86_400_000;

export interface PreparedOutcome {
  source: OutcomeEvidence;
  verifiedMs: number | undefined;
  /** The outcome's evidence date (see `outcomeEvidenceMs`): what recency and trends read. */
  evidenceMs: number;
  /** Memoised verdict weight (shared by the signals that read this outcome). */
  weight?: Weighted;
}

export interface PreparedFollowUp {
  source: FollowUpEvidence;
  /** The due date of the check. */
  askedMs: number;
  answeredMs: number | undefined;
}

export interface PreparedCaseStudy {
  source: CaseStudyEvidence;
  submittedMs: number;
  /** The project's own date (end, else start), never after submission; undefined when none was stated. */
  projectMs: number | undefined;
  goLiveMs: number | undefined;
  retiredMs: number | undefined;
  outcomes: PreparedOutcome[];
  followUps: PreparedFollowUp[];
  /** Latest verdict time among its outcomes, if any was reviewed. */
  lastVerifiedMs: number | undefined;
}

export interface PreparedReference {
  source: ReferenceEvidence;
  requestedMs: number;
  answeredMs: number | undefined;
  /** The date bursts are measured on: the project date of its case study, else when it answered. */
  burstMs: number;
  /** Memoised answer weight (shared by the signals that read this reference). */
  weight?: Weighted;
}

export interface Weighted {
  weight: number;
  factors: WeightFactor[];
}

export interface ReviewerAssessment extends Weighted {
  reliability: number;
  affiliated: boolean;
  concentrated: boolean;
}

export interface PreparedEvidence {
  vendorId: string;
  nowMs: number;
  config: SignalConfig;
  caseStudies: PreparedCaseStudy[];
  references: PreparedReference[];
  caseStudyById: Map<string, PreparedCaseStudy>;
  reviewers: Map<string, ReviewerRecord>;
  otherVendorsByContact: Readonly<Record<string, number>>;
  /** Answered, non-self references per contact hash (the same person answering twice is one voice). */
  answersPerContact: Map<string, number>;
  /** Ids of nominated answers that arrived in a burst. */
  burstReferenceIds: Set<string>;
  reviewerCache: Map<string, ReviewerAssessment>;
  /** The vendor's recent evidence compared with its earlier evidence (declining_recent_evidence). */
  trend: EvidenceTrend;
  /** Reviewers whose verdicts on this vendor depart from the other evidence on it (reviewer_vendor_anomaly). */
  anomalies: Map<string, ReviewerAnomaly>;
  /** Drawn (roster) contacts against nominated ones (roster_cherry_picking). */
  roster: RosterComparison;
  /** Build explanation items (leave-one-out effects and sentences)? */
  explain: boolean;
}

/** Milliseconds since the epoch; throws on an unparseable instant (a bug in the caller). */
export function toMs(instant: Instant): number {
  const ms = instant instanceof Date ? instant.getTime() : Date.parse(instant);
  if (!Number.isFinite(ms)) throw new Error(`Invalid instant: ${String(instant)}`);
  return ms;
}

function optionalMs(instant: Instant | undefined): number | undefined {
  return instant === undefined ? undefined : toMs(instant);
}

function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function byIdThenTime<T extends { source: { id: string } }>(time: (x: T) => number) {
  return (a: T, b: T): number => byId(a.source, b.source) || time(a) - time(b);
}

const REVIEWED = new Set(['verified', 'partially_verified', 'refuted', 'unverifiable']);

/**
 * The project date of a case study: its stated end, else its start. A date after the case study was
 * submitted is read as the submission (a project cannot be reported before it happened), so that a
 * vendor cannot make old work look fresh by dating it in the future. Undefined when no date was stated.
 */
export function projectDateMs(cs: CaseStudyEvidence, submittedMs: number): number | undefined {
  const stated = optionalMs(cs.endedOn ?? cs.startedOn);
  return stated === undefined ? undefined : Math.min(stated, submittedMs);
}

/**
 * The evidence date of an outcome, from the project's own dates first: when it was measured, else the
 * case study's project date; only when neither was stated, the verdict's and then the submission's
 * insert time (the documented fallback). Never after the case study's submission.
 */
export function outcomeEvidenceMs(outcome: OutcomeEvidence, projectMs: number | undefined, verifiedMs: number | undefined, submittedMs: number): number {
  const measured = optionalMs(outcome.measuredAt);
  if (measured !== undefined) return Math.min(measured, submittedMs);
  return projectMs ?? verifiedMs ?? submittedMs;
}

/** Parses and sorts one vendor's evidence and precomputes shared lookups. */
export function prepareEvidence(evidence: VendorEvidence, config: SignalConfig, explain = true): PreparedEvidence {
  const caseStudies = evidence.caseStudies
    .map((cs): PreparedCaseStudy => {
      const submittedMs = toMs(cs.submittedAt);
      const projectMs = projectDateMs(cs, submittedMs);
      const outcomes = cs.outcomes
        .map((o) => {
          const verifiedMs = optionalMs(o.verifiedAt);
          return { source: o, verifiedMs, evidenceMs: outcomeEvidenceMs(o, projectMs, verifiedMs, submittedMs) };
        })
        .sort(byIdThenTime((o) => o.verifiedMs ?? 0));
      let lastVerifiedMs: number | undefined;
      for (const o of outcomes) {
        if (!REVIEWED.has(o.source.verificationStatus)) continue;
        const t = o.verifiedMs ?? toMs(cs.submittedAt);
        if (lastVerifiedMs === undefined || t > lastVerifiedMs) lastVerifiedMs = t;
      }
      return {
        source: cs,
        submittedMs,
        projectMs,
        goLiveMs: optionalMs(cs.goLiveAt),
        retiredMs: optionalMs(cs.retiredAt),
        outcomes,
        followUps: cs.followUps
          .map((f) => ({ source: f, askedMs: toMs(f.askedAt), answeredMs: optionalMs(f.answeredAt) }))
          .sort(byIdThenTime((f) => f.askedMs)),
        lastVerifiedMs,
      };
    })
    .sort(byIdThenTime((c) => c.submittedMs));

  const caseStudyById = new Map(caseStudies.map((c) => [c.source.id, c]));
  const references = evidence.references
    .map((r): PreparedReference => {
      const requestedMs = toMs(r.requestedAt);
      const answeredMs = optionalMs(r.answeredAt);
      // A vendor that loads its history answers all its references within days; what it cannot
      // choose is when its projects happened, so bursts are measured on those.
      const burstMs = caseStudyById.get(r.caseStudyId)?.projectMs ?? answeredMs ?? requestedMs;
      return { source: r, requestedMs, answeredMs, burstMs };
    })
    .sort(byIdThenTime((r) => r.requestedMs));

  const answersPerContact = new Map<string, number>();
  for (const r of references) {
    if (r.source.identityStrength === 'self' || r.source.status !== 'answered') continue;
    answersPerContact.set(r.source.contactHash, (answersPerContact.get(r.source.contactHash) ?? 0) + 1);
  }

  const nominatedAnswers = references.filter(
    (r) => r.source.source === 'nominated' && r.source.identityStrength !== 'self' && r.source.status === 'answered',
  );
  const burstReferenceIds = new Set(
    burstMembers(
      nominatedAnswers.map((r) => ({ id: r.source.id, ms: r.burstMs })),
      config.references.burstWindowDays * DAY_MS,
      config.references.burstMinCount,
    ),
  );

  const reviewers = new Map<string, ReviewerRecord>();
  for (const r of [...evidence.reviewers].sort(byId)) if (!reviewers.has(r.id)) reviewers.set(r.id, r);

  const prep: PreparedEvidence = {
    vendorId: evidence.vendorId,
    nowMs: toMs(evidence.now),
    config,
    caseStudies,
    references,
    caseStudyById,
    reviewers,
    otherVendorsByContact: evidence.otherVendorsByContact ?? {},
    answersPerContact,
    burstReferenceIds,
    reviewerCache: new Map(),
    trend: NO_TREND,
    anomalies: new Map(),
    roster: rosterComparison(references, config),
    explain,
  };
  // Before any reviewer is assessed: the anomaly is one of a reviewer's weight factors on this vendor.
  prep.anomalies = reviewerAnomalies(prep);
  prep.trend = evidenceTrend(prep);
  return prep;
}

/** One side of the roster comparison: resolved contacts and how many of them answered favourably. */
export interface RosterSide {
  contacts: number;
  favourable: number;
  /** favourable ÷ contacts; NaN when the side is empty. */
  share: number;
  /** The compared requests (each contact's latest resolved one). */
  referenceIds: string[];
}

/** Drawn against nominated contacts: does the vendor's choice answer far better than Assay's draw? */
export interface RosterComparison {
  drawn: RosterSide;
  nominated: RosterSide;
  /** Nominated share − drawn share, and that gap in standard errors (0 when a side is too thin). */
  gap: number;
  z: number;
  cherryPicking: boolean;
}

/**
 * Compares, between contacts Assay drew from the vendor's roster and contacts the vendor nominated, the
 * share of resolved requests that brought a favourable answer (answered, and would hire again): a request
 * declined, expired or answered without endorsing counts against. Each contact counts once per side, by
 * its latest resolved request (one person asked six times is one voice); self-references are left out
 * (they carry no weight anyway). Cherry-picking when each side has `cherryPickingMinPerSide` contacts,
 * the nominated share is at least `cherryPickingMinGap` higher, and the gap is at least
 * `cherryPickingMinZ` standard errors of a pooled two-proportion test. One number covers both ways a
 * roster can be curated: drawn clients that do not answer, and drawn clients that answer unhappily.
 */
export function rosterComparison(references: readonly PreparedReference[], config: SignalConfig): RosterComparison {
  const latest = { drawn: new Map<string, PreparedReference>(), nominated: new Map<string, PreparedReference>() };
  for (const ref of references) {
    const r = ref.source;
    if (r.identityStrength === 'self' || r.status === 'pending') continue;
    const side = latest[r.source];
    const previous = side.get(r.contactHash);
    const at = ref.answeredMs ?? ref.requestedMs;
    const previousAt = previous ? (previous.answeredMs ?? previous.requestedMs) : Number.NEGATIVE_INFINITY;
    if (!previous || at > previousAt || (at === previousAt && r.id > previous.source.id)) side.set(r.contactHash, ref);
  }
  const sideOf = (byContact: Map<string, PreparedReference>): RosterSide => {
    const refs = [...byContact.values()];
    const favourable = refs.filter((ref) => ref.source.status === 'answered' && ref.source.wouldHireAgain === true).length;
    return { contacts: refs.length, favourable, share: refs.length > 0 ? favourable / refs.length : Number.NaN, referenceIds: refs.map((ref) => ref.source.id).sort() };
  };
  const drawn = sideOf(latest.drawn);
  const nominated = sideOf(latest.nominated);
  const rules = config.references;
  if (drawn.contacts < rules.cherryPickingMinPerSide || nominated.contacts < rules.cherryPickingMinPerSide) {
    return { drawn, nominated, gap: 0, z: 0, cherryPicking: false };
  }
  const gap = nominated.share - drawn.share;
  const pooled = (drawn.favourable + nominated.favourable) / (drawn.contacts + nominated.contacts);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / drawn.contacts + 1 / nominated.contacts));
  const z = se > 0 ? gap / se : 0;
  return { drawn, nominated, gap, z, cherryPicking: gap >= rules.cherryPickingMinGap && z >= rules.cherryPickingMinZ };
}

/** A reviewer whose verdicts on this vendor found much more delivered than everything else on it. */
export interface ReviewerAnomaly {
  reviewerId: string;
  /** Mean delivered share under the reviewer's verdicts, and in the other evidence. */
  reviewerMean: number;
  otherMean: number;
  /** The outcomes the reviewer judged here (the flag's evidence). */
  outcomeIds: string[];
}

const ANSWER_SHARE: Partial<Record<string, number>> = { yes: 1, partly: 0.5, no: 0 };

/**
 * Compares each reviewer's verdicts on this vendor with the other evidence on it: the answers of
 * references (not the vendor's own) on the outcomes the reviewer judged, and the other reviewers'
 * verdicts on the vendor's outcomes, all as delivered shares (0..1). Anomalous when the reviewer
 * judged at least `anomalyMinOutcomes` outcomes, there are `anomalyMinOther` other measurements, the
 * reviewer's mean is at least `anomalyMinGap` higher, and the gap is at least `anomalyMinZ`
 * standard errors (pooled within-group variance, floored as the trend's). A ring that confirms its
 * vendors' claims stands out against references and honest reviewers on the same vendor.
 */
export function reviewerAnomalies(prep: Pick<PreparedEvidence, 'caseStudies' | 'references' | 'config'>): Map<string, ReviewerAnomaly> {
  const { reviewer: rules, trend } = prep.config;
  const byReviewer = new Map<string, Array<{ id: string; share: number }>>();
  for (const cs of prep.caseStudies) {
    if (cs.source.status === 'withdrawn') continue;
    for (const o of cs.outcomes) {
      const share = measuredShareOf(o.source, prep.config);
      if (share === undefined || o.source.reviewerId === undefined) continue;
      const list = byReviewer.get(o.source.reviewerId) ?? [];
      list.push({ id: o.source.id, share });
      byReviewer.set(o.source.reviewerId, list);
    }
  }
  const answersByOutcome = new Map<string, number[]>();
  for (const r of prep.references) {
    if (r.source.status !== 'answered' || r.source.identityStrength === 'self') continue;
    for (const a of r.source.outcomeAnswers ?? []) {
      const share = ANSWER_SHARE[a.achieved];
      if (share === undefined) continue;
      answersByOutcome.set(a.outcomeId, [...(answersByOutcome.get(a.outcomeId) ?? []), share]);
    }
  }
  const anomalies = new Map<string, ReviewerAnomaly>();
  for (const [reviewerId, mine] of [...byReviewer].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (mine.length < rules.anomalyMinOutcomes) continue;
    const others = [
      ...mine.flatMap((o) => answersByOutcome.get(o.id) ?? []),
      ...[...byReviewer].filter(([id]) => id !== reviewerId).flatMap(([, list]) => list.map((o) => o.share)),
    ];
    if (others.length < rules.anomalyMinOther) continue;
    const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const m1 = mean(mine.map((o) => o.share));
    const m2 = mean(others);
    const within = mine.reduce((a, o) => a + (o.share - m1) ** 2, 0) + others.reduce((a, x) => a + (x - m2) ** 2, 0);
    const variance = Math.max(trend.varianceFloor, within / (mine.length + others.length));
    const z = (m1 - m2) / Math.sqrt(variance * (1 / mine.length + 1 / others.length));
    if (m1 - m2 >= rules.anomalyMinGap && z >= rules.anomalyMinZ) {
      anomalies.set(reviewerId, { reviewerId, reviewerMean: m1, otherMean: m2, outcomeIds: mine.map((o) => o.id).sort() });
    }
  }
  return anomalies;
}

/** One window of the trend comparison. */
export interface TrendWindow {
  /** Measured outcomes and the case studies they belong to. */
  outcomes: number;
  caseStudies: number;
  /** Weighted mean verified ÷ claimed improvement (0..1); NaN when the window is empty. */
  meanShare: number;
  /** Kish effective number of outcomes ((Σw)² ÷ Σw²); 0 when the window is empty. */
  effectiveN: number;
}

/** A vendor's recent window (outcomes measured since `cutoffMs`) against its earlier one. */
export interface EvidenceTrend {
  cutoffMs: number;
  recent: TrendWindow;
  earlier: TrendWindow;
  /** Pooled within-window variance of the shares, floored (`trend.varianceFloor`). */
  variance: number;
  /** Both windows hold enough outcomes and case studies to be compared. */
  comparable: boolean;
  /** Standardised drop (earlier − recent) ÷ standard error; 0 when a window is too thin. */
  z: number;
  declining: boolean;
  /** Ids of the recent window's outcomes (the flag's evidence). */
  recentOutcomeIds: string[];
}

const EMPTY_WINDOW: TrendWindow = { outcomes: 0, caseStudies: 0, meanShare: Number.NaN, effectiveN: 0 };
const NO_TREND: EvidenceTrend = { cutoffMs: 0, recent: EMPTY_WINDOW, earlier: EMPTY_WINDOW, variance: 0, comparable: false, z: 0, declining: false, recentOutcomeIds: [] };

/** Delivered share of a measured verdict (verified ÷ claimed improvement), or undefined when the verdict measured nothing. */
export function measuredShareOf(outcome: OutcomeEvidence, config: SignalConfig): number | undefined {
  switch (outcome.verificationStatus) {
    case 'verified':
      return deliveredShare(outcome) ?? 1;
    case 'partially_verified':
      return deliveredShare(outcome) ?? config.delivery.partialCreditWithoutValue;
    case 'refuted':
      return deliveredShare(outcome) ?? 0;
    default:
      return undefined;
  }
}

/**
 * Compares the delivered share of the vendor's recent outcomes (evidence date within
 * `trend.recentWindowDays` of now) with its earlier ones, each outcome weighted by its reviewer
 * (recency is left out: the windows already separate time). Declining when both windows hold
 * enough outcomes and case studies, the recent mean is at least `minDrop` lower, and the drop is at
 * least `minZ` standard errors (pooled within-window variance, floored, over Kish effective sizes).
 */
export function evidenceTrend(prep: PreparedEvidence): EvidenceTrend {
  const { trend } = prep.config;
  const cutoffMs = prep.nowMs - trend.recentWindowDays * DAY_MS;
  interface Acc {
    w: number;
    w2: number;
    wx: number;
    wxx: number;
    n: number;
    cs: Set<string>;
    ids: string[];
  }
  const acc = (): Acc => ({ w: 0, w2: 0, wx: 0, wxx: 0, n: 0, cs: new Set(), ids: [] });
  const recent = acc();
  const earlier = acc();
  for (const cs of prep.caseStudies) {
    if (cs.source.status === 'withdrawn') continue;
    for (const o of cs.outcomes) {
      const share = measuredShareOf(o.source, prep.config);
      if (share === undefined) continue;
      const w = assessReviewer(prep, o.source.reviewerId).weight;
      const side = o.evidenceMs >= cutoffMs ? recent : earlier;
      side.n++;
      side.cs.add(cs.source.id);
      side.ids.push(o.source.id);
      if (w <= 0) continue;
      side.w += w;
      side.w2 += w * w;
      side.wx += w * share;
      side.wxx += w * share * share;
    }
  }
  const windowOf = (a: Acc): TrendWindow => ({
    outcomes: a.n,
    caseStudies: a.cs.size,
    meanShare: a.w > 0 ? a.wx / a.w : Number.NaN,
    effectiveN: a.w > 0 ? (a.w * a.w) / a.w2 : 0,
  });
  const r = windowOf(recent);
  const e = windowOf(earlier);
  const enough = (a: Acc) => a.n >= trend.minOutcomesPerWindow && a.cs.size >= trend.minCaseStudiesPerWindow && a.w > 0;
  // Pooled within-window variance of the shares (each window about its own mean; an empty window adds nothing).
  const withinOf = (a: Acc, w: TrendWindow) => (a.w > 0 ? a.wxx - a.wx * w.meanShare : 0);
  const weight = recent.w + earlier.w;
  const variance = Math.max(trend.varianceFloor, weight > 0 ? (withinOf(recent, r) + withinOf(earlier, e)) / weight : 0);
  const comparable = enough(recent) && enough(earlier);
  const z = comparable ? (e.meanShare - r.meanShare) / Math.sqrt(variance * (1 / r.effectiveN + 1 / e.effectiveN)) : 0;
  const declining = z >= trend.minZ && e.meanShare - r.meanShare >= trend.minDrop;
  return { cutoffMs, recent: r, earlier: e, variance, comparable, z, declining, recentOutcomeIds: [...recent.ids].sort() };
}

/** Ids of items that fall in some window of `windowMs` holding at least `minCount` items. */
export function burstMembers(items: ReadonlyArray<{ id: string; ms: number }>, windowMs: number, minCount: number): string[] {
  const sorted = [...items].sort((a, b) => a.ms - b.ms || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const members = new Set<string>();
  let end = 0;
  for (let start = 0; start < sorted.length; start++) {
    if (end < start) end = start;
    while (end + 1 < sorted.length && sorted[end + 1].ms - sorted[start].ms <= windowMs) end++;
    if (end - start + 1 >= minCount) for (let i = start; i <= end; i++) members.add(sorted[i].id);
  }
  return [...members].sort();
}

/** Days between an event and now (never negative). */
export function ageDays(prep: PreparedEvidence, ms: number): number {
  return Math.max(0, (prep.nowMs - ms) / DAY_MS);
}

/** Recency factor of evidence dated `ms`. */
export function recencyOf(prep: PreparedEvidence, ms: number): number {
  return recencyWeight(ageDays(prep, ms), prep.config.recency.halfLifeDays);
}

/** Posterior mean agreement rate of a reviewer with spot checks (prior for new reviewers). */
export function reviewerReliability(record: ReviewerRecord | undefined, config: SignalConfig): number {
  const { priorAgreements, priorDisagreements } = config.reviewer;
  const agreed = Math.max(0, record?.spotChecksAgreed ?? 0);
  const total = Math.max(agreed, record?.spotChecksTotal ?? 0);
  return (priorAgreements + agreed) / (priorAgreements + priorDisagreements + total);
}

/**
 * How much a verdict by a reviewer of reliability r is worth: 2r − 1. A reviewer who agrees
 * with spot checks at rate r behaves like one who reports the truth with probability 2r − 1
 * and flips a coin otherwise, so a coin-flipper (r = 0.5) is worth nothing and a perfect one 1.
 */
export function reviewerInformativeness(reliability: number): number {
  return Math.max(0, 2 * reliability - 1);
}

/** True when the reviewer does more than the configured share of their work for this vendor. */
export function isConcentrated(record: ReviewerRecord | undefined, config: SignalConfig): boolean {
  const total = record?.verdictsTotal ?? 0;
  const forVendor = record?.verdictsForVendor ?? 0;
  return total >= config.reviewer.concentrationMinVerdicts && forVendor / total > config.reviewer.concentrationShare;
}

/** Weight of any verdict or rating by this reviewer on this vendor (before recency). */
export function assessReviewer(prep: PreparedEvidence, reviewerId: string | undefined): ReviewerAssessment {
  const key = reviewerId ?? '';
  const cached = prep.reviewerCache.get(key);
  if (cached) return cached;
  const record = reviewerId === undefined ? undefined : prep.reviewers.get(reviewerId);
  const { config } = prep;
  const reliability = reviewerReliability(record, config);
  const factors: WeightFactor[] = [{ factor: 'reviewer_reliability', value: reviewerInformativeness(reliability) }];
  const affiliated = record?.affiliatedWithVendor === true;
  const concentrated = isConcentrated(record, config);
  if (affiliated) factors.push({ factor: 'reviewer_affiliation', value: config.reviewer.affiliatedWeight });
  if (concentrated) factors.push({ factor: 'reviewer_concentration', value: config.reviewer.concentratedWeight });
  if (reviewerId !== undefined && prep.anomalies.has(reviewerId)) factors.push({ factor: 'reviewer_vendor_anomaly', value: config.reviewer.anomalyWeight });
  const assessment = { reliability, affiliated, concentrated, factors, weight: product(factors) };
  prep.reviewerCache.set(key, assessment);
  return assessment;
}

/** Weight of a reference answer: identity × source × recency × shared/repeated contact × burst × roster cherry-picking. */
export function referenceWeight(prep: PreparedEvidence, ref: PreparedReference): Weighted {
  if (ref.weight) return ref.weight;
  const { config } = prep;
  const r = ref.source;
  const factors: WeightFactor[] = [
    { factor: 'identity', value: config.references.identityWeight[r.identityStrength] },
    { factor: 'source', value: config.references.sourceWeight[r.source] },
    { factor: 'recency', value: recencyOf(prep, ref.answeredMs ?? ref.requestedMs) },
  ];
  // A reference is "strong" because its address is on the client's domain, so it is
  // worth only as much as the proof that the domain is the client's.
  const clientDomain = prep.caseStudyById.get(r.caseStudyId)?.source.clientDomain;
  if (r.identityStrength === 'strong' && clientDomain !== undefined) {
    factors.push({ factor: 'client_domain', value: config.references.clientDomainWeight[clientDomain.standing] });
  }
  if (r.identityStrength !== 'self') {
    const others = prep.otherVendorsByContact[r.contactHash] ?? 0;
    if (others > 0) factors.push({ factor: 'shared_contact', value: 1 / (1 + others) });
    const repeats = prep.answersPerContact.get(r.contactHash) ?? 1;
    if (repeats > 1) factors.push({ factor: 'repeated_contact', value: 1 / repeats });
    if (prep.burstReferenceIds.has(r.id)) factors.push({ factor: 'burst', value: config.references.burstWeight });
    if (r.source === 'nominated' && prep.roster.cherryPicking) {
      factors.push({ factor: 'roster_cherry_picking', value: config.references.cherryPickingNominatedWeight });
    }
  }
  ref.weight = { weight: product(factors), factors };
  return ref.weight;
}

export function product(factors: readonly WeightFactor[]): number {
  let w = 1;
  for (const f of factors) w *= f.value;
  return w;
}

/** Improvement in the good direction (positive = better than baseline). */
export function improvement(direction: OutcomeEvidence['direction'], baseline: number, value: number): number {
  return direction === 'higher_is_better' ? value - baseline : baseline - value;
}

/** Verified ÷ claimed improvement clipped to 0..1, or undefined when no value was verified. */
export function deliveredShare(outcome: OutcomeEvidence): number | undefined {
  if (outcome.verifiedValue === null || !Number.isFinite(outcome.verifiedValue)) return undefined;
  const claimed = improvement(outcome.direction, outcome.baseline, outcome.claimed);
  const verified = improvement(outcome.direction, outcome.baseline, outcome.verifiedValue);
  if (!(claimed > 0)) return verified >= claimed ? 1 : 0;
  return Math.min(1, Math.max(0, verified / claimed));
}

/** A case study's name for sentences. */
export function caseStudyLabel(cs: CaseStudyEvidence): string {
  return cs.title ? `“${cs.title}”` : `case study ${cs.id}`;
}
