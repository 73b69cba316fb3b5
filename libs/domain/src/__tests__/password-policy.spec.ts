import { checkPassword, DEMO_PASSWORD, isCommonPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password-policy';

describe(checkPassword.name, () => {
  it('accepts a long passphrase', () => {
    expect(checkPassword('violet tractor mountain spoon', { email: 'maria@acme.com' })).toEqual({ ok: true });
  });

  it('refuses 11 characters and accepts exactly 12', () => {
    expect(checkPassword('k3v!q9zr#w1')).toEqual({
      ok: false,
      field: 'password',
      code: 'PASSWORD_TOO_SHORT',
      message: 'Use at least 12 characters; this password has 11. A few unrelated words make a long password easy to remember.',
    });
    expect(checkPassword('k3v!q9zr#w1m')).toEqual({ ok: true });
  });

  it('accepts exactly 128 characters and refuses 129', () => {
    const base = 'correct horse battery staple '.repeat(5);
    expect(checkPassword(base.slice(0, PASSWORD_MAX_LENGTH))).toEqual({ ok: true });
    expect(checkPassword(base.slice(0, PASSWORD_MAX_LENGTH + 1))).toMatchObject({ ok: false, code: 'PASSWORD_TOO_LONG' });
  });

  it('counts characters, not UTF-16 units', () => {
    const emoji = ['🦊', '🌲', '🚲', '🍋'];
    const ofLength = (n: number) => Array.from({ length: n }, (_, i) => emoji[i % emoji.length]).join('');
    expect(checkPassword(ofLength(PASSWORD_MIN_LENGTH - 1))).toMatchObject({ code: 'PASSWORD_TOO_SHORT' });
    expect(checkPassword(ofLength(PASSWORD_MIN_LENGTH))).toEqual({ ok: true });
    expect(checkPassword(ofLength(PASSWORD_MAX_LENGTH))).toEqual({ ok: true });
    expect(checkPassword(ofLength(PASSWORD_MAX_LENGTH + 1))).toMatchObject({ code: 'PASSWORD_TOO_LONG' });
  });

  it('refuses one character repeated', () => {
    expect(checkPassword('aaaaaaaaaaaaaaaa')).toMatchObject({ ok: false, code: 'PASSWORD_SINGLE_CHARACTER' });
    expect(checkPassword('🦊'.repeat(12))).toMatchObject({ ok: false, code: 'PASSWORD_SINGLE_CHARACTER' });
  });

  it('refuses the email address and its part before the @, in any case', () => {
    const email = 'Maria.Lopez.Garcia@acme.com';
    expect(checkPassword('maria.lopez.garcia@ACME.com', { email })).toMatchObject({ code: 'PASSWORD_MATCHES_EMAIL' });
    expect(checkPassword('MARIA.LOPEZ.GARCIA', { email })).toEqual({
      ok: false,
      field: 'password',
      code: 'PASSWORD_MATCHES_EMAIL',
      message: 'Do not use your email address, or the part before the @, as your password.',
    });
    // The email plus a symbol is no longer enough either: zxcvbn counts the user's own words as known.
    expect(checkPassword('maria.lopez.garcia!', { email })).toMatchObject({ ok: false, code: 'PASSWORD_TOO_GUESSABLE' });
    expect(checkPassword('maria.lopez.garcia! violet tractor', { email })).toEqual({ ok: true });
  });

  it.each(['1qaz2wsx3edc', 'QWERTY123456', 'LeaveMeAlone'])('refuses the common password %p', (password) => {
    expect(checkPassword(password)).toMatchObject({ ok: false, code: 'PASSWORD_TOO_COMMON' });
  });

  it.each(['12345678901234', 'qwertyuiopasdfgh', 'Summer2026Summer2026'])('refuses the guessable password %p with a reason', (password) => {
    const result = checkPassword(password);
    expect(result).toMatchObject({ ok: false });
    expect(result.ok === false && result.message).toMatch(/./);
  });

  it('refuses the demo password unless the demo seed asks for it', () => {
    expect(checkPassword(DEMO_PASSWORD)).toMatchObject({ ok: false, code: 'PASSWORD_IS_DEMO', message: expect.stringMatching(/demo accounts/) });
    expect(checkPassword(DEMO_PASSWORD, { allowDemoPassword: true })).toEqual({ ok: true });
  });

  it('counts the user\'s own words as known', () => {
    expect(checkPassword('Margaret Hamilton 1936', { userInputs: ['Margaret Hamilton'] })).toMatchObject({ ok: false, code: 'PASSWORD_TOO_GUESSABLE' });
  });

  it('knows short common passwords too, for callers that check them directly', () => {
    expect(isCommonPassword('Password')).toBe(true);
    expect(isCommonPassword('violet tractor mountain spoon')).toBe(false);
  });
});

describe('common-password list', () => {
  it('is loaded on first use and only once', () => {
    const loaded = jest.fn();
    jest.isolateModules(() => {
      jest.doMock('@zxcvbn-ts/language-common', () => {
        loaded();
        return jest.requireActual('@zxcvbn-ts/language-common');
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module registry is the point
      const policy = require('../password-policy') as typeof import('../password-policy');
      expect(loaded).not.toHaveBeenCalled();
      policy.isCommonPassword('first');
      policy.checkPassword('violet tractor mountain spoon');
      expect(loaded).toHaveBeenCalledTimes(1);
    });
  });
});
