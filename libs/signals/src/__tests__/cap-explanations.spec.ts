import fc from 'fast-check';
import { capExplanations, computeVendorSignals, withoutExplanations, type SignalKey } from '../index';
import { SIGNAL_KEYS } from '../types';
import { vendorEvidenceArb } from './support/arbitraries';

describe(capExplanations.name, () => {
  it('keeps the most influential items of every signal and counts the rest', () => {
    fc.assert(
      fc.property(vendorEvidenceArb, fc.integer({ min: 1, max: 15 }), (evidence, cap) => {
        const signals = computeVendorSignals(evidence);
        const capped = capExplanations(signals.explanations, cap);
        for (const key of SIGNAL_KEYS as readonly SignalKey[]) {
          const all = signals.explanations[key];
          expect(capped.items[key]).toEqual(all.slice(0, cap));
          expect(capped.items[key].length + capped.more[key]).toBe(all.length);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('leaves every estimate and flag in the stored document (the trend has its own column)', () => {
    fc.assert(
      fc.property(vendorEvidenceArb, (evidence) => {
        const signals = computeVendorSignals(evidence);
        const stored = withoutExplanations(signals);
        expect('explanations' in stored).toBe(false);
        expect('trend' in stored).toBe(false);
        expect({ ...stored, explanations: signals.explanations, trend: signals.trend }).toEqual(signals);
      }),
      { numRuns: 20 },
    );
  });
});
