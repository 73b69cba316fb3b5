import type { OutcomeDirection } from '../../../../gql/graphql';

// The same rule as `improvement` / `validateOutcomeClaim` in @assay/domain
// (libs/domain/src/outcome-claims.ts), which the server applies. The web build has
// no alias to libs/domain yet, so the two lines of arithmetic are repeated here;
// the server stays the judge, this only warns while the vendor types.

/** How much better `value` is than `baseline` in the metric's direction (negative when worse). */
export function improvement(baseline: number, value: number, direction: OutcomeDirection): number {
  return direction === 'higher_is_better' ? value - baseline : baseline - value;
}

/** A number typed into a NumberInput (which may hold '' or '1.'), or NaN. */
export function toNumber(value: number | string): number {
  if (typeof value === 'number') return value;
  return value.trim() === '' ? Number.NaN : Number(value);
}

export type ClaimAssessment =
  | { kind: 'incomplete' }
  | { kind: 'improvement'; absolute: number; relative: number | null }
  | { kind: 'not_improvement'; message: string };

/** What the claimed value says relative to the baseline, in the server's words when it is no improvement. */
export function assessClaim(baselineInput: number | string, claimedInput: number | string, direction: OutcomeDirection | ''): ClaimAssessment {
  const baseline = toNumber(baselineInput);
  const claimed = toNumber(claimedInput);
  if (!direction || !Number.isFinite(baseline) || !Number.isFinite(claimed)) return { kind: 'incomplete' };
  const gain = improvement(baseline, claimed, direction);
  if (!(gain > 0) || !Number.isFinite(gain)) {
    const comparison = direction === 'higher_is_better' ? 'higher' : 'lower';
    return {
      kind: 'not_improvement',
      message: `The claimed value (${claimed}) must be ${comparison} than the baseline (${baseline}), because ${comparison} is better for this metric.`,
    };
  }
  const relative = baseline === 0 ? null : gain / Math.abs(baseline);
  return { kind: 'improvement', absolute: gain, relative: relative !== null && Number.isFinite(relative) ? relative : null };
}

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 4 });
const percentFormat = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });

function parts(assessment: Extract<ClaimAssessment, { kind: 'improvement' }>, unit: string) {
  const amount = `${numberFormat.format(assessment.absolute)}${unit.trim() ? ` ${unit.trim()}` : ''}`;
  const relative = assessment.relative === null ? '' : ` (${percentFormat.format(assessment.relative)})`;
  return { amount, relative };
}

/** "11 % better (34.4%)": the improvement in the metric's unit, and relative to the baseline when that is not zero. */
export function formatImprovement(assessment: Extract<ClaimAssessment, { kind: 'improvement' }>, unit: string): string {
  const { amount, relative } = parts(assessment, unit);
  return `${amount} better${relative}`;
}

/** The live hint under an outcome row. */
export function describeImprovement(assessment: Extract<ClaimAssessment, { kind: 'improvement' }>, unit: string): string {
  const { amount, relative } = parts(assessment, unit);
  return `Claimed improvement: ${amount} better than the baseline${relative}.`;
}
