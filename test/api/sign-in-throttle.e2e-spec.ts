import { RATE_LIMITS } from '../../apps/api/src/modules/rate-limits/rate-limit.service';
import { SIGN_IN_THROTTLE, slowDownSeconds } from '../../apps/api/src/modules/accounts/sign-in-throttle';
import { countRows, createTestApp, GraphQLClient, TEST_PASSWORD, TestApp } from '../support/test-app';

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { id email } }`;
const CHANGE_PASSWORD = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`;
const ME = `{ me { email } }`;

// Every attempt is a real argon2id check (~50–100 ms on this machine).
jest.setTimeout(60_000);

/**
 * The sign-in throttle as an attacker and the owner meet it: attempts from the
 * attacker's addresses are refused while the owner still gets in, and nothing an
 * attacker does locks the owner out for long.
 */
describe('Sign-in throttling (API e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function account(email: string): Promise<GraphQLClient> {
    // Signs in once through the real mutation: this browser now carries the account's device cookie.
    const owner = await t.signedInClient({ email });
    expect(owner.getCookie('assay_device')).toBeDefined();
    return owner;
  }

  const guess = (client: GraphQLClient, email: string) => client.query(SIGN_IN, { input: { email, password: 'a-wrong-guess-4471-x' } });

  it('refuses an address that keeps guessing one account, while the owner signs in from elsewhere (no device cookie needed)', async () => {
    await account('target1@example.com');
    const attacker = t.client();
    for (let i = 0; i < RATE_LIMITS.signInFailuresAccountIp.points; i++) {
      expect((await guess(attacker, 'target1@example.com')).errors?.[0].extensions?.reason).toBe('INVALID_CREDENTIALS');
    }
    const refused = await attacker.query(SIGN_IN, { input: { email: 'target1@example.com', password: TEST_PASSWORD } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.data).toBeNull();

    const ownerOnNewBrowser = t.client();
    const owner = await ownerOnNewBrowser.query(SIGN_IN, { input: { email: 'target1@example.com', password: TEST_PASSWORD } });
    expect(owner.errors).toBeUndefined();
    expect((await ownerOnNewBrowser.query<{ me: { email: string } }>(ME)).data?.me.email).toBe('target1@example.com');
  });

  it('slows an account under attack from many addresses down for new browsers, never for the owner’s own browser', async () => {
    const ownerBrowser = await account('target2@example.com');
    await ownerBrowser.query(`mutation { signOut }`);
    // One guess from each of many addresses: no single address reaches its own limit.
    for (let i = 0; i < SIGN_IN_THROTTLE.slowDownAfter + 2; i++) await guess(t.client(), 'target2@example.com');

    const attackerAgain = await guess(t.client(), 'target2@example.com');
    expect(attackerAgain.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    // A delay, not a lockout: at most a minute, where the old rule locked the account for 15.
    expect(attackerAgain.errors?.[0].extensions?.retryAfterSeconds).toBeLessThanOrEqual(SIGN_IN_THROTTLE.maxDelaySeconds);

    // Side by side: the owner's browser gets in at once.
    const owner = await ownerBrowser.query(SIGN_IN, { input: { email: 'target2@example.com', password: TEST_PASSWORD } });
    expect(owner.errors).toBeUndefined();
    expect((await ownerBrowser.query<{ me: { email: string } }>(ME)).data?.me.email).toBe('target2@example.com');

    // The owner's success reset the account's counters: the next guess is checked (and wrong), not slowed.
    expect((await guess(t.client(), 'target2@example.com')).errors?.[0].extensions?.reason).toBe('INVALID_CREDENTIALS');
  });

  it('does not trust a device cookie of another account', async () => {
    const otherBrowser = await account('someone-else@example.com');
    await account('target3@example.com');
    for (let i = 0; i < SIGN_IN_THROTTLE.slowDownAfter + 1; i++) await guess(t.client(), 'target3@example.com');
    const res = await guess(otherBrowser, 'target3@example.com');
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('resets the account’s counters on a successful sign-in', async () => {
    await account('resets@example.com');
    const browser = t.client();
    for (let i = 0; i < RATE_LIMITS.signInFailuresAccountIp.points - 1; i++) await guess(browser, 'resets@example.com');
    expect((await browser.query(SIGN_IN, { input: { email: 'resets@example.com', password: TEST_PASSWORD } })).errors).toBeUndefined();
    // Without the reset, the next two failures would reach the limit of this (account, address).
    for (let i = 0; i < RATE_LIMITS.signInFailuresAccountIp.points - 1; i++) {
      expect((await guess(browser, 'resets@example.com')).errors?.[0].extensions?.reason).toBe('INVALID_CREDENTIALS');
    }
  });

  it('refuses an address that guesses across many accounts', async () => {
    const sprayer = t.client();
    for (let i = 0; i < RATE_LIMITS.signInFailuresIp.points; i++) {
      expect((await guess(sprayer, `spray-${i}@example.com`)).errors?.[0].extensions?.reason).toBe('INVALID_CREDENTIALS');
    }
    expect((await guess(sprayer, 'spray-last@example.com')).errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    // Another address is unaffected.
    expect((await guess(t.client(), 'spray-last@example.com')).errors?.[0].extensions?.reason).toBe('INVALID_CREDENTIALS');
  });

  it('grows the delay with each failure and caps it', () => {
    expect(slowDownSeconds(SIGN_IN_THROTTLE.slowDownAfter - 1)).toBe(0);
    expect(slowDownSeconds(SIGN_IN_THROTTLE.slowDownAfter)).toBe(SIGN_IN_THROTTLE.firstDelaySeconds);
    expect(slowDownSeconds(SIGN_IN_THROTTLE.slowDownAfter + 1)).toBe(2 * SIGN_IN_THROTTLE.firstDelaySeconds);
    expect(slowDownSeconds(10_000)).toBe(SIGN_IN_THROTTLE.maxDelaySeconds);
  });

  it('limits wrong current passwords in changePassword, and changes nothing when refused', async () => {
    const thief = await account('stolen-session@example.com');
    const before: Array<{ password_hash: string }> = await t.dataSource.query(`SELECT password_hash FROM users WHERE email = 'stolen-session@example.com'`);
    for (let i = 0; i < RATE_LIMITS.passwordCheckFailures.points; i++) {
      const res = await thief.query(CHANGE_PASSWORD, { input: { currentPassword: `guess-number-${i}-abcdef`, newPassword: 'violet tractor mountain spoon' } });
      expect(res.errors?.[0].extensions?.reason).toBe('INVALID_CREDENTIALS');
    }
    const refused = await thief.query(CHANGE_PASSWORD, { input: { currentPassword: TEST_PASSWORD, newPassword: 'violet tractor mountain spoon' } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    const after: Array<{ password_hash: string }> = await t.dataSource.query(`SELECT password_hash FROM users WHERE email = 'stolen-session@example.com'`);
    expect(after[0].password_hash).toBe(before[0].password_hash);
    // The owner's sign-in is a separate budget.
    expect((await t.client().query(SIGN_IN, { input: { email: 'stolen-session@example.com', password: TEST_PASSWORD } })).errors).toBeUndefined();
  });

  it('limits guessed invitation links per address', async () => {
    const guesser = await account('invite-guesser@example.com');
    const accept = (token: string) => guesser.query(`mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { id } }`, { input: { token } });
    for (let i = 0; i < RATE_LIMITS.secretTokenFailures.points; i++) {
      expect((await accept(`guessed-token-${i}-aaaaaaaaaaaaaaaaaaaa`)).errors?.[0].extensions?.reason).toBe('INVALID_TOKEN');
    }
    expect((await accept('guessed-token-last-aaaaaaaaaaaaaaaaaaaa')).errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(await countRows(t.dataSource, 'memberships', `user_id = (SELECT id FROM users WHERE email = 'invite-guesser@example.com')`)).toBe(0);
  });
});

describe('Password policy (API e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { message } }`;

  it.each([
    ['a run of digits', '12345678901234', /easy to guess|common/i],
    ['the demo password', 'Assay-demo-2026!', /demo accounts/],
    ['a keyboard walk', 'qwertyuiopasdf', /easy to guess|common/i],
    ['the name and a year', 'Margaret Hamilton 1936', /easy to guess/i],
  ])('refuses %s with a reason, and writes nothing', async (_label, password, reason) => {
    const users = await countRows(t.dataSource, 'users');
    const res = await t.client().query(SIGN_UP, { input: { email: `pw-${users}@example.com`, password, displayName: 'Margaret Hamilton' } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WEAK_PASSWORD' });
    expect(res.errors?.[0].extensions?.fields).toEqual([{ field: 'password', message: expect.stringMatching(reason) }]);
    expect(await countRows(t.dataSource, 'users')).toBe(users);
  });

  it('refuses the demo password for a new password too', async () => {
    const client = await t.signedInClient({ email: 'demo-change@example.com' });
    const res = await client.query(CHANGE_PASSWORD, { input: { currentPassword: TEST_PASSWORD, newPassword: 'Assay-demo-2026!' } });
    expect(res.errors?.[0].extensions?.fields).toEqual([{ field: 'newPassword', message: expect.stringMatching(/demo accounts/) }]);
  });

  it('stores argon2id hashes at the OWASP parameters', async () => {
    await t.client().query(SIGN_UP, { input: { email: 'hash@example.com', password: 'violet tractor mountain spoon', displayName: 'Hash' } });
    const rows: Array<{ password_hash: string }> = await t.dataSource.query(`SELECT password_hash FROM users WHERE email = 'hash@example.com'`);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  });
});
