// The synthetic market of the lemons simulation. Vendors have a hidden true
// quality; everything buyers or Assay can see is generated from it by the rules
// in docs/simulation.md ("The market"), fixed before any result was looked at.
//
// `generateMarket(seed, opts)` returns plain records: the truth about every vendor
// and project, and — through `vendorEvidenceAt` — the evidence in @assay/signals'
// input types. A later `--via-api` driver can push the same records through the API.
import type {
  CaseStudyEvidence,
  ClientDomainStanding,
  IdentityStrength,
  OutcomeAnswer,
  OutcomeVerificationStatus,
  ReferenceEvidence,
  ReferenceStatus,
  ReviewerRecord,
  VendorEvidence,
} from '@assay/signals';
import { Rng } from './rng';

export const DAY_MS = 86_400_000;
export const MONTH_MS = 30.4375 * DAY_MS;
/** A project's length before its completion (the case study's start date; the via-api plan uses the same). */
export const PROJECT_DAYS = 91;

export interface MarketOptions {
  vendorCount: number;
  adversaryShare: number;
  reviewerCount: number;
  colluderCount: number;
  /** The moment the static market is observed (ISO). */
  now: string;
  /** Past projects are spread over this many months before `now`. */
  historyMonths: number;
  /** Noise (standard deviation, in stars) of an honest public star review; 1 is the pre-registered value. */
  starNoiseSd: number;
}

export const DEFAULT_MARKET_OPTIONS: MarketOptions = {
  vendorCount: 200,
  adversaryShare: 0.25,
  reviewerCount: 20,
  colluderCount: 2,
  now: '2025-06-30T00:00:00.000Z',
  historyMonths: 48,
  starNoiseSd: 1,
};

/** Market rules that the issue leaves open, fixed here once (see docs/simulation.md). */
export const MARKET_RULES = {
  outcomeAchievedShortfall: [0, 0.5] as const,
  inflation: [1.5, 3] as const,
  unverifiableRate: 0.05,
  spotCheckRate: 0.1,
  priorSpotChecks: 20,
  spotCheckDelayDays: 30,
  verifiedShare: 0.9,
  supportedShare: 0.1,
  drawnReferenceRate: 0.6,
  drawnAnswer: { answered: 0.7, declined: 0.1 },
  nominationRate: 0.5,
  nominatedAnswerRate: 0.9,
  fakeShareOfNominations: 0.5,
  clientIdentity: { strong: 0.75, weak: 0.15 },
  referenceAccuracy: 0.85,
  followUpAnswerRate: 0.8,
  starReviewRate: 0.7,
  starBias: 0.5,
  handoverNoiseSd: 0.75,
  verificationDelayDays: [14, 60] as const,
  contractVerificationDelayDays: [7, 25] as const,
};

export interface SimReviewer {
  id: string;
  accuracy: number;
  colluder: boolean;
  priorAgreed: number;
  priorTotal: number;
}

export interface SimOutcome {
  id: string;
  direction: 'higher_is_better' | 'lower_is_better';
  baseline: number;
  claimed: number;
  /** The value really achieved. */
  trueValue: number;
  /** The underlying target was met (probability q). */
  achieved: boolean;
  status: Exclude<OutcomeVerificationStatus, 'pending'>;
  verifiedValue: number | null;
  /** The verdict matches the truth. */
  verdictCorrect: boolean;
  spotCheckedAtMs?: number;
}

export interface SimFollowUp {
  id: string;
  monthsAfter: 6 | 12;
  askedMs: number;
  answeredMs?: number;
  stillInProduction?: boolean;
}

export interface SimReference {
  id: string;
  caseStudyId: string;
  source: 'drawn' | 'nominated';
  identityStrength: IdentityStrength;
  contactHash: string;
  fake: boolean;
  requestedMs: number;
  resolvedMs: number;
  finalStatus: Exclude<ReferenceStatus, 'pending'>;
  wouldHireAgain?: boolean;
  handover?: number;
  inProductionNow?: boolean;
  outcomeAnswers?: Array<{ outcomeId: string; achieved: OutcomeAnswer }>;
}

