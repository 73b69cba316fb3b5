// What `--via-api` will push for a generated market, decided before anything is sent:
// accounts, organizations, case studies with the market's claimed outcomes, the
// references and how each answers, and every verdict. Pure and deterministic for a
// seed; the driver (via-api.ts) executes it and keeps a record of what the server
// answered, and the check (via-api-evidence.ts) rebuilds the signals' input from both.
//
// The market is observed at its own date (2025-06-30); the plan pushes the state at
// that moment. Server timestamps are the wall clock of the run, so everything the
// market spread over four years reaches the server within minutes (see the report).
import type { IdentityStrength } from '@assay/signals';
import { type Market, MARKET_RULES, PROJECT_DAYS, type SimOutcome, type SimProject, type SimReference, type SimVendor } from './market';

/** One password for every simulated account (they live in a scratch database). */
export const SIMULATED_PASSWORD = 'lemons-market-via-api-2026!';

/** Admins who accredit reviewers, read the development outbox and perform spot checks (a reviewer may verify a vendor at most 3 times a year, admins too). */
export const AUDITOR_COUNT = 3;

export type Handover = 'client_alone' | 'joint' | 'vendor';
export type OutcomeResult = 'verified' | 'partially_verified' | 'refuted' | 'unverifiable';
export type Achieved = 'yes' | 'partly' | 'no';

export interface PlannedOutcome {
  marketId: string;
  metricName: string;
  unit: string;
  direction: 'higher_is_better' | 'lower_is_better';
  baselineValue: number;
  claimedValue: number;
  measuredAt: string;
  measurementMethod: 'held_out_test_set' | 'before_after_production';
  /** What the market's reviewer recorded. */
  reviewerResult: OutcomeResult;
  reviewerValue: number | null;
  /** What an admin who knows the truth records in a spot check. */
  truthResult: OutcomeResult;
  truthValue: number | null;
}

/** How a reference reacts to its emailed link, as of the market's observation date. */
export type PlannedResponse =
  | { kind: 'answer'; wouldHireAgain: boolean; handoverRating: number; inProduction: 'yes' | 'no'; outcomes: Array<{ outcomeIndex: number; achieved: Achieved }> }
  | { kind: 'decline' }
  | { kind: 'expire' }
  /** Still unanswered at the observation date: the link stays open. */
  | { kind: 'none' };

export interface PlannedReference {
  marketId: string;
  source: 'drawn' | 'nominated';
  contactName: string;
  contactEmail: string;
  /** The identity the market gave the contact; the server's identity rule must agree. */
  identity: IdentityStrength;
  /** A self-reference is refused at nomination (kept on record with no weight). */
  expectRefused: boolean;
  /** The same contact is already nominated for this case study: the server refuses the nomination (nominated) or skips the draw (drawn). */
  expectDuplicate: boolean;
  response: PlannedResponse;
}

export interface PlannedCaseStudy {
  marketId: string;
  title: string;
  clientName: string;
  clientDomain: string;
  startedOn: string;
  endedOn: string;
  productionStatus: 'poc_only' | 'in_production' | 'retired';
  productionSince: string | null;
  retiredOn: string | null;
  /** What the vendor claims about who runs it now. */
  vendorHandover: Handover;
  outcomes: PlannedOutcome[];
  /** Nominated while the case study is a draft, in this order. */
  nominations: PlannedReference[];
  /** The client the platform draws from the roster at submission (the roster holds exactly this contact then). */
  drawn: PlannedReference | null;
  /** The server refuses a submission without any usable reference (NO_REFERENCES); the case study stays a draft. */
  expectSubmitted: boolean;
  /** `verdict`: reviewed by the market's date; `claim`: a reviewer holds the task, no verdict yet. */
  verification: { kind: 'verdict' | 'claim'; reviewerIndex: number; handover: Handover; productionStatus: 'poc_only' | 'in_production' | 'retired' };
  /** An admin re-checks the verdict (some outcome was spot-checked in the market by its date). */
  spotCheck: boolean;
}

export interface PlannedVendor {
  marketId: string;
  adversarial: boolean;
  quality: number;
  ownerEmail: string;
  ownerName: string;
  organizationName: string;
  /** The vendor's own domain, verified through the emailed link (a reference there is a self-reference). */
  domain: string;
  profile: { description: string; capabilities: string[]; industries: string[]; regions: string[]; teamSize: number; rateBand: string };
  caseStudies: PlannedCaseStudy[];
}

