import { codePointLength } from './result';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordPolicyCode =
  | 'PASSWORD_TOO_SHORT'
  | 'PASSWORD_TOO_LONG'
  | 'PASSWORD_SINGLE_CHARACTER'
  | 'PASSWORD_MATCHES_EMAIL'
  | 'PASSWORD_TOO_COMMON'
  | 'PASSWORD_IS_DEMO'
  | 'PASSWORD_TOO_GUESSABLE';

/** The password of the seeded demo accounts (README); refused for every other account. */
export const DEMO_PASSWORD = 'Assay-demo-2026!';

/**
 * The lowest zxcvbn score accepted: 3 = "safely unguessable", about 10^8 guesses or
 * more, which with argon2id at OWASP parameters is out of reach of an offline attack
 * on a stolen hash, let alone an online one.
 */
export const PASSWORD_MIN_SCORE = 3;

export interface PasswordContext {
  email?: string | null;
  /** Other words the user gave us (name, organization), which make a password easy to guess for them. */
  userInputs?: readonly string[];
  /** Only the demo seed may use {@link DEMO_PASSWORD}. */
  allowDemoPassword?: boolean;
}

export type PasswordCheckResult =
  | { ok: true }
  | { ok: false; field: 'password'; code: PasswordPolicyCode; message: string };

/**
 * Checks a new password: 12–128 characters (code points, so emoji and accents
 * count once), not one repeated character, not the user's email address or its
 * part before the @, not on the common-password list (case-insensitive), not the
 * demo password, and hard to guess by zxcvbn's estimate (score at least
 * {@link PASSWORD_MIN_SCORE}, with the user's own words counted as known), the
 * refusal saying what made it guessable.
 */
export function checkPassword(password: string, context: PasswordContext = {}): PasswordCheckResult {
  const refuse = (code: PasswordPolicyCode, message: string): PasswordCheckResult => ({
    ok: false,
    field: 'password',
    code,
    message,
  });
  // A code point takes at most two UTF-16 units, so this bounds the work on huge inputs.
  const length = password.length > PASSWORD_MAX_LENGTH * 2 ? Infinity : codePointLength(password);
  if (length > PASSWORD_MAX_LENGTH) {
    return refuse('PASSWORD_TOO_LONG', `Use at most ${PASSWORD_MAX_LENGTH} characters.`);
  }
  if (length < PASSWORD_MIN_LENGTH) {
    return refuse(
      'PASSWORD_TOO_SHORT',
      `Use at least ${PASSWORD_MIN_LENGTH} characters; this password has ${length}. A few unrelated words make a long password easy to remember.`,
    );
  }
  if (new Set(password).size === 1) {
    return refuse('PASSWORD_SINGLE_CHARACTER', 'A password made of one repeated character is too easy to guess.');
  }
  const lowered = password.toLowerCase();
  const email = (context.email ?? '').trim().toLowerCase();
  if (email !== '') {
    const at = email.lastIndexOf('@');
    const localPart = at > 0 ? email.slice(0, at) : email;
    if (lowered === email || lowered === localPart) {
      return refuse('PASSWORD_MATCHES_EMAIL', 'Do not use your email address, or the part before the @, as your password.');
    }
  }
  if (isCommonPassword(password)) {
    return refuse(
      'PASSWORD_TOO_COMMON',
      'This password is on a list of commonly used passwords, so it is easy to guess; choose another.',
    );
  }
  if (password === DEMO_PASSWORD && !context.allowDemoPassword) {
    return refuse('PASSWORD_IS_DEMO', 'This is the published password of the demo accounts, so anyone could guess it; choose another.');
  }
  const words = [email, email.split('@')[0] ?? '', ...(context.userInputs ?? []), 'assay', 'demo'].filter((w) => w.length > 0);
  const estimate = estimateStrength(password, words);
  if (estimate.score < PASSWORD_MIN_SCORE) {
    const why = estimate.warning ? `${estimate.warning.replace(/\.?$/, '.')} ` : '';
    const how = estimate.suggestions.length ? estimate.suggestions.join(' ') : 'Add a few unrelated words.';
    return refuse('PASSWORD_TOO_GUESSABLE', `This password would be easy to guess. ${why}${how}`);
  }
  return { ok: true };
}

type Estimator = (password: string, userInputs: string[]) => { score: number; warning: string | null; suggestions: string[] };
let estimator: Estimator | undefined;

/**
 * zxcvbn's estimate (score 0–4, with English feedback), built on first use: the
 * dictionaries take ~0.4 s and some MB, which only sign-up and password changes pay.
 */
export function estimateStrength(password: string, userInputs: string[] = []): { score: number; warning: string | null; suggestions: string[] } {
  if (estimator === undefined) {
    /* eslint-disable @typescript-eslint/no-require-imports -- lazy on purpose, see above */
    const { ZxcvbnFactory } = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
    const common = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
    const en = require('@zxcvbn-ts/language-en') as typeof import('@zxcvbn-ts/language-en');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const zxcvbn = new ZxcvbnFactory({ dictionary: { ...common.dictionary, ...en.dictionary }, graphs: common.adjacencyGraphs, translations: en.translations });
    estimator = (pw, inputs) => {
      const result = zxcvbn.check(pw, inputs);
      return { score: result.score, warning: result.feedback.warning, suggestions: result.feedback.suggestions };
    };
  }
  return estimator(password, userInputs);
}

let commonPasswords: ReadonlySet<string> | undefined;

/** True when the password (case-insensitively) is on zxcvbn's list of ~49 000 common passwords. */
export function isCommonPassword(password: string): boolean {
  if (commonPasswords === undefined) {
    // Loaded on first use: decompressing the list takes ~25 ms and a few MB, which
    // only the sign-up and password-change paths should pay.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose, see above
    const { dictionary } = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
    commonPasswords = new Set(dictionary['passwords-common'].map((entry) => entry.toLowerCase()));
  }
  return commonPasswords.has(password.toLowerCase());
}
