import type { OutcomeDirection } from '../../../gql/graphql';

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 4 });

/** The number and its unit stay on one line. */
function withUnit(value: number, unit: string): string {
  return unit.trim() ? `${numberFormat.format(value)}\u00a0${unit.trim()}` : numberFormat.format(value);
}

/** "Forecast error (WAPE) went from 32 % to 21 % (lower is better)". */
export function outcomeSentence(o: { metricName: string; unit: string; direction: OutcomeDirection; baselineValue: number; claimedValue: number }): string {
  const better = o.direction === 'lower_is_better' ? 'lower is better' : 'higher is better';
  return `${o.metricName} went from ${withUnit(o.baselineValue, o.unit)} to ${withUnit(o.claimedValue, o.unit)} (${better})`;
}
