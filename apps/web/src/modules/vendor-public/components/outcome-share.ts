/** An outcome as the API returns it on case studies and comparisons. */
export interface OutcomeLike {
  metricName: string;
  unit: string;
  baselineValue: number;
  claimedValue: number;
  verifiedValue?: number | null;
  verificationStatus: string;
  /** `higher_is_better` or `lower_is_better` (absent on older queries). */
  direction?: string;
}

/** "baseline 45 days → claimed 4 days → verified 8 days (lower is better)". */
export function outcomeLine(o: OutcomeLike): string {
  const parts = [`baseline ${formatValue(o.baselineValue, o.unit)}`, `claimed ${formatValue(o.claimedValue, o.unit)}`];
  if (o.verifiedValue != null) parts.push(`verified ${formatValue(o.verifiedValue, o.unit)}`);
  const direction = o.direction === 'lower_is_better' ? ' (lower is better)' : o.direction === 'higher_is_better' ? ' (higher is better)' : '';
  return `${parts.join(' → ')}${direction}`;
}

/**
 * How much of the claimed improvement verification found, as a share (1 = all of it).
 * Direction does not matter: both improvements are measured from the same baseline.
 * Null when nothing was verified yet or the claim was no change.
 */
export function verifiedShare(o: OutcomeLike): number | null {
  if (o.verifiedValue == null) return null;
  const claimed = o.claimedValue - o.baselineValue;
  if (claimed === 0) return null;
  return (o.verifiedValue - o.baselineValue) / claimed;
}

export function formatValue(value: number | null | undefined, unit: string): string {
  if (value == null) return 'not verified';
  const n = Number.isInteger(value) ? value.toString() : value.toFixed(2).replace(/\.?0+$/, '');
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
}
