// The vendor's recent evidence against its earlier evidence, as numbers a page can draw:
// each window's mean delivered share with an interval, and whether the recent one departs.
import type { SignalConfig } from './config';
import type { EvidenceTrend, TrendWindow } from './prepare';
import { centralZ, clamp } from './stats';
import type { EvidenceTrendSummary, TrendWindowSummary } from './types';

/** One window: its mean and interval, or nulls when no measured outcome carries weight. */
function windowSummary(w: TrendWindow, variance: number, config: SignalConfig): TrendWindowSummary {
  if (!(w.effectiveN > 0) || !Number.isFinite(w.meanShare)) return { mean: null, lower: null, upper: null, outcomes: w.outcomes, caseStudies: w.caseStudies, effectiveN: 0 };
  // Normal approximation with the same floored, pooled spread the comparison uses.
  const half = centralZ(config.credibleMass) * Math.sqrt(variance / w.effectiveN);
  return {
    mean: w.meanShare,
    lower: clamp(w.meanShare - half, 0, 1),
    upper: clamp(w.meanShare + half, 0, 1),
    outcomes: w.outcomes,
    caseStudies: w.caseStudies,
    effectiveN: w.effectiveN,
  };
}

/**
 * The comparison behind `declining_recent_evidence`, summarised: both windows with their means
 * and 90% intervals, whether they can be compared, and whether the recent one departs (either
 * way, by the flag's thresholds) or declines (the flag itself, which also weighs the earlier
 * window down).
 */
export function trendSummary(trend: EvidenceTrend, config: SignalConfig): EvidenceTrendSummary {
  const drop = trend.earlier.meanShare - trend.recent.meanShare;
  const departs = trend.comparable && Math.abs(trend.z) >= config.trend.minZ && Math.abs(drop) >= config.trend.minDrop;
  return {
    windowDays: config.trend.recentWindowDays,
    since: new Date(trend.cutoffMs).toISOString(),
    recent: windowSummary(trend.recent, trend.variance, config),
    earlier: windowSummary(trend.earlier, trend.variance, config),
    comparable: trend.comparable,
    z: trend.z,
    departs,
    declining: trend.declining,
  };
}
