import { codePointLength } from './result';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordPolicyCode =
  | 'PASSWORD_TOO_SHORT'
  | 'PASSWORD_TOO_LONG'
  | 'PASSWORD_SINGLE_CHARACTER'
  | 'PASSWORD_MATCHES_EMAIL'
  | 'PASSWORD_TOO_COMMON';

export type PasswordCheckResult =
  | { ok: true }
  | { ok: false; field: 'password'; code: PasswordPolicyCode; message: string };

/**
 * Checks a new password: 12–128 characters (code points, so emoji and accents
 * count once), not one repeated character, not the user's email address or its
 * part before the @, and not on the common-password list (case-insensitive).
 */
export function checkPassword(password: string, context: { email?: string | null } = {}): PasswordCheckResult {
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
  return { ok: true };
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
