import type { OutcomeDirection } from '../../../gql/graphql';

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 4 });
const percentFormat = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 0 });

/** `21 %`, `310 ms`, `0.82` — a value with its unit, as people write it (never split across lines). */
export function withUnit(value: number, unit: string): string {
  return unit.trim() ? `${numberFormat.format(value)}\u00a0${unit.trim()}` : numberFormat.format(value);
}

/** "32 % → 21 %". */
export function claimRange(o: { baselineValue: number; claimedValue: number; unit: string }): string {
  return `${withUnit(o.baselineValue, o.unit)} → ${withUnit(o.claimedValue, o.unit)}`;
}

/** "95 %" of the claimed improvement. */
export function formatShare(share: number): string {
  return percentFormat.format(share);
}

// The share rule of @assay/domain (`verifiedShare`), repeated because the web build has no
// alias to libs/domain; the server stays the judge, this only previews while the reviewer types.

/** Verified improvement ÷ claimed improvement, clipped to 0..1; null when it cannot be computed. */
export function previewShare(o: { baselineValue: number; claimedValue: number; direction: OutcomeDirection }, verified: number): number | null {
  const gain = (value: number) => (o.direction === 'higher_is_better' ? value - o.baselineValue : o.baselineValue - value);
  const claimed = gain(o.claimedValue);
  if (!Number.isFinite(verified) || !(claimed > 0)) return null;
  return Math.min(1, Math.max(0, gain(verified) / claimed));
}
