import fc from 'fast-check';
import { AGREEMENT_SHARE_TOLERANCE, verdictDisagreements, verdictsAgree, type VerdictFindings } from '../verdict-agreement';

const verdict = (status: string, ...outcomes: Array<[VerdictFindings['outcomes'][number]['result'], number]>): VerdictFindings => ({
  status,
  outcomes: outcomes.map(([result, verifiedShare]) => ({ result, verifiedShare })),
});

describe('verdictsAgree', () => {
  it('agrees when the status and every outcome match, within the tolerance on verified shares', () => {
    expect(verdictsAgree(verdict('verified', ['verified', 0.95], ['verified', 1]), verdict('verified', ['verified', 1], ['verified', 0.92]))).toBe(true);
  });

  it('disagrees on one outcome even when the overall status is the same (the inflated value a status check misses)', () => {
    const first = verdict('partially_verified', ['verified', 1], ['partially_verified', 0.8]);
    const second = verdict('partially_verified', ['verified', 1], ['partially_verified', 0.3]);
    expect(verdictsAgree(first, second)).toBe(false);
    expect(verdictDisagreements(first, second)).toEqual([{ outcome: 1, reason: 'outcome 2: 80 % of the claimed gain verified against 30 %' }]);
  });

  it('names a different result and a different status', () => {
    expect(verdictDisagreements(verdict('verified', ['verified', 1]), verdict('unverified', ['refuted', 0]))).toEqual([
      { outcome: null, reason: 'the case study’s status differs (verified against unverified)' },
      { outcome: 0, reason: 'outcome 1: verified against refuted' },
    ]);
  });

  it('is symmetric, and every verdict agrees with itself (property)', () => {
    const result = fc.constantFrom('verified', 'partially_verified', 'refuted', 'unverifiable') as fc.Arbitrary<VerdictFindings['outcomes'][number]['result']>;
    const findings = fc.record({
      status: fc.constantFrom('verified', 'partially_verified', 'unverified'),
      outcomes: fc.array(fc.record({ result, verifiedShare: fc.double({ min: 0, max: 1, noNaN: true }) }), { minLength: 1, maxLength: 4 }),
    });
    fc.assert(
      fc.property(findings, findings, (a, b) => {
        expect(verdictsAgree(a, a)).toBe(true);
        expect(verdictsAgree(a, b)).toBe(verdictsAgree(b, a));
      }),
    );
  });

  it('uses one tolerance on the verified share', () => {
    expect(verdictsAgree(verdict('verified', ['verified', 0.9]), verdict('verified', ['verified', 0.9 + AGREEMENT_SHARE_TOLERANCE - 1e-9]))).toBe(true);
    expect(verdictsAgree(verdict('verified', ['verified', 0.85]), verdict('verified', ['verified', 0.85 + AGREEMENT_SHARE_TOLERANCE + 1e-6]))).toBe(false);
  });
});
