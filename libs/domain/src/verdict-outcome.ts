import type { VerdictStatus } from './case-study-workflow';
import type { OutcomeClaimInput } from './outcome-claims';
import { verifiedShare } from './outcome-claims';
import type { FieldError } from './result';

/**
 * An outcome counts as verified when the reviewer says so and at least 90 % of
 * the claimed improvement was verified: rounding and re-measurement noise should
 * not cost a vendor the label, a tenth of the claim missing should.
 */
export const VERIFIED_OUTCOME_MIN_SHARE = 0.9;
/**
 * An outcome counts as (partly) supported when at least 10 % of the claimed
 * improvement was verified; below that the claim is essentially unsupported,
 * and calling it "partially verified" would flatter a tenfold exaggeration.
 */
export const SUPPORTED_OUTCOME_MIN_SHARE = 0.1;

export const OUTCOME_VERIFICATION_RESULTS = ['verified', 'partially_verified', 'refuted', 'unverifiable'] as const;
export type OutcomeVerificationResult = (typeof OUTCOME_VERIFICATION_RESULTS)[number];

/** What a reviewer recorded for one outcome, in the same order as the claims. */
export type OutcomeVerification =
  | { result: 'verified' | 'partially_verified'; verifiedValue: number }
  /** The claim is false; a measured value may be recorded for the record but earns no credit. */
  | { result: 'refuted'; verifiedValue?: number | null }
  | { result: 'unverifiable' };

export type ClaimForVerdict = Pick<OutcomeClaimInput, 'baselineValue' | 'claimedValue' | 'direction'>;

/** Per outcome: verified, partly supported, or not supported at all. */
export type OutcomeVerdictStatus = 'verified' | 'partially_verified' | 'unsupported';

export interface OutcomeVerdict {
  index: number;
  result: OutcomeVerificationResult;
  /** Verified improvement ÷ claimed improvement, 0..1; 0 for refuted and unverifiable outcomes. */
  verifiedShare: number;
  status: OutcomeVerdictStatus;
}

export type VerdictErrorCode =
  | 'VERDICT_OUTCOMES_MISSING'
  | 'VERDICT_OUTCOME_COUNT_MISMATCH'
  | 'VERDICT_RESULT_INVALID'
  | 'VERDICT_VALUE_REQUIRED'
  | 'VERDICT_VALUE_NOT_FINITE';

export type VerdictAssessment =
  | { ok: true; status: VerdictStatus; outcomes: OutcomeVerdict[] }
  | { ok: false; errors: FieldError<VerdictErrorCode>[] };

/**
 * Turns a reviewer's per-outcome results into the case study's status:
 * every outcome verified → `verified`; no outcome supported → `unverified`;
 * anything in between → `partially_verified`. Per outcome, the stricter of
 * the reviewer's judgement and the numbers wins: a "verified" outcome whose
 * verified value falls short of 90 % of the claim is only partially verified,
 * and a "partially verified" one never becomes verified.
 */
export function assessVerdict(
  claims: readonly ClaimForVerdict[],
  verifications: readonly OutcomeVerification[],
): VerdictAssessment {
  const errors = validateVerifications(claims, verifications);
  if (errors.length > 0) return { ok: false, errors };

  const outcomes = claims.map((claim, index) => assessOutcome(claim, verifications[index], index));
  const status: VerdictStatus = outcomes.every((o) => o.status === 'verified')
    ? 'verified'
    : outcomes.every((o) => o.status === 'unsupported')
      ? 'unverified'
      : 'partially_verified';
  return { ok: true, status, outcomes };
}

function assessOutcome(claim: ClaimForVerdict, verification: OutcomeVerification, index: number): OutcomeVerdict {
  if (verification.result === 'refuted' || verification.result === 'unverifiable') {
    return { index, result: verification.result, verifiedShare: 0, status: 'unsupported' };
  }
  const share = verifiedShare(claim.baselineValue, claim.claimedValue, verification.verifiedValue, claim.direction);
  const status: OutcomeVerdictStatus =
    verification.result === 'verified' && share >= VERIFIED_OUTCOME_MIN_SHARE
      ? 'verified'
      : share >= SUPPORTED_OUTCOME_MIN_SHARE
        ? 'partially_verified'
        : 'unsupported';
  return { index, result: verification.result, verifiedShare: share, status };
}

function validateVerifications(
  claims: readonly ClaimForVerdict[],
  verifications: readonly OutcomeVerification[],
): FieldError<VerdictErrorCode>[] {
  if (claims.length === 0) {
    return [{ field: 'outcomes', code: 'VERDICT_OUTCOMES_MISSING', message: 'There are no outcomes to give a verdict on.' }];
  }
  if (verifications.length !== claims.length) {
    return [
      {
        field: 'outcomes',
        code: 'VERDICT_OUTCOME_COUNT_MISMATCH',
        message: `Record a result for each of the ${claims.length} outcomes (${verifications.length} given).`,
      },
    ];
  }
  const errors: FieldError<VerdictErrorCode>[] = [];
  verifications.forEach((verification, index) => {
    const path = `outcomes[${index}]`;
    const raw = verification as unknown as Record<string, unknown> | null;
    if (raw === null || !(OUTCOME_VERIFICATION_RESULTS as readonly unknown[]).includes(raw.result)) {
      errors.push({
        field: `${path}.result`,
        code: 'VERDICT_RESULT_INVALID',
        message: 'Choose verified, partially verified, refuted or unverifiable for this outcome.',
      });
      return;
    }
    const value = raw.verifiedValue;
    const valueRequired = raw.result === 'verified' || raw.result === 'partially_verified';
    if (value === undefined || value === null) {
      if (valueRequired) {
        errors.push({
          field: `${path}.verifiedValue`,
          code: 'VERDICT_VALUE_REQUIRED',
          message: 'Record the value you were able to verify for this outcome.',
        });
      }
    } else if (typeof value !== 'number' || !Number.isFinite(value)) {
      errors.push({
        field: `${path}.verifiedValue`,
        code: 'VERDICT_VALUE_NOT_FINITE',
        message: 'Enter the verified value as a finite number.',
      });
    }
  });
  return errors;
}