export interface PlannedReviewer {
  marketId: string;
  email: string;
  displayName: string;
  accuracy: number;
  colluder: boolean;
}

export interface PushPlan {
  seed: number;
  marketNow: string;
  reviewers: PlannedReviewer[];
  auditors: Array<{ email: string; name: string }>;
  vendors: PlannedVendor[];
}

const CAPABILITY_KEYS = ['nlp', 'computer_vision', 'forecasting', 'recommender_systems', 'llm_applications', 'mlops', 'data_engineering', 'causal_inference'];
const INDUSTRY_KEYS = ['retail', 'finance', 'insurance', 'healthcare', 'manufacturing', 'logistics', 'energy', 'telecom'];
const REGION_KEYS = ['europe', 'north_america', 'asia_pacific'];
const RATE_BAND_KEYS = ['under_800', '800_1200', '1200_1600', '1600_2000', 'over_2000'];
const DAY_MS = 86_400_000;

/** Values as a person would type them: two decimals. */
const round2 = (x: number): number => Math.round(x * 100) / 100;
const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function improvement(direction: PlannedOutcome['direction'], baseline: number, value: number): number {
  return direction === 'higher_is_better' ? value - baseline : baseline - value;
}

/** A 1–5 handover rating on the verdict form's three levels. */
export function handoverLevel(rating: number): Handover {
  return rating >= 4 ? 'client_alone' : rating === 3 ? 'joint' : 'vendor';
}

function plannedOutcome(o: SimOutcome, index: number, project: SimProject): PlannedOutcome {
  const baselineValue = round2(o.baseline);
  const claimedValue = round2(o.claimed);
  const trueValue = round2(o.trueValue);
  let truthResult: OutcomeResult = 'unverifiable';
  if (o.status !== 'unverifiable') {
    const share = improvement(o.direction, baselineValue, trueValue) / improvement(o.direction, baselineValue, claimedValue);
    truthResult = share >= MARKET_RULES.verifiedShare ? 'verified' : share >= MARKET_RULES.supportedShare ? 'partially_verified' : 'refuted';
  }
  return {
    marketId: o.id,
    metricName: `Outcome ${index + 1} (${o.direction === 'higher_is_better' ? 'higher' : 'lower'} is better)`,
    unit: 'points',
    direction: o.direction,
    baselineValue,
    claimedValue,
    measuredAt: day(project.completedMs),
    measurementMethod: project.reachedProduction ? 'before_after_production' : 'held_out_test_set',
    reviewerResult: o.status,
    reviewerValue: o.status === 'unverifiable' || o.verifiedValue === null ? null : round2(o.verifiedValue),
    truthResult,
    truthValue: truthResult === 'unverifiable' ? null : trueValue,
  };
}

function clientDomainOf(caseStudyId: string): string {
  return `${caseStudyId}-client.example`;
}

/** An address that the server's identity rule classifies as the market says. */
function contactEmail(ref: SimReference, vendorDomain: string): string {
  const local = ref.contactHash.replace(/[^a-z0-9-]/gi, '-').toLowerCase();
  switch (ref.identityStrength) {
    case 'strong':
      return `${local}@${clientDomainOf(ref.caseStudyId)}`;
    case 'weak':
      return `${local}@gmail.com`;
    case 'self':
      return `${local}@${vendorDomain}`;
    case 'unknown':
      return `${local}@${local}-partners.example`;
  }
}

function plannedResponse(ref: SimReference, project: SimProject, nowMs: number): PlannedResponse {
  if (ref.resolvedMs > nowMs) return { kind: 'none' };
  if (ref.finalStatus === 'declined') return { kind: 'decline' };
  if (ref.finalStatus === 'expired') return { kind: 'expire' };
  return {
    kind: 'answer',
    wouldHireAgain: ref.wouldHireAgain ?? false,
    handoverRating: ref.handover ?? 3,
    inProduction: ref.inProductionNow ? 'yes' : 'no',
    outcomes: (ref.outcomeAnswers ?? []).map((a) => ({
      outcomeIndex: project.outcomes.findIndex((o) => o.id === a.outcomeId),
      achieved: a.achieved as Achieved,
    })),
  };
}

function plannedReference(ref: SimReference, project: SimProject, vendorDomain: string, nowMs: number, taken: Set<string>): PlannedReference {
  const email = contactEmail(ref, vendorDomain);
  const expectRefused = ref.identityStrength === 'self';
  const expectDuplicate = !expectRefused && taken.has(email);
  if (!expectRefused) taken.add(email);
  return {
    marketId: ref.id,
    source: ref.source,
    contactName: `Contact ${ref.id}`,
    contactEmail: email,
    identity: ref.identityStrength,
    expectRefused,
    expectDuplicate,
    response: plannedResponse(ref, project, nowMs),
  };
}