export interface SimProject {
  caseStudyId: string;
  completedMs: number;
  submittedMs: number;
  verificationMs: number;
  reviewerId: string;
  outcomes: SimOutcome[];
  reachedProduction: boolean;
  goLiveMs?: number;
  retiredMs?: number;
  handoverTrue: number;
  handoverByReviewer: number;
  clientWouldHireAgain: boolean;
  clientContact: string;
  clientIdentity: IdentityStrength;
  followUps: SimFollowUp[];
  /** The client domain's standing, when the identity-threat market assessed it (threats.ts). */
  clientDomain?: { domain: string; standing: ClientDomainStanding; reason: string };
}

export interface StarReview {
  atMs: number;
  stars: number;
  fake: boolean;
}

export interface SimVendor {
  id: string;
  quality: number;
  adversarial: boolean;
  enteredMs: number;
  projects: SimProject[];
  references: SimReference[];
  starReviews: StarReview[];
}

export interface Market {
  seed: number;
  options: MarketOptions;
  nowMs: number;
  reviewers: SimReviewer[];
  vendors: SimVendor[];
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

function improvement(o: Pick<SimOutcome, 'direction' | 'baseline'>, value: number): number {
  return o.direction === 'higher_is_better' ? value - o.baseline : o.baseline - value;
}

function valueAt(o: Pick<SimOutcome, 'direction' | 'baseline'>, gain: number): number {
  return o.direction === 'higher_is_better' ? o.baseline + gain : o.baseline - gain;
}

/** The identity strength of a client contact's address: client domain, free-mail or unknown (MARKET_RULES.clientIdentity). */
export function identityOfClient(rng: Rng): IdentityStrength {
  const u = rng.next();
  const { strong, weak } = MARKET_RULES.clientIdentity;
  return u < strong ? 'strong' : u < strong + weak ? 'weak' : 'unknown';
}

/** The reviewers of a market: accuracy U(0.7, 0.95); the first `colluderCount` of a random order collude. */
export function generateReviewers(seed: number, options: MarketOptions): SimReviewer[] {
  const rng = Rng.for(seed, 'reviewers');
  const reviewers = Array.from({ length: options.reviewerCount }, (_, i): SimReviewer => {
    const accuracy = rng.uniform(0.7, 0.95);
    let priorAgreed = 0;
    for (let k = 0; k < MARKET_RULES.priorSpotChecks; k++) if (rng.bernoulli(accuracy)) priorAgreed++;
    return { id: `rev-${String(i).padStart(2, '0')}`, accuracy, colluder: false, priorAgreed, priorTotal: MARKET_RULES.priorSpotChecks };
  });
  const order = reviewers.map((r) => ({ r, key: rng.next() })).sort((a, b) => a.key - b.key);
  for (const { r } of order.slice(0, options.colluderCount)) r.colluder = true;
  return reviewers;
}

interface ProjectTiming {
  completedMs: number;
  submittedMs: number;
  verificationDelayDays: readonly [number, number];
  /** Inflate the claims of this project (default: when the vendor is adversarial); the temporal threat turns it on late. */
  inflateClaims?: boolean;
  /** Whether the drawn reviewer colludes with this vendor (default: a colluder, on an adversarial vendor); a ring's vendors name their ring. */
  colludes?: (reviewer: SimReviewer) => boolean;
}

/** One project of a vendor: claimed outcomes, verdicts, production history, handover, references. */
export function addProject(market: Pick<Market, 'reviewers' | 'options'>, vendor: SimVendor, rng: Rng, timing: ProjectTiming): SimProject {
  const q = vendor.quality;
  const index = vendor.projects.length;
  const caseStudyId = `${vendor.id}-p${String(index).padStart(3, '0')}`;
  const reviewer = rng.pick(market.reviewers);
  const verificationMs = timing.submittedMs + rng.uniform(...timing.verificationDelayDays) * DAY_MS;
  // The reviewer is drawn at random, as Assay offers tasks: a ring cannot choose its vendors' work.
  const collusion = timing.colludes ? timing.colludes(reviewer) : reviewer.colluder && vendor.adversarial;

  const outcomes: SimOutcome[] = [];
  const outcomeCount = rng.int(1, 3);
  for (let j = 0; j < outcomeCount; j++) {
    const direction = rng.bernoulli(0.5) ? 'higher_is_better' : 'lower_is_better';
    const baseline = direction === 'higher_is_better' ? rng.uniform(50, 100) : rng.uniform(100, 200);
    const target = baseline * rng.uniform(0.05, 0.4);
    const achieved = rng.bernoulli(q);
    const realGain = achieved ? target : rng.uniform(...MARKET_RULES.outcomeAchievedShortfall) * target;
    const claimedGain = (timing.inflateClaims ?? vendor.adversarial) ? target * rng.uniform(...MARKET_RULES.inflation) : target;
    const shape = { direction, baseline } as const;
    const outcome: SimOutcome = {
      id: `${caseStudyId}-o${j}`,
      direction,
      baseline,
      claimed: valueAt(shape, claimedGain),
      trueValue: valueAt(shape, realGain),
      achieved,
      status: 'refuted',
      verifiedValue: null,
      verdictCorrect: true,
    };
    const trueShare = realGain / claimedGain;
    const correctStatus = trueShare >= MARKET_RULES.verifiedShare ? 'verified' : trueShare >= MARKET_RULES.supportedShare ? 'partially_verified' : 'refuted';
    if (rng.bernoulli(MARKET_RULES.unverifiableRate)) {
      outcome.status = 'unverifiable';
    } else if (collusion) {
      outcome.status = 'verified';
      outcome.verifiedValue = outcome.claimed;
      outcome.verdictCorrect = correctStatus === 'verified';
    } else if (rng.bernoulli(reviewer.accuracy)) {
      outcome.status = correctStatus;
      outcome.verifiedValue = outcome.trueValue;
    } else if (correctStatus === 'verified') {
      // A wrong verdict on a true claim: the reviewer misses part of the improvement.
      const share = rng.uniform(...MARKET_RULES.outcomeAchievedShortfall);
      outcome.status = share >= MARKET_RULES.supportedShare ? 'partially_verified' : 'refuted';
      outcome.verifiedValue = valueAt(shape, share * claimedGain);
      outcome.verdictCorrect = false;
    } else {
      // A wrong verdict on an unmet claim: the reviewer confirms it.
      outcome.status = 'verified';
      outcome.verifiedValue = outcome.claimed;
      outcome.verdictCorrect = false;
    }
    if (outcome.status !== 'unverifiable' && rng.bernoulli(MARKET_RULES.spotCheckRate)) {
      outcome.spotCheckedAtMs = verificationMs + MARKET_RULES.spotCheckDelayDays * DAY_MS;
    }
    outcomes.push(outcome);
  }

  const reachedProduction = rng.bernoulli(0.2 + 0.7 * q);
  const goLiveMs = reachedProduction ? timing.completedMs : undefined;
  let retiredMs: number | undefined;
  if (goLiveMs !== undefined) {
    // Still in production at 12 months with probability q: √q per half-year.
    if (!rng.bernoulli(Math.sqrt(q))) retiredMs = goLiveMs + rng.uniform(0, 6) * MONTH_MS;
    else if (!rng.bernoulli(Math.sqrt(q))) retiredMs = goLiveMs + rng.uniform(6, 12) * MONTH_MS;
  }
  const followUps: SimFollowUp[] = [];
  if (goLiveMs !== undefined) {
    for (const monthsAfter of [6, 12] as const) {
      const askedMs = Math.max(goLiveMs + monthsAfter * MONTH_MS, timing.submittedMs);
      const answered = rng.bernoulli(MARKET_RULES.followUpAnswerRate);
      const truth = retiredMs === undefined || retiredMs > goLiveMs + monthsAfter * MONTH_MS;
      const honest = rng.bernoulli(MARKET_RULES.referenceAccuracy);
      followUps.push({
        id: `${caseStudyId}-f${monthsAfter}`,
        monthsAfter,
        askedMs,
        answeredMs: answered ? askedMs + rng.uniform(1, 21) * DAY_MS : undefined,
        stillInProduction: answered ? (honest ? truth : !truth) : undefined,
      });
    }
  }

  const handoverTrue = clamp(Math.round(1 + 4 * q + rng.normal(0, MARKET_RULES.handoverNoiseSd)), 1, 5);
  const handoverByReviewer = collusion ? 5 : rng.bernoulli(reviewer.accuracy) ? handoverTrue : rng.int(1, 5);

  const project: SimProject = {
    caseStudyId,
    completedMs: timing.completedMs,
    submittedMs: timing.submittedMs,
    verificationMs,
    reviewerId: reviewer.id,
    outcomes,
    reachedProduction,
    goLiveMs,
    retiredMs,
    handoverTrue,
    handoverByReviewer,
    clientWouldHireAgain: rng.bernoulli(q),
    clientContact: `contact-${caseStudyId}`,
    clientIdentity: identityOfClient(rng),
    followUps,
  };
  vendor.projects.push(project);

  // The platform draws references at random from the client roster.
  if (rng.bernoulli(MARKET_RULES.drawnReferenceRate)) {
    const u = rng.next();
    const { answered, declined } = MARKET_RULES.drawnAnswer;
    const status = u < answered ? 'answered' : u < answered + declined ? 'declined' : 'expired';
    vendor.references.push(clientReference(rng, project, `${caseStudyId}-rd`, 'drawn', status, timing.submittedMs));
  }
  // The vendor nominates references: honest vendors any client, adversarial ones only
  // happy clients, and half of their nominations are self-references or fake clients.
  if (rng.bernoulli(MARKET_RULES.nominationRate)) {
    const id = `${caseStudyId}-rn`;
    const requestedMs = timing.submittedMs + rng.uniform(0, 10) * DAY_MS;
    const happy = vendor.projects.filter((p) => p.clientWouldHireAgain);
    if (vendor.adversarial && (rng.bernoulli(MARKET_RULES.fakeShareOfNominations) || happy.length === 0)) {
      vendor.references.push(fakeReference(rng, vendor, project, id, requestedMs));
    } else {
      const chosen = vendor.adversarial ? rng.pick(happy) : project;
      const status = rng.bernoulli(MARKET_RULES.nominatedAnswerRate) ? 'answered' : 'expired';
      vendor.references.push(clientReference(rng, chosen, id, 'nominated', status, requestedMs));
    }
  }

  // Public star reviews: honest stars track q with noise and a positivity bias;
  // an adversarial vendor adds one fake 5-star review for every real one.
  if (rng.bernoulli(MARKET_RULES.starReviewRate)) {
    const atMs = timing.completedMs + rng.uniform(0, 25) * DAY_MS;
    const stars = clamp(Math.round(1 + 4 * q + MARKET_RULES.starBias + rng.normal(0, market.options.starNoiseSd)), 1, 5);
    vendor.starReviews.push({ atMs, stars, fake: false });
    if (vendor.adversarial) vendor.starReviews.push({ atMs, stars: 5, fake: true });
  }
  return project;
}

function truthful<T>(rng: Rng, truth: T, lie: () => T): T {
  return rng.bernoulli(MARKET_RULES.referenceAccuracy) ? truth : lie();
}

/** A reference by the project's real client contact, answering truthfully (MARKET_RULES.referenceAccuracy) when it answers. */
export function clientReference(
  rng: Rng,
  project: SimProject,
  id: string,
  source: 'drawn' | 'nominated',
  status: Exclude<ReferenceStatus, 'pending'>,
  requestedMs: number,
): SimReference {
  const resolvedMs = requestedMs + (status === 'expired' ? 21 : rng.uniform(1, 14)) * DAY_MS;
  const ref: SimReference = {
    id,
    caseStudyId: project.caseStudyId,
    source,
    identityStrength: project.clientIdentity,
    contactHash: project.clientContact,
    fake: false,
    requestedMs,
    resolvedMs,
    finalStatus: status,
  };
  if (status !== 'answered') return ref;
  const inProduction = project.goLiveMs !== undefined && (project.retiredMs === undefined || project.retiredMs > resolvedMs);
  ref.wouldHireAgain = truthful(rng, project.clientWouldHireAgain, () => !project.clientWouldHireAgain);
  ref.handover = truthful(rng, project.handoverTrue, () => pickOther(rng, project.handoverTrue));
  ref.inProductionNow = truthful(rng, inProduction, () => !inProduction);
  ref.outcomeAnswers = project.outcomes.map((o) => {
    const share = improvement(o, o.trueValue) / improvement(o, o.claimed);
    const answer: OutcomeAnswer = share >= MARKET_RULES.verifiedShare ? 'yes' : share >= MARKET_RULES.supportedShare ? 'partly' : 'no';
    return { outcomeId: o.id, achieved: truthful(rng, answer, () => rng.pick((['yes', 'partly', 'no'] as const).filter((a) => a !== answer))) };
  });
  return ref;
}

function pickOther(rng: Rng, value: number): number {
  const others = [1, 2, 3, 4, 5].filter((v) => v !== value);
  return rng.pick(others);
}

function fakeReference(rng: Rng, vendor: SimVendor, project: SimProject, id: string, requestedMs: number): SimReference {
  const self = rng.bernoulli(0.5);
  return {
    id,
    caseStudyId: project.caseStudyId,
    source: 'nominated',
    identityStrength: self ? 'self' : rng.bernoulli(0.6) ? 'weak' : 'unknown',
    contactHash: `${self ? 'self' : 'fake'}-${id}`,
    fake: true,
    requestedMs,
    resolvedMs: requestedMs + rng.uniform(0.5, 3) * DAY_MS,
    finalStatus: 'answered',
    wouldHireAgain: true,
    handover: 5,
    inProductionNow: true,
    outcomeAnswers: project.outcomes.map((o) => ({ outcomeId: o.id, achieved: 'yes' })),
  };
}

/**
 * A vendor with its past projects. Initial vendors submitted each case study shortly
 * after finishing it; an entrant joins at `enteredMs` and submits its portfolio then.
 */
export function createVendor(
  market: Pick<Market, 'seed' | 'reviewers' | 'options'>,
  id: string,
  adversarial: boolean,
  enteredMs: number,
  portfolioAtEntry: boolean,
): SimVendor {
  const rng = Rng.for(market.seed, `vendor:${id}`);
  const quality = adversarial ? rng.beta(2, 5) : rng.beta(2, 2);
  const vendor: SimVendor = { id, quality, adversarial, enteredMs, projects: [], references: [], starReviews: [] };
  const count = 1 + rng.poisson(5);
  const historyMs = market.options.historyMonths * MONTH_MS;
  const completions = Array.from({ length: count }, () => enteredMs - rng.uniform(7 * DAY_MS, historyMs)).sort((a, b) => a - b);
  for (const completedMs of completions) {
    const submittedMs = portfolioAtEntry ? enteredMs + rng.uniform(0, 7) * DAY_MS : completedMs + rng.uniform(0, 30) * DAY_MS;
    addProject(market, vendor, rng, { completedMs, submittedMs, verificationDelayDays: MARKET_RULES.verificationDelayDays });
  }
  return vendor;
}

/** The static market: `vendorCount` vendors, a share `adversaryShare` of them adversarial. */
export function generateMarket(seed: number, opts: Partial<MarketOptions> = {}): Market {
  const options = { ...DEFAULT_MARKET_OPTIONS, ...opts };
  const nowMs = Date.parse(options.now);
  const reviewers = generateReviewers(seed, options);
  const market: Market = { seed, options, nowMs, reviewers, vendors: [] };
  const adversaries = Math.round(options.adversaryShare * options.vendorCount);
  const typeRng = Rng.for(seed, 'vendor-types');
  const types = Array.from({ length: options.vendorCount }, (_, i) => ({ adversarial: i < adversaries, key: typeRng.next() })).sort(
    (a, b) => a.key - b.key,
  );
  types.forEach(({ adversarial }, i) => {
    market.vendors.push(createVendor(market, `v${String(i).padStart(3, '0')}`, adversarial, nowMs, false));
  });
  return market;
}

/** What spot checks and verdict counts say about every reviewer at a moment. */
export interface ReviewerStats {
  agreed: number;
  total: number;
  verdicts: number;
  verdictsByVendor: Map<string, number>;
}

/** Spot-check record and verdict counts of every reviewer, as known at `nowMs`. */
export function reviewerStatsAt(market: Pick<Market, 'reviewers'>, vendors: readonly SimVendor[], nowMs: number): Map<string, ReviewerStats> {
  const stats = new Map<string, ReviewerStats>();
  for (const r of market.reviewers) stats.set(r.id, { agreed: r.priorAgreed, total: r.priorTotal, verdicts: 0, verdictsByVendor: new Map() });
  for (const v of vendors) {
    for (const p of v.projects) {
      if (p.verificationMs > nowMs) continue;
      const s = stats.get(p.reviewerId);
      if (!s) continue;
      for (const o of p.outcomes) {
        s.verdicts++;
        s.verdictsByVendor.set(v.id, (s.verdictsByVendor.get(v.id) ?? 0) + 1);
        if (o.spotCheckedAtMs !== undefined && o.spotCheckedAtMs <= nowMs) {
          s.total++;
          if (o.verdictCorrect) s.agreed++;
        }
      }
    }
  }
  return stats;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** The vendor's evidence as the platform knows it at `nowMs`, in @assay/signals' input types. */
export function vendorEvidenceAt(vendor: SimVendor, nowMs: number, reviewers: ReadonlyMap<string, ReviewerStats>): VendorEvidence {
  const caseStudies: CaseStudyEvidence[] = [];
  const reviewerIds = new Set<string>();
  for (const p of vendor.projects) {
    if (p.submittedMs > nowMs) continue;
    const reviewed = p.verificationMs <= nowMs;
    if (reviewed) reviewerIds.add(p.reviewerId);
    const verified = p.outcomes.filter((o) => o.status === 'verified').length;
    const productionStatus = !p.reachedProduction ? 'poc_only' : p.retiredMs !== undefined && p.retiredMs <= nowMs ? 'retired' : 'in_production';
    caseStudies.push({
      id: p.caseStudyId,
      submittedAt: iso(p.submittedMs),
      // The project's own dates: it ran PROJECT_DAYS and ended at completion, when its outcomes were measured.
      startedOn: iso(p.completedMs - PROJECT_DAYS * DAY_MS),
      endedOn: iso(p.completedMs),
      status: !reviewed ? 'in_verification' : verified === p.outcomes.length ? 'verified' : verified > 0 || p.outcomes.some((o) => o.status === 'partially_verified') ? 'partially_verified' : 'unverified',
      productionStatus,
      goLiveAt: p.goLiveMs !== undefined && p.goLiveMs <= nowMs ? iso(p.goLiveMs) : undefined,
      retiredAt: productionStatus === 'retired' && p.retiredMs !== undefined ? iso(p.retiredMs) : undefined,
      disputed: false,
      handoverByReviewer: reviewed ? p.handoverByReviewer : undefined,
      handoverReviewerId: reviewed ? p.reviewerId : undefined,
      outcomes: p.outcomes.map((o) => ({
        id: o.id,
        direction: o.direction,
        baseline: o.baseline,
        claimed: o.claimed,
        verifiedValue: reviewed ? o.verifiedValue : null,
        verificationStatus: reviewed ? o.status : 'pending',
        measuredAt: iso(p.completedMs),
        verifiedAt: reviewed ? iso(p.verificationMs) : undefined,
        reviewerId: reviewed ? p.reviewerId : undefined,
      })),
      followUps: p.followUps
        .filter((f) => f.askedMs <= nowMs)
        .map((f) => {
          const answered = f.answeredMs !== undefined && f.answeredMs <= nowMs;
          return {
            id: f.id,
            monthsAfter: f.monthsAfter,
            askedAt: iso(f.askedMs),
            answeredAt: answered && f.answeredMs !== undefined ? iso(f.answeredMs) : undefined,
            stillInProduction: answered ? f.stillInProduction : undefined,
            source: 'client' as const,
          };
        }),
      ...(p.clientDomain === undefined ? {} : { clientDomain: p.clientDomain }),
    });
  }
  const references: ReferenceEvidence[] = [];
  for (const r of vendor.references) {
    if (r.requestedMs > nowMs) continue;
    const resolved = r.resolvedMs <= nowMs;
    const answered = resolved && r.finalStatus === 'answered';
    references.push({
      id: r.id,
      caseStudyId: r.caseStudyId,
      source: r.source,
      identityStrength: r.identityStrength,
      contactHash: r.contactHash,
      requestedAt: iso(r.requestedMs),
      status: resolved ? r.finalStatus : 'pending',
      answeredAt: answered ? iso(r.resolvedMs) : undefined,
      wouldHireAgain: answered ? r.wouldHireAgain : undefined,
      handover: answered ? r.handover : undefined,
      inProductionNow: answered ? r.inProductionNow : undefined,
      outcomeAnswers: answered ? r.outcomeAnswers : undefined,
    });
  }
  const reviewerRecords: ReviewerRecord[] = [...reviewerIds].sort().map((id) => {
    const s = reviewers.get(id);
    return {
      id,
      spotChecksAgreed: s?.agreed ?? 0,
      spotChecksTotal: s?.total ?? 0,
      verdictsTotal: s?.verdicts ?? 0,
      verdictsForVendor: s?.verdictsByVendor.get(vendor.id) ?? 0,
    };
  });
  return { vendorId: vendor.id, now: iso(nowMs), caseStudies, references, reviewers: reviewerRecords };
}

/** Every vendor's evidence at `nowMs` (what the server would build from its database). */
export function marketEvidence(market: Market, vendors: readonly SimVendor[] = market.vendors, nowMs: number = market.nowMs): VendorEvidence[] {
  const stats = reviewerStatsAt(market, vendors, nowMs);
  return vendors.map((v) => vendorEvidenceAt(v, nowMs, stats));
}
