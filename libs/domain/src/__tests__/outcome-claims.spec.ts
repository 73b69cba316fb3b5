import fc from 'fast-check';
import {
  improvement,
  OUTCOME_CLAIM_LIMITS,
  relativeImprovement,
  validateOutcomeClaims,
  verifiedShare,
  type MetricDirection,
  type OutcomeClaimInput,
} from '../outcome-claims';

const NOW = new Date('2024-06-15T12:00:00Z');

function anOutcome(overrides: Partial<OutcomeClaimInput> = {}): OutcomeClaimInput {
  return {
    metricName: 'Forecast error (MAPE)',
    unit: '%',
    direction: 'lower_is_better',
    baselineValue: 18.4,
    claimedValue: 11.2,
    measuredAt: '2024-03-31',
    measurementMethod: 'held_out_test_set',
    methodNote: null,
    ...overrides,
  };
}

/** Validates `[valid, candidate]`, so paths prove the index is reported. */
function errorsForSecond(overrides: Partial<OutcomeClaimInput>) {
  const result = validateOutcomeClaims([anOutcome(), anOutcome(overrides)], NOW);
  return result.ok ? [] : result.errors;
}

describe('outcome claims', () => {
  it('accepts a well-formed claim and tidies its strings', () => {
    const result = validateOutcomeClaims(
      [anOutcome({ metricName: '  Churn rate ', unit: ' % ', methodNote: '   ', measuredAt: ' 2024-03-31 ' })],
      NOW,
    );
    expect(result).toEqual({
      ok: true,
      outcomes: [
        anOutcome({ metricName: 'Churn rate', unit: '%', methodNote: null, measuredAt: '2024-03-31' }),
      ],
    });
  });

  describe('number of outcomes', () => {
    it('refuses a case study without outcomes', () => {
      for (const outcomes of [[], null, undefined]) {
        expect(validateOutcomeClaims(outcomes, NOW)).toEqual({
          ok: false,
          errors: [expect.objectContaining({ field: 'outcomes', code: 'OUTCOMES_TOO_FEW' })],
        });
      }
    });

    it('accepts exactly ten outcomes and refuses eleven', () => {
      const ten = Array.from({ length: OUTCOME_CLAIM_LIMITS.maxOutcomes }, () => anOutcome());
      expect(validateOutcomeClaims(ten, NOW).ok).toBe(true);
      expect(validateOutcomeClaims([...ten, anOutcome()], NOW)).toEqual({
        ok: false,
        errors: [
          {
            field: 'outcomes',
            code: 'OUTCOMES_TOO_MANY',
            message: 'A case study can state at most 10 outcomes; this one has 11. Keep the ones that matter most.',
          },
        ],
      });
    });
  });

  describe('values', () => {
    it.each([NaN, Infinity, -Infinity])('refuses a baseline of %p', (value) => {
      expect(errorsForSecond({ baselineValue: value })).toEqual([
        expect.objectContaining({ field: 'outcomes[1].baselineValue', code: 'OUTCOME_VALUE_NOT_FINITE' }),
      ]);
    });

    it.each([NaN, Infinity, -Infinity])('refuses a claimed value of %p', (value) => {
      expect(errorsForSecond({ claimedValue: value })).toEqual([
        expect.objectContaining({ field: 'outcomes[1].claimedValue', code: 'OUTCOME_VALUE_NOT_FINITE' }),
      ]);
    });

    it('refuses a missing value sent as null', () => {
      expect(errorsForSecond({ claimedValue: null as unknown as number })).toEqual([
        expect.objectContaining({ field: 'outcomes[1].claimedValue', code: 'OUTCOME_VALUE_NOT_FINITE' }),
      ]);
    });

    it('refuses a claimed value equal to the baseline', () => {
      expect(errorsForSecond({ direction: 'higher_is_better', baselineValue: 0.8, claimedValue: 0.8 })).toEqual([
        {
          field: 'outcomes[1].claimedValue',
          code: 'OUTCOME_NOT_AN_IMPROVEMENT',
          message: 'The claimed value (0.8) must be higher than the baseline (0.8), because higher is better for this metric.',
        },
      ]);
    });

    it('refuses a lower-is-better metric that went up', () => {
      expect(errorsForSecond({ direction: 'lower_is_better', baselineValue: 120, claimedValue: 140 })).toEqual([
        expect.objectContaining({
          field: 'outcomes[1].claimedValue',
          code: 'OUTCOME_NOT_AN_IMPROVEMENT',
          message: expect.stringContaining('must be lower than the baseline (120)'),
        }),
      ]);
    });

    it('accepts an improvement in either direction, including through zero', () => {
      expect(errorsForSecond({ direction: 'higher_is_better', baselineValue: -3, claimedValue: 2 })).toEqual([]);
      expect(errorsForSecond({ direction: 'lower_is_better', baselineValue: 250, claimedValue: 90 })).toEqual([]);
    });

    it('refuses a difference too large to represent', () => {
      expect(
        errorsForSecond({ direction: 'higher_is_better', baselineValue: -1.7e308, claimedValue: 1.7e308 }),
      ).toEqual([expect.objectContaining({ field: 'outcomes[1].claimedValue', code: 'OUTCOME_VALUE_NOT_FINITE' })]);
    });
  });

  describe('measurement date', () => {
    it('accepts a measurement taken exactly now', () => {
      expect(errorsForSecond({ measuredAt: NOW.toISOString() })).toEqual([]);
    });

    it('refuses a measurement one millisecond in the future', () => {
      expect(errorsForSecond({ measuredAt: '2024-06-15T12:00:00.001Z' })).toEqual([
        expect.objectContaining({ field: 'outcomes[1].measuredAt', code: 'OUTCOME_DATE_IN_FUTURE' }),
      ]);
    });

    it('accepts a date that has already begun east of UTC', () => {
      // At 12:00 UTC on 15 June it is already 16 June in UTC+14.
      expect(errorsForSecond({ measuredAt: '2024-06-16' })).toEqual([]);
    });

    it('refuses a date that has not begun anywhere', () => {
      expect(errorsForSecond({ measuredAt: '2024-06-17' })).toEqual([
        {
          field: 'outcomes[1].measuredAt',
          code: 'OUTCOME_DATE_IN_FUTURE',
          message:
            'The measurement date (2024-06-17) is in the future; an outcome can only be claimed once it has been measured.',
        },
      ]);
    });

    it.each(['yesterday', '2023-02-30', '2024-13-01', '31/03/2024', '2024-03-31T25:00:00Z', '2024-03-31T10:00'])(
      'refuses the unparsable date %p',
      (measuredAt) => {
        expect(errorsForSecond({ measuredAt })).toEqual([
          expect.objectContaining({ field: 'outcomes[1].measuredAt', code: 'OUTCOME_DATE_INVALID' }),
        ]);
      },
    );

    it('asks for a date when it is blank', () => {
      expect(errorsForSecond({ measuredAt: ' ' })).toEqual([
        expect.objectContaining({ field: 'outcomes[1].measuredAt', code: 'OUTCOME_FIELD_REQUIRED' }),
      ]);
    });
  });

  describe('names, units and notes', () => {
    it('refuses a blank metric name', () => {
      expect(errorsForSecond({ metricName: '   ' })).toEqual([
        expect.objectContaining({ field: 'outcomes[1].metricName', code: 'OUTCOME_FIELD_REQUIRED' }),
      ]);
    });

    it.each(['', '  ', undefined, null])('refuses the missing or blank unit %p', (unit) => {
      expect(errorsForSecond({ unit: unit as string })).toEqual([
        expect.objectContaining({ field: 'outcomes[1].unit', code: 'OUTCOME_FIELD_REQUIRED' }),
      ]);
    });

    it('accepts a 120-character metric name, counted in characters not UTF-16 units, and refuses 121', () => {
      expect(errorsForSecond({ metricName: '📈'.repeat(120) })).toEqual([]);
      expect(errorsForSecond({ metricName: 'm'.repeat(121) })).toEqual([
        expect.objectContaining({ field: 'outcomes[1].metricName', code: 'OUTCOME_FIELD_TOO_LONG' }),
      ]);
    });

    it('refuses an over-long unit and method note', () => {
      expect(errorsForSecond({ unit: 'u'.repeat(41), methodNote: 'n'.repeat(501) })).toEqual([
        expect.objectContaining({ field: 'outcomes[1].unit', code: 'OUTCOME_FIELD_TOO_LONG' }),
        expect.objectContaining({ field: 'outcomes[1].methodNote', code: 'OUTCOME_FIELD_TOO_LONG' }),
      ]);
    });

    it('requires a note when the measurement method is "other"', () => {
      expect(errorsForSecond({ measurementMethod: 'other', methodNote: '  ' })).toEqual([
        {
          field: 'outcomes[1].methodNote',
          code: 'OUTCOME_FIELD_REQUIRED',
          message: 'Describe in a sentence how this outcome was measured.',
        },
      ]);
      expect(
        errorsForSecond({ measurementMethod: 'other', methodNote: 'Operators timed 200 tickets by hand.' }),
      ).toEqual([]);
    });

    it('refuses a direction or method it does not know', () => {
      expect(
        errorsForSecond({
          direction: 'up' as MetricDirection,
          measurementMethod: 'gut_feeling' as OutcomeClaimInput['measurementMethod'],
        }),
      ).toEqual([
        expect.objectContaining({ field: 'outcomes[1].direction', code: 'OUTCOME_DIRECTION_INVALID' }),
        expect.objectContaining({ field: 'outcomes[1].measurementMethod', code: 'OUTCOME_METHOD_INVALID' }),
      ]);
    });
  });

  it('reports every problem of every outcome in one pass', () => {
    const result = validateOutcomeClaims(
      [anOutcome({ metricName: '' }), anOutcome(), anOutcome({ unit: '', measuredAt: 'soon' })],
      NOW,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toEqual([
      'outcomes[0].metricName',
      'outcomes[2].unit',
      'outcomes[2].measuredAt',
    ]);
  });

  describe('improvement helpers', () => {
    it('measures improvement in the direction that is better', () => {
      expect(improvement(0.71, 0.84, 'higher_is_better')).toBeCloseTo(0.13);
      expect(improvement(120, 80, 'lower_is_better')).toBe(40);
      expect(improvement(120, 150, 'lower_is_better')).toBe(-30);
    });

    it('relates improvement to the size of the baseline', () => {
      expect(relativeImprovement(200, 150, 'lower_is_better')).toBe(0.25);
      expect(relativeImprovement(-4, -2, 'higher_is_better')).toBe(0.5);
      expect(relativeImprovement(0, 5, 'higher_is_better')).toBeNull();
    });

    it.each([
      ['the full claim verified', 0, 10, 10, 'higher_is_better', 1],
      ['half the claim verified', 0, 10, 5, 'higher_is_better', 0.5],
      ['more than claimed verified', 0, 10, 14, 'higher_is_better', 1],
      ['no improvement verified', 0, 10, 0, 'higher_is_better', 0],
      ['a worse result verified', 0, 10, -3, 'higher_is_better', 0],
      ['latency: 100 → 60 ms claimed, 80 ms verified', 100, 60, 80, 'lower_is_better', 0.5],
      ['a claim that was no improvement', 10, 10, 12, 'higher_is_better', 0],
      ['a verified value that is not a number', 0, 10, NaN, 'higher_is_better', 0],
    ] as const)('gives verified share for %s', (_scenario, baseline, claimed, verified, direction, share) => {
      expect(verifiedShare(baseline, claimed, verified, direction)).toBe(share);
    });
  });

  describe('properties', () => {
    const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    const direction = fc.constantFrom<MetricDirection>('higher_is_better', 'lower_is_better');

    it('keeps verified share within 0..1', () => {
      fc.assert(
        fc.property(fc.double(), fc.double(), fc.double(), direction, (b, c, v, d) => {
          const share = verifiedShare(b, c, v, d);
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
        }),
      );
    });

    it('gives full credit for the claimed value and none for the baseline', () => {
      fc.assert(
        fc.property(value, value, direction, (b, c, d) => {
          fc.pre(improvement(b, c, d) > 0);
          expect(verifiedShare(b, c, c, d)).toBe(1);
          expect(verifiedShare(b, c, b, d)).toBe(0);
        }),
      );
    });

    it('never gives less credit for a better verified value', () => {
      fc.assert(
        fc.property(value, value, value, value, direction, (b, c, v1, v2, d) => {
          const [worse, better] = improvement(b, v1, d) <= improvement(b, v2, d) ? [v1, v2] : [v2, v1];
          expect(verifiedShare(b, c, better, d)).toBeGreaterThanOrEqual(verifiedShare(b, c, worse, d));
        }),
      );
    });

    it('treats lower-is-better as higher-is-better on negated values', () => {
      fc.assert(
        fc.property(value, value, value, (b, c, v) => {
          expect(verifiedShare(b, c, v, 'lower_is_better')).toBe(verifiedShare(-b, -c, -v, 'higher_is_better'));
        }),
      );
    });

    it('accepts any genuine improvement and refuses the same claim reversed', () => {
      fc.assert(
        fc.property(value, value, direction, (b, c, d) => {
          fc.pre(improvement(b, c, d) > 0);
          const forward = anOutcome({ baselineValue: b, claimedValue: c, direction: d });
          const reversed = anOutcome({ baselineValue: c, claimedValue: b, direction: d });
          expect(validateOutcomeClaims([forward], NOW).ok).toBe(true);
          expect(validateOutcomeClaims([reversed], NOW)).toMatchObject({
            ok: false,
            errors: [{ code: 'OUTCOME_NOT_AN_IMPROVEMENT' }],
          });
        }),
      );
    });
  });
});
