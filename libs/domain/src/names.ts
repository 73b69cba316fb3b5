// Organisation and display names: one normal form, no invisible or
// direction-changing characters, and a confusable skeleton (Unicode TS #39)
// so that "Delta Partners" with a Cyrillic "а" or a zero-width space cannot
// pass for the real one.
import type { Refusal } from './result';
import { codePointLength } from './result';

export type NameRefusalCode = 'NAME_EMPTY' | 'NAME_TOO_LONG' | 'NAME_INVISIBLE_CHARACTER' | 'NAME_BIDI_CONTROL' | 'NAME_CONTROL_CHARACTER';
export type NormalizeNameResult = { ok: true; name: string } | Refusal<NameRefusalCode>;

// Bidirectional formatting characters (UAX #9): embeddings, overrides, isolates and marks.
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
// Zero-width and other default-ignorable characters that render as nothing.
const INVISIBLES = /[\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200D\u2060-\u2064\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/u;
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/u;

/**
 * NFKC-normalises a person's or organisation's name, trims it and collapses
 * runs of white space; refuses bidirectional controls, zero-width characters
 * and control characters (they make one name look like another).
 */
export function normalizeName(raw: string, maxLength = 200): NormalizeNameResult {
  const refuse = (code: NameRefusalCode, message: string): NormalizeNameResult => ({ ok: false, code, message });
  if (typeof raw !== 'string') return refuse('NAME_EMPTY', 'Enter a name.');
  if (BIDI_CONTROLS.test(raw)) {
    return refuse('NAME_BIDI_CONTROL', 'The name contains a character that changes the direction of text; type the name without it.');
  }
  if (INVISIBLES.test(raw)) {
    return refuse('NAME_INVISIBLE_CHARACTER', 'The name contains an invisible character (such as a zero-width space); type the name without it.');
  }
  const name = raw.normalize('NFKC').replace(/\s+/gu, ' ').trim();
  if (CONTROLS.test(name)) return refuse('NAME_CONTROL_CHARACTER', 'The name contains a control character; type the name without it.');
  if (name === '') return refuse('NAME_EMPTY', 'Enter a name.');
  if (codePointLength(name) > maxLength) return refuse('NAME_TOO_LONG', `A name can have at most ${maxLength} characters.`);
  return { ok: true, name };
}

interface Unhomoglyph {
  (text: string): string;
}
let unhomoglyph: Unhomoglyph | undefined;

/**
 * The confusable skeleton of UTS #39 (NFD, then every character replaced by
 * its prototype from the Unicode confusables table, then NFD again), so that
 * two strings that look alike have the same skeleton: "Delta" with a Cyrillic
 * "а" and "Delta"; "rn" and "m". The table is the `unhomoglyph` package's
 * copy of confusables.txt, loaded on first use.
 */
export function confusableSkeleton(text: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy: a 60 kB table most callers never need
  unhomoglyph ??= require('unhomoglyph') as Unhomoglyph;
  return unhomoglyph(text.normalize('NFD')).normalize('NFD');
}

/**
 * The key under which two organisation names count as the same: the
 * confusable skeleton of the case-folded, NFKC-normalised name with white
 * space and punctuation removed ("Delta Partners", "DELTA  partners",
 * "Dеlta Partners" with a Cyrillic "е" all share one key). Repeated until
 * stable, so the key of a key is itself.
 */
export function nameConfusableKey(name: string): string {
  let key = name;
  for (let i = 0; i < 8; i++) {
    const next = confusableSkeleton(key.normalize('NFKC').toLowerCase())
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\s\p{P}\p{S}\p{Cf}\p{M}]/gu, '');
    if (next === key) break;
    key = next;
  }
  return key;
}
