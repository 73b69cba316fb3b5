import fc from 'fast-check';
import {
  assessVerdict,
  SUPPORTED_OUTCOME_MIN_SHARE,
  VERIFIED_OUTCOME_MIN_SHARE,
  type ClaimForVerdict,
  type OutcomeVerification,
} from '../verdict-outcome';

// Accuracy 0 → 10 points claimed, so a verified value of v verifies v/10 of the claim.
const ACCURACY: ClaimForVerdict = { baselineValue: 0, claimedValue: 10, direction: 'higher_is_better' };
const LATENCY: ClaimForVerdict = { baselineValue: 400, claimedValue: 200, direction: 'lower_is_better' };

const verified = (verifiedValue: number): OutcomeVerification => ({ result: 'verified', verifiedValue });
const partly = (verifiedValue: number): OutcomeVerification => ({ result: 'partially_verified', verifiedValue });
const refuted: OutcomeVerification = { result: 'refuted' };
const unverifiable: OutcomeVerification = { result: 'unverifiable' };

describe(assessVerdict.name, () => {
  it('documents its thresholds', () => {
    expect(VERIFIED_OUTCOME_MIN_SHARE).toBe(0.9);
    expect(SUPPORTED_OUTCOME_MIN_SHARE).toBe(0.1);
  });

  it('verifies a case study whose every outcome was verified in full', () => {
    expect(assessVerdict([ACCURACY, LATENCY], [verified(10), verified(190)])).toEqual({
      ok: true,
      status: 'verified',
      outcomes: [
        { index: 0, result: 'verified', verifiedShare: 1, status: 'verified' },
        { index: 1, result: 'verified', verifiedShare: 1, status: 'verified' },
      ],
    });
  });

  it('still verifies an outcome at exactly 90 % of the claim', () => {
    expect(assessVerdict([ACCURACY], [verified(9)])).toMatchObject({ status: 'verified', outcomes: [{ verifiedShare: 0.9 }] });
  });

  it('only partially verifies an outcome the reviewer called verified at 89 % of the claim', () => {
    expect(assessVerdict([ACCURACY], [verified(8.9)])).toMatchObject({
      status: 'partially_verified',
      outcomes: [{ status: 'partially_verified', verifiedShare: 0.89 }],
    });
  });

  it('never upgrades an outcome the reviewer called partially verified', () => {
    expect(assessVerdict([ACCURACY], [partly(10)])).toMatchObject({
      status: 'partially_verified',
      outcomes: [{ status: 'partially_verified', verifiedShare: 1 }],
    });
  });

  it('partially verifies a case study with one outcome verified and one refuted', () => {
    expect(assessVerdict([ACCURACY, LATENCY], [verified(10), refuted])).toMatchObject({
      ok: true,
      status: 'partially_verified',
      outcomes: [{ status: 'verified' }, { status: 'unsupported', verifiedShare: 0 }],
    });
  });

  it('leaves a case study unverified when no outcome is supported', () => {
    expect(assessVerdict([ACCURACY, LATENCY], [refuted, unverifiable])).toMatchObject({
      ok: true,
      status: 'unverified',
      outcomes: [
        { result: 'refuted', status: 'unsupported', verifiedShare: 0 },
        { result: 'unverifiable', status: 'unsupported', verifiedShare: 0 },
      ],
    });
  });

  it('counts a sliver of the claim as unsupported and exactly 10 % as partial support', () => {
    expect(assessVerdict([ACCURACY], [partly(0.9)])).toMatchObject({ status: 'unverified', outcomes: [{ verifiedShare: 0.09 }] });
    expect(assessVerdict([ACCURACY], [partly(1)])).toMatchObject({ status: 'partially_verified' });
  });

  it('computes shares for lower-is-better metrics', () => {
    // 400 → 200 ms claimed, 300 ms verified: half the claimed improvement.
    expect(assessVerdict([LATENCY], [partly(300)])).toMatchObject({ outcomes: [{ verifiedShare: 0.5 }] });
  });

  it('gives a refuted outcome no credit even when a measured value is recorded', () => {
    expect(assessVerdict([ACCURACY], [{ result: 'refuted', verifiedValue: 8 }])).toMatchObject({
      status: 'unverified',
      outcomes: [{ verifiedShare: 0 }],
    });
  });

  describe('refusing malformed verdicts', () => {
    it('needs a result for every outcome', () => {
      expect(assessVerdict([ACCURACY, LATENCY], [verified(10)])).toEqual({
        ok: false,
        errors: [
          {
            field: 'outcomes',
            code: 'VERDICT_OUTCOME_COUNT_MISMATCH',
            message: 'Record a result for each of the 2 outcomes (1 given).',
          },
        ],
      });
    });

    it('needs at least one outcome', () => {
      expect(assessVerdict([], [])).toMatchObject({ ok: false, errors: [{ code: 'VERDICT_OUTCOMES_MISSING' }] });
    });

    it('needs the verified value of a verified or partially verified outcome', () => {
      const missing = { result: 'partially_verified' } as unknown as OutcomeVerification;
      expect(assessVerdict([ACCURACY, LATENCY], [verified(10), missing])).toEqual({
        ok: false,
        errors: [
          {
            field: 'outcomes[1].verifiedValue',
            code: 'VERDICT_VALUE_REQUIRED',
            message: 'Record the value you were able to verify for this outcome.',
          },
        ],
      });
    });

    it('refuses a verified value that is not a finite number', () => {
      expect(assessVerdict([ACCURACY], [verified(Infinity)])).toMatchObject({
        ok: false,
        errors: [{ field: 'outcomes[0].verifiedValue', code: 'VERDICT_VALUE_NOT_FINITE' }],
      });
    });

    it('refuses a result it does not know', () => {
      const unknown = { result: 'looks_fine' } as unknown as OutcomeVerification;
      expect(assessVerdict([ACCURACY], [unknown])).toMatchObject({
        ok: false,
        errors: [{ field: 'outcomes[0].result', code: 'VERDICT_RESULT_INVALID' }],
      });
    });
  });

  describe('properties', () => {
    const claim = fc
      .tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-3, max: 1e6, noNaN: true }), fc.boolean())
      .map(([baseline, gain, higher]): ClaimForVerdict =>
        higher
          ? { baselineValue: baseline, claimedValue: baseline + gain, direction: 'higher_is_better' }
          : { baselineValue: baseline, claimedValue: baseline - gain, direction: 'lower_is_better' },
      );
    const verification = fc.oneof(
      fc.record({ result: fc.constantFrom('verified' as const, 'partially_verified' as const), verifiedValue: fc.double({ min: -2e6, max: 2e6, noNaN: true }) }),
      fc.constant(refuted),
      fc.constant(unverifiable),
    );
    const verdict = fc
      .array(fc.tuple(claim, verification), { minLength: 1, maxLength: 10 })
      .map((pairs) => ({ claims: pairs.map(([c]) => c), verifications: pairs.map(([, v]) => v) }));

    it('derives the overall status from the outcome statuses', () => {
      fc.assert(
        fc.property(verdict, ({ claims, verifications }) => {
          const result = assessVerdict(claims, verifications);
          if (!result.ok) throw new Error('expected a valid verdict');
          const statuses = result.outcomes.map((o) => o.status);
          const expected = statuses.every((s) => s === 'verified')
            ? 'verified'
            : statuses.every((s) => s === 'unsupported')
              ? 'unverified'
              : 'partially_verified';
          expect(result.status).toBe(expected);
          for (const outcome of result.outcomes) {
            expect(outcome.verifiedShare).toBeGreaterThanOrEqual(0);
            expect(outcome.verifiedShare).toBeLessThanOrEqual(1);
            if (outcome.status === 'verified') expect(outcome.result).toBe('verified');
          }
        }),
      );
    });

    it('never verifies a case study with a refuted or unverifiable outcome', () => {
      fc.assert(
        fc.property(verdict, fc.constantFrom(refuted, unverifiable), ({ claims, verifications }, failed) => {
          const result = assessVerdict([...claims, ACCURACY], [...verifications, failed]);
          expect(result).toMatchObject({ ok: true });
          expect(result.ok && result.status).not.toBe('verified');
        }),
      );
    });
  });
});
