// The lemons simulation: a static comparison of rankings for several adversary
// shares, and a repeated market with entry and exit. Deterministic for a seed.
import { SCORED_SIGNAL_KEYS, type ScoredSignalKey, type VendorSignals } from '@assay/signals';
import { createVendor, DAY_MS, generateMarket, MARKET_RULES, type Market, type MarketOptions, type SimVendor, addProject } from './market';
import { kendallTauB, orderByScore, precisionAtK } from './metrics';
import { assayOrder, assaySignals, BASELINE_SCORE, BASELINES, type Baseline } from './rankings';
import { Rng } from './rng';

export const ADVERSARY_SHARES = [0, 0.1, 0.25, 0.4] as const;

export const MARKET_DYNAMICS = {
  rounds: 30,
  roundDays: 30,
  buyersPerRound: 60,
  capacityPerRound: 3,
  exitAfterIdleRounds: 5,
  adversaryShare: 0.25,
};

export interface RankingQuality {
  kendallTau: number;
  precisionAt10: number;
}

export type StaticSignalName = 'assay' | Baseline;

export interface StaticResult {
  adversaryShare: number;
  signals: Record<StaticSignalName, RankingQuality>;
  /** Each Assay component (and the Assay point estimate) ranked on its own, for the report. */
  assayComponents: Record<ScoredSignalKey | 'assayLower' | 'evidenceDepth', RankingQuality>;
  vendors: number;
  adversaries: number;
}

export const MARKET_RANKINGS = ['assay', 'assayLower', 'meanStars', 'caseStudyCount', 'rawSuccessRatio', 'ceiling'] as const;
export type MarketRanking = (typeof MARKET_RANKINGS)[number];

export interface MarketResult {
  rounds: number;
  meanTrueQualityByRound: Record<MarketRanking, number[]>;
  adversarialShareHiredByRound: Record<MarketRanking, number[]>;
  exits: Record<MarketRanking, number>;
  /** Distinct vendors that won a contract in the last 10 rounds (how open the market stays). */
  distinctHiredLast10: Record<MarketRanking, number>;
}

export interface SimulationResult {
  seed: number;
  static: StaticResult[];
  market: MarketResult;
}

export interface SimulationOptions {
  vendorCount?: number;
  rounds?: number;
  /** Overrides the noise of honest star reviews (sensitivity analysis only). */
  starNoiseSd?: number;
  onProgress?: (step: string) => void;
}

function quality(scores: readonly number[], q: readonly number[], tieRng: Rng): RankingQuality {
  return { kendallTau: kendallTauB(scores, q), precisionAt10: precisionAtK(scores, q, 10, 0.2, tieRng) };
}

/** Static comparison for one adversary share. */
export function staticComparison(seed: number, adversaryShare: number, opts: Partial<MarketOptions> = {}): StaticResult {
  const market = generateMarket(seed, { ...opts, adversaryShare });
  const q = market.vendors.map((v) => v.quality);
  const signals = assaySignals(market, market.vendors, market.nowMs);
  const tie = (label: string): Rng => Rng.for(seed, `tie:static:${adversaryShare}:${label}`);
  // Assay's ranking position (from the library's rankVendors) as a score: earlier is better.
  const order = assayOrder(signals);
  const position = new Map(order.map((id, i) => [id, order.length - i]));
  const assayScore = market.vendors.map((v) => position.get(v.id) ?? 0);
  const result = { assay: quality(assayScore, q, tie('assay')) } as Record<StaticSignalName, RankingQuality>;
  for (const b of BASELINES) result[b] = quality(market.vendors.map((v) => BASELINE_SCORE[b](v, market.nowMs)), q, tie(b));
  const component = (pick: (s: VendorSignals) => number, label: string): RankingQuality => quality(signals.map(pick), q, tie(label));
  const assayComponents = {
    assayLower: component((s) => s.assay.lower, 'assayLower'),
    evidenceDepth: component((s) => s.evidenceDepth.mean, 'evidenceDepth'),
  } as StaticResult['assayComponents'];
  for (const key of SCORED_SIGNAL_KEYS) assayComponents[key] = component((s) => s[key].lower, key);
  return {
    adversaryShare,
    signals: result,
    assayComponents,
    vendors: market.vendors.length,
    adversaries: market.vendors.filter((v) => v.adversarial).length,
  };
}

/** Orders active vendors for one round under a ranking; best first. */
function roundOrder(ranking: MarketRanking, market: Market, active: readonly SimVendor[], everyone: readonly SimVendor[], nowMs: number, tieRng: Rng): SimVendor[] {
  if (ranking === 'assay' || ranking === 'assayLower') {
    const byId = new Map(active.map((v) => [v.id, v]));
    // `assay` is the product's default order (the point estimate); `assayLower` the cautious sort.
    const sort = ranking === 'assay' ? 'assay_mean' : 'assay_lower';
    return assayOrder(assaySignals(market, active, nowMs, everyone), sort).map((id) => byId.get(id) as SimVendor);
  }
  const scores = active.map((v) => BASELINE_SCORE[ranking](v, nowMs));
  return orderByScore(scores, tieRng).map((i) => active[i]);
}

