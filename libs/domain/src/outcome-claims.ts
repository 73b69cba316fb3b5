import { parseIsoDate } from './dates';
import { codePointLength, isBlank, type FieldError } from './result';

export const METRIC_DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const;
export type MetricDirection = (typeof METRIC_DIRECTIONS)[number];

export const MEASUREMENT_METHODS = ['held_out_test_set', 'ab_test', 'before_after_production', 'other'] as const;
export type MeasurementMethod = (typeof MEASUREMENT_METHODS)[number];

export const OUTCOME_CLAIM_LIMITS = {
  minOutcomes: 1,
  maxOutcomes: 10,
  metricNameMaxLength: 120,
  unitMaxLength: 40,
  methodNoteMaxLength: 500,
} as const;

export interface OutcomeClaimInput {
  metricName: string;
  unit: string;
  direction: MetricDirection;
  baselineValue: number;
  claimedValue: number;
  /** ISO date (`2024-03-31`) or date-time with offset. */
  measuredAt: string;
  measurementMethod: MeasurementMethod;
  /** How it was measured; required when `measurementMethod` is `other`. */
  methodNote?: string | null;
}

/** A validated claim: strings trimmed, a blank note turned into null. */
export interface OutcomeClaim extends OutcomeClaimInput {
  methodNote: string | null;
}

export type OutcomeClaimErrorCode =
  | 'OUTCOMES_TOO_FEW'
  | 'OUTCOMES_TOO_MANY'
  | 'OUTCOME_FIELD_REQUIRED'
  | 'OUTCOME_FIELD_TOO_LONG'
  | 'OUTCOME_DIRECTION_INVALID'
  | 'OUTCOME_METHOD_INVALID'
  | 'OUTCOME_VALUE_NOT_FINITE'
  | 'OUTCOME_NOT_AN_IMPROVEMENT'
  | 'OUTCOME_DATE_INVALID'
  | 'OUTCOME_DATE_IN_FUTURE';

export type OutcomeClaimFieldError = FieldError<OutcomeClaimErrorCode>;

export type OutcomeClaimsValidation =
  | { ok: true; outcomes: OutcomeClaim[] }
  | { ok: false; errors: OutcomeClaimFieldError[] };

// A date without a time is a calendar day somewhere on Earth; it is only "in the
// future" once it has not started yet in any time zone (the earliest is UTC+14).
const EARLIEST_TIME_ZONE_OFFSET_MS = 14 * 60 * 60 * 1000;

/** Checks a case study's outcome claims; every problem is reported against its field path. */
export function validateOutcomeClaims(
  outcomes: readonly OutcomeClaimInput[] | null | undefined,
  now: Date,
): OutcomeClaimsValidation {
  const list = outcomes ?? [];
  const { minOutcomes, maxOutcomes } = OUTCOME_CLAIM_LIMITS;
  if (list.length < minOutcomes) {
    return {
      ok: false,
      errors: [
        {
          field: 'outcomes',
          code: 'OUTCOMES_TOO_FEW',
          message: 'Add at least one measured outcome; a case study is verified against its outcomes.',
        },
      ],
    };
  }
  if (list.length > maxOutcomes) {
    return {
      ok: false,
      errors: [
        {
          field: 'outcomes',
          code: 'OUTCOMES_TOO_MANY',
          message: `A case study can state at most ${maxOutcomes} outcomes; this one has ${list.length}. Keep the ones that matter most.`,
        },
      ],
    };
  }
  const errors = list.flatMap((claim, index) => validateOutcomeClaim(claim, `outcomes[${index}]`, now));
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, outcomes: list.map(normalizeOutcomeClaim) };
}

