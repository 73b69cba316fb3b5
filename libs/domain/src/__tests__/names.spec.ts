import fc from 'fast-check';
import { confusableSkeleton, nameConfusableKey, normalizeName } from '../names';

describe(normalizeName.name, () => {
  it('NFKC-normalises, trims and collapses white space', () => {
    expect(normalizeName('  Ｄelta\u00A0 Partners ')).toEqual({ ok: true, name: 'Delta Partners' });
  });

  it('refuses a zero-width space', () => {
    expect(normalizeName('Delta\u200B Partners')).toMatchObject({ ok: false, code: 'NAME_INVISIBLE_CHARACTER', message: expect.stringContaining('invisible character') });
  });

  it('refuses a right-to-left override', () => {
    expect(normalizeName('Delta \u202EsrentraP')).toMatchObject({ ok: false, code: 'NAME_BIDI_CONTROL' });
  });

  it('refuses an empty name and an over-long one', () => {
    expect(normalizeName('   ')).toMatchObject({ ok: false, code: 'NAME_EMPTY' });
    expect(normalizeName('x'.repeat(201))).toMatchObject({ ok: false, code: 'NAME_TOO_LONG' });
  });

  it('property: normalising twice changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (raw) => {
        const once = normalizeName(raw);
        if (once.ok) expect(normalizeName(once.name)).toEqual(once);
      }),
    );
  });
});

describe(nameConfusableKey.name, () => {
  it('gives a name with a Cyrillic "а" the key of the Latin one', () => {
    expect(nameConfusableKey('Delt\u0430 Partners')).toBe(nameConfusableKey('Delta Partners'));
  });

  it('ignores case, spacing and punctuation', () => {
    expect(nameConfusableKey('DELTA  partners.')).toBe(nameConfusableKey('Delta Partners'));
  });

  it('tells different names apart', () => {
    expect(nameConfusableKey('Delta Partners')).not.toBe(nameConfusableKey('Gamma Partners'));
  });

  it('follows UTS #39 for "rn" and "m"', () => {
    expect(confusableSkeleton('rn')).toBe(confusableSkeleton('m'));
  });

  it('property: the key of a key is itself', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => expect(nameConfusableKey(nameConfusableKey(s))).toBe(nameConfusableKey(s))));
  });
});