function plannedCaseStudy(market: Market, vendor: SimVendor, project: SimProject, domain: string): PlannedCaseStudy {
  const nowMs = market.nowMs;
  const retired = project.retiredMs !== undefined && project.retiredMs <= nowMs;
  const productionStatus = !project.reachedProduction ? 'poc_only' : retired ? 'retired' : 'in_production';
  // References requested after the observation date do not exist yet.
  const references = vendor.references.filter((r) => r.caseStudyId === project.caseStudyId && r.requestedMs <= nowMs);
  const taken = new Set<string>();
  const nominations = references.filter((r) => r.source === 'nominated').map((r) => plannedReference(r, project, domain, nowMs, taken));
  const drawnRef = references.find((r) => r.source === 'drawn');
  const drawn = drawnRef ? plannedReference(drawnRef, project, domain, nowMs, taken) : null;
  const usable = nominations.some((n) => !n.expectRefused && !n.expectDuplicate) || (drawn !== null && !drawn.expectDuplicate);
  const reviewerIndex = market.reviewers.findIndex((r) => r.id === project.reviewerId);
  const clientName = `Client ${project.caseStudyId}`;
  return {
    marketId: project.caseStudyId,
    title: `Project ${project.caseStudyId} for ${clientName}`,
    clientName,
    clientDomain: clientDomainOf(project.caseStudyId),
    // The market knows when a project ended; a quarter-long engagement before it is assumed.
    startedOn: day(project.completedMs - PROJECT_DAYS * DAY_MS),
    endedOn: day(project.completedMs),
    productionStatus,
    productionSince: project.goLiveMs !== undefined ? day(project.goLiveMs) : null,
    retiredOn: retired && project.retiredMs !== undefined ? day(project.retiredMs) : null,
    vendorHandover: vendor.adversarial ? 'client_alone' : handoverLevel(project.handoverTrue),
    outcomes: project.outcomes.map((o, i) => plannedOutcome(o, i, project)),
    nominations,
    drawn,
    expectSubmitted: usable,
    verification: {
      kind: project.verificationMs <= nowMs ? 'verdict' : 'claim',
      reviewerIndex,
      handover: handoverLevel(project.handoverByReviewer),
      productionStatus,
    },
    spotCheck: project.verificationMs <= nowMs && project.outcomes.some((o) => o.spotCheckedAtMs !== undefined && o.spotCheckedAtMs <= nowMs),
  };
}

/** The push plan of a market: only projects submitted by the market's observation date. */
export function planMarketPush(market: Market): PushPlan {
  const reviewers = market.reviewers.map((r, i) => ({
    marketId: r.id,
    email: `reviewer-${String(i).padStart(2, '0')}@independent-review.example`,
    displayName: `Reviewer ${r.id}`,
    accuracy: r.accuracy,
    colluder: r.colluder,
  }));
  const auditors = Array.from({ length: AUDITOR_COUNT }, (_, i) => ({ email: `admin-${i + 1}@assay-audit.example`, name: `Auditor ${i + 1}` }));
  const vendors = market.vendors.map((v, i): PlannedVendor => {
    const domain = `${v.id}-analytics.example`;
    return {
      marketId: v.id,
      adversarial: v.adversarial,
      quality: v.quality,
      ownerEmail: `owner@${domain}`,
      ownerName: `Owner of ${v.id}`,
      organizationName: `${v.id.toUpperCase()} Analytics`,
      domain,
      profile: {
        description: `Simulated consultancy ${v.id} of the lemons market (seed ${market.seed}).`,
        capabilities: [CAPABILITY_KEYS[i % CAPABILITY_KEYS.length], CAPABILITY_KEYS[(i + 3) % CAPABILITY_KEYS.length]],
        industries: [INDUSTRY_KEYS[i % INDUSTRY_KEYS.length]],
        regions: [REGION_KEYS[i % REGION_KEYS.length]],
        teamSize: 5 + (i % 20),
        rateBand: RATE_BAND_KEYS[i % RATE_BAND_KEYS.length],
      },
      caseStudies: v.projects.filter((p) => p.submittedMs <= market.nowMs).map((p) => plannedCaseStudy(market, v, p, domain)),
    };
  });
  return { seed: market.seed, marketNow: new Date(market.nowMs).toISOString(), reviewers, auditors, vendors };
}