/** Checks one outcome claim; `path` prefixes the field names (e.g. `outcomes[1]`). */
export function validateOutcomeClaim(
  claim: OutcomeClaimInput,
  path: string,
  now: Date,
): OutcomeClaimFieldError[] {
  const errors: OutcomeClaimFieldError[] = [];
  const add = (field: string, code: OutcomeClaimErrorCode, message: string) =>
    errors.push({ field: `${path}.${field}`, code, message });
  const { metricNameMaxLength, unitMaxLength, methodNoteMaxLength } = OUTCOME_CLAIM_LIMITS;

  if (isBlank(claim.metricName)) {
    add('metricName', 'OUTCOME_FIELD_REQUIRED', 'Name the metric, for example “F1 score” or “forecast error (MAPE)”.');
  } else if (codePointLength(claim.metricName.trim()) > metricNameMaxLength) {
    add('metricName', 'OUTCOME_FIELD_TOO_LONG', `Keep the metric name to ${metricNameMaxLength} characters or fewer.`);
  }

  if (isBlank(claim.unit)) {
    add(
      'unit',
      'OUTCOME_FIELD_REQUIRED',
      'Give the unit the values are in, for example “%”, “ms” or “EUR per month” (use “ratio” for a number without a unit).',
    );
  } else if (codePointLength(claim.unit.trim()) > unitMaxLength) {
    add('unit', 'OUTCOME_FIELD_TOO_LONG', `Keep the unit to ${unitMaxLength} characters or fewer.`);
  }

  const directionValid = (METRIC_DIRECTIONS as readonly unknown[]).includes(claim.direction);
  if (!directionValid) {
    add('direction', 'OUTCOME_DIRECTION_INVALID', 'Say whether higher or lower values are better for this metric.');
  }

  const baselineFinite = Number.isFinite(claim.baselineValue);
  const claimedFinite = Number.isFinite(claim.claimedValue);
  if (!baselineFinite) add('baselineValue', 'OUTCOME_VALUE_NOT_FINITE', 'Enter the baseline as a finite number.');
  if (!claimedFinite) add('claimedValue', 'OUTCOME_VALUE_NOT_FINITE', 'Enter the claimed value as a finite number.');
  if (baselineFinite && claimedFinite && directionValid) {
    const gain = improvement(claim.baselineValue, claim.claimedValue, claim.direction);
    if (!Number.isFinite(gain)) {
      add(
        'claimedValue',
        'OUTCOME_VALUE_NOT_FINITE',
        'The difference between the baseline and the claimed value is too large to work with.',
      );
    } else if (gain <= 0) {
      const comparison = claim.direction === 'higher_is_better' ? 'higher' : 'lower';
      add(
        'claimedValue',
        'OUTCOME_NOT_AN_IMPROVEMENT',
        `The claimed value (${claim.claimedValue}) must be ${comparison} than the baseline (${claim.baselineValue}), because ${comparison} is better for this metric.`,
      );
    }
  }

  const measuredAtError = describeMeasuredAtProblem(claim.measuredAt, now);
  if (measuredAtError) add('measuredAt', measuredAtError.code, measuredAtError.message);

  const methodValid = (MEASUREMENT_METHODS as readonly unknown[]).includes(claim.measurementMethod);
  if (!methodValid) {
    add(
      'measurementMethod',
      'OUTCOME_METHOD_INVALID',
      'Choose how the outcome was measured: held-out test set, A/B test, before/after in production, or other.',
    );
  }

  const note = claim.methodNote;
  if (note !== null && note !== undefined && typeof note !== 'string') {
    add('methodNote', 'OUTCOME_FIELD_REQUIRED', 'Describe the measurement method in words.');
  } else if (isBlank(note)) {
    if (claim.measurementMethod === 'other') {
      add('methodNote', 'OUTCOME_FIELD_REQUIRED', 'Describe in a sentence how this outcome was measured.');
    }
  } else if (codePointLength((note as string).trim()) > methodNoteMaxLength) {
    add('methodNote', 'OUTCOME_FIELD_TOO_LONG', `Keep the method note to ${methodNoteMaxLength} characters or fewer.`);
  }
  return errors;
}

function describeMeasuredAtProblem(
  measuredAt: string,
  now: Date,
): { code: OutcomeClaimErrorCode; message: string } | null {
  if (isBlank(measuredAt)) {
    return { code: 'OUTCOME_FIELD_REQUIRED', message: 'Give the date the outcome was measured, for example 2024-03-31.' };
  }
  const parsed = parseIsoDate(measuredAt);
  if (parsed === null) {
    return {
      code: 'OUTCOME_DATE_INVALID',
      message: `“${measuredAt.trim()}” is not a date; write it as year-month-day, for example 2024-03-31.`,
    };
  }
  const latestAllowed = now.getTime() + (parsed.dateOnly ? EARLIEST_TIME_ZONE_OFFSET_MS : 0);
  if (parsed.date.getTime() > latestAllowed) {
    return {
      code: 'OUTCOME_DATE_IN_FUTURE',
      message: `The measurement date (${measuredAt.trim()}) is in the future; an outcome can only be claimed once it has been measured.`,
    };
  }
  return null;
}

function normalizeOutcomeClaim(claim: OutcomeClaimInput): OutcomeClaim {
  const note = typeof claim.methodNote === 'string' ? claim.methodNote.trim() : '';
  return {
    metricName: claim.metricName.trim(),
    unit: claim.unit.trim(),
    direction: claim.direction,
    baselineValue: claim.baselineValue,
    claimedValue: claim.claimedValue,
    measuredAt: claim.measuredAt.trim(),
    measurementMethod: claim.measurementMethod,
    methodNote: note === '' ? null : note,
  };
}

/** How much better `value` is than `baseline` in the metric's direction (negative when worse). */
export function improvement(baseline: number, value: number, direction: MetricDirection): number {
  return direction === 'higher_is_better' ? value - baseline : baseline - value;
}

/**
 * Improvement as a fraction of the baseline's magnitude (0.25 = 25 % better).
 * Null when the baseline is zero or the result is not a finite number.
 */
export function relativeImprovement(baseline: number, value: number, direction: MetricDirection): number | null {
  if (baseline === 0) return null;
  const relative = improvement(baseline, value, direction) / Math.abs(baseline);
  return Number.isFinite(relative) ? relative : null;
}

/**
 * Verified improvement ÷ claimed improvement, clipped to 0..1: the share of a
 * claim that survived verification. 0 when the claim was no improvement at all
 * or any input is not a finite number.
 */
export function verifiedShare(
  baseline: number,
  claimed: number,
  verified: number,
  direction: MetricDirection,
): number {
  if (!Number.isFinite(baseline) || !Number.isFinite(claimed) || !Number.isFinite(verified)) return 0;
  const claimedGain = improvement(baseline, claimed, direction);
  if (!(claimedGain > 0) || !Number.isFinite(claimedGain)) return 0;
  const share = improvement(baseline, verified, direction) / claimedGain;
  if (Number.isNaN(share)) return 0;
  return Math.min(1, Math.max(0, share));
}
