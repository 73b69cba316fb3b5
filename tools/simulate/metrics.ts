// Rank-agreement measures for the simulation report.
import { Rng } from './rng';

/** Kendall's τ-b between two paired samples (ties in either variable handled). */
export function kendallTauB(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length) throw new Error('kendallTauB: samples differ in length');
  const n = x.length;
  let concordant = 0;
  let discordant = 0;
  let tiesX = 0;
  let tiesY = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = Math.sign(x[i] - x[j]);
      const dy = Math.sign(y[i] - y[j]);
      if (dx === 0) tiesX++;
      if (dy === 0) tiesY++;
      if (dx * dy > 0) concordant++;
      else if (dx * dy < 0) discordant++;
    }
  }
  const pairs = (n * (n - 1)) / 2;
  const denominator = Math.sqrt((pairs - tiesX) * (pairs - tiesY));
  return denominator === 0 ? 0 : (concordant - discordant) / denominator;
}

/** Indices ordered by score, best first; ties broken by a seeded random key (never by index). */
export function orderByScore(scores: readonly number[], tieRng: Rng): number[] {
  const keys = scores.map(() => tieRng.next());
  return scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || keys[a] - keys[b]);
}

/** Share of the top `k` by score that belong to the true top `topShare` by quality. */
export function precisionAtK(scores: readonly number[], quality: readonly number[], k: number, topShare: number, tieRng: Rng): number {
  const trueTop = new Set(orderByScore(quality, tieRng).slice(0, Math.round(topShare * quality.length)));
  const top = orderByScore(scores, tieRng).slice(0, k);
  return top.filter((i) => trueTop.has(i)).length / top.length;
}
