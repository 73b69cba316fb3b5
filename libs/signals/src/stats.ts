// Small statistical building blocks. Distribution quantiles come from jStat (a
// maintained library); what remains here is arithmetic on weighted counts.
import { jStat } from 'jstat';

export interface Interval {
  mean: number;
  lower: number;
  upper: number;
}

/** Mean and equal-tailed credible interval of Beta(alpha, beta). */
export function betaSummary(alpha: number, beta: number, credibleMass: number): Interval {
  const mean = alpha / (alpha + beta);
  const tail = (1 - credibleMass) / 2;
  const lower = jStat.beta.inv(tail, alpha, beta);
  const upper = jStat.beta.inv(1 - tail, alpha, beta);
  // Guards against the last ulp of the numerical inversion: the interval must hold the mean.
  return { mean, lower: clamp(Math.min(lower, mean), 0, 1), upper: clamp(Math.max(upper, mean), 0, 1) };
}

const zCache = new Map<number, number>();
/** Standard normal quantile for the upper end of a central interval of the given mass (memoised). */
export function centralZ(credibleMass: number): number {
  let z = zCache.get(credibleMass);
  if (z === undefined) {
    z = jStat.normal.inv(1 - (1 - credibleMass) / 2, 0, 1);
    zCache.set(credibleMass, z);
  }
  return z;
}

/** A value with a weight, for weighted quantiles. */
export interface WeightedValue {
  value: number;
  weight: number;
}

/**
 * Weighted quantile of values already sorted ascending: the smallest value whose
 * cumulative weight reaches p × total weight. `skip` leaves one index out (for leave-one-out).
 */
export function weightedQuantileSorted(sorted: readonly WeightedValue[], p: number, skip = -1): number {
  let total = 0;
  for (let i = 0; i < sorted.length; i++) if (i !== skip) total += sorted[i].weight;
  const target = p * total;
  let cumulative = 0;
  let last = Number.NaN;
  for (let i = 0; i < sorted.length; i++) {
    if (i === skip || sorted[i].weight <= 0) continue;
    cumulative += sorted[i].weight;
    last = sorted[i].value;
    if (cumulative >= target - 1e-12) return last;
  }
  return last;
}

/** Evidence weight from age: halves every `halfLifeDays`; evidence dated after `now` counts as fresh. */
export function recencyWeight(ageDays: number, halfLifeDays: number): number {
  return Math.pow(0.5, Math.max(0, ageDays) / halfLifeDays);
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/**
 * Fixed-point formatting with half-up rounding, several times faster than
 * `Number.prototype.toFixed`; explanations format hundreds of numbers per vendor.
 */
export function fixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return String(x);
  const scale = digits === 0 ? 1 : digits === 1 ? 10 : digits === 2 ? 100 : Math.pow(10, digits);
  const scaled = Math.round(Math.abs(x) * scale);
  const sign = x < 0 && scaled !== 0 ? '-' : '';
  if (digits === 0) return sign + scaled;
  const whole = Math.floor(scaled / scale);
  const frac = String(scaled - whole * scale);
  return sign + whole + '.' + (frac.length < digits ? '0'.repeat(digits - frac.length) + frac : frac);
}

/** A 0..1 share as a percentage, for sentences. */
export function pct(x: number, digits = 0): string {
  return `${fixed(x * 100, digits)} %`;
}

/** Signed change in percentage points, for sentences. */
export function points(delta: number): string {
  const value = fixed(delta * 100, 1);
  return `${value.startsWith('-') ? '' : '+'}${value} pts`;
}