/** The repeated market under one ranking: buyers hire the best-ranked vendor with capacity. */
export function repeatedMarket(
  seed: number,
  ranking: MarketRanking,
  opts: SimulationOptions = {},
): { quality: number[]; adversarial: number[]; exits: number; distinctHiredLast10: number } {
  const rounds = opts.rounds ?? MARKET_DYNAMICS.rounds;
  const market = generateMarket(seed, {
    adversaryShare: MARKET_DYNAMICS.adversaryShare,
    ...(opts.vendorCount === undefined ? {} : { vendorCount: opts.vendorCount }),
    ...(opts.starNoiseSd === undefined ? {} : { starNoiseSd: opts.starNoiseSd }),
  });
  const everyone: SimVendor[] = [...market.vendors];
  let active: SimVendor[] = [...market.vendors];
  const idle = new Map<string, number>(active.map((v) => [v.id, 0]));
  let entrants = 0;
  let exits = 0;
  const qualityByRound: number[] = [];
  const adversarialByRound: number[] = [];
  const recentlyHired = new Set<string>();
  for (let round = 1; round <= rounds; round++) {
    const nowMs = market.nowMs + (round - 1) * MARKET_DYNAMICS.roundDays * DAY_MS;
    const order = roundOrder(ranking, market, active, everyone, nowMs, Rng.for(seed, `tie:market:${ranking}:${round}`));
    const contracts = new Map<SimVendor, number>();
    let buyer = 0;
    for (const vendor of order) {
      while (buyer < MARKET_DYNAMICS.buyersPerRound && (contracts.get(vendor) ?? 0) < MARKET_DYNAMICS.capacityPerRound) {
        contracts.set(vendor, (contracts.get(vendor) ?? 0) + 1);
        buyer++;
      }
      if (buyer >= MARKET_DYNAMICS.buyersPerRound) break;
    }
    let qualitySum = 0;
    let adversarialCount = 0;
    for (const [vendor, n] of contracts) {
      if (round > rounds - 10) recentlyHired.add(vendor.id);
      qualitySum += vendor.quality * n;
      if (vendor.adversarial) adversarialCount += n;
      for (let k = 0; k < n; k++) {
        // Common random numbers: the same vendor's k-th contract of a round is the same project under every ranking.
        const rng = Rng.for(seed, `contract:${vendor.id}:${round}:${k}`);
        const completedMs = nowMs + rng.uniform(0, 3) * DAY_MS;
        addProject(market, vendor, rng, {
          completedMs,
          submittedMs: completedMs + rng.uniform(0, 2) * DAY_MS,
          verificationDelayDays: MARKET_RULES.contractVerificationDelayDays,
        });
      }
    }
    qualityByRound.push(qualitySum / Math.max(1, buyer));
    adversarialByRound.push(adversarialCount / Math.max(1, buyer));
    const nextRoundMs = nowMs + MARKET_DYNAMICS.roundDays * DAY_MS;
    const stay: SimVendor[] = [];
    for (const vendor of active) {
      const idleRounds = contracts.has(vendor) ? 0 : (idle.get(vendor.id) ?? 0) + 1;
      idle.set(vendor.id, idleRounds);
      if (idleRounds < MARKET_DYNAMICS.exitAfterIdleRounds) {
        stay.push(vendor);
        continue;
      }
      exits++;
      const id = `e${String(entrants).padStart(4, '0')}`;
      const adversarial = Rng.for(seed, `entrant-type:${entrants}`).bernoulli(MARKET_DYNAMICS.adversaryShare);
      entrants++;
      const entrant = createVendor(market, id, adversarial, nextRoundMs, true);
      everyone.push(entrant);
      idle.set(id, 0);
      stay.push(entrant);
    }
    active = stay;
    opts.onProgress?.(`market:${ranking}:${round}`);
  }
  return { quality: qualityByRound, adversarial: adversarialByRound, exits, distinctHiredLast10: recentlyHired.size };
}

/** Runs the whole simulation for a seed. */
export function runSimulation(seed: number, opts: SimulationOptions = {}): SimulationResult {
  const staticResults = ADVERSARY_SHARES.map((share) => {
    const r = staticComparison(seed, share, opts.vendorCount === undefined ? {} : { vendorCount: opts.vendorCount });
    opts.onProgress?.(`static:${share}`);
    return r;
  });
  const meanTrueQualityByRound = {} as Record<MarketRanking, number[]>;
  const adversarialShareHiredByRound = {} as Record<MarketRanking, number[]>;
  const exits = {} as Record<MarketRanking, number>;
  const distinctHiredLast10 = {} as Record<MarketRanking, number>;
  for (const ranking of MARKET_RANKINGS) {
    const r = repeatedMarket(seed, ranking, opts);
    meanTrueQualityByRound[ranking] = r.quality;
    adversarialShareHiredByRound[ranking] = r.adversarial;
    exits[ranking] = r.exits;
    distinctHiredLast10[ranking] = r.distinctHiredLast10;
  }
  return {
    seed,
    static: staticResults,
    market: { rounds: opts.rounds ?? MARKET_DYNAMICS.rounds, meanTrueQualityByRound, adversarialShareHiredByRound, exits, distinctHiredLast10 },
  };
}
