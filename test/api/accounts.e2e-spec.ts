import { countRows, createTestApp, TEST_PASSWORD, TestApp } from '../support/test-app';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { id email displayName platformRoles memberships { role } } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { id email } }`;
const ME = `{ me { id email platformRoles memberships { role organization { id name kind } } } }`;

describe('Accounts (API e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('signs up a new user, sets an httpOnly SameSite session cookie, and returns them from me', async () => {
    const client = t.client();
    const res = await client.query(SIGN_UP, { input: { email: '  New.User@Example.com ', password: TEST_PASSWORD, displayName: 'New User' } });
    expect(res.errors).toBeUndefined();
    expect(res.data).toMatchObject({ signUp: { email: 'new.user@example.com', displayName: 'New User', platformRoles: [], memberships: [] } });
    const me = await client.query<{ me: { email: string } }>(ME);
    expect(me.data?.me.email).toBe('new.user@example.com');
  });

  it('marks the session cookie httpOnly and SameSite=Lax', async () => {
    const request = (await import('supertest')).default;
    const res = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: SIGN_UP, variables: { input: { email: 'cookie@example.com', password: TEST_PASSWORD, displayName: 'Cookie' } } });
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('assay_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
  });

  it('refuses a duplicate email with CONFLICT and writes nothing', async () => {
    await t.client().query(SIGN_UP, { input: { email: 'dup@example.com', password: TEST_PASSWORD, displayName: 'First' } });
    const users = await countRows(t.dataSource, 'users');
    const sessions = await countRows(t.dataSource, 'sessions');
    const res = await t.client().query(SIGN_UP, { input: { email: 'DUP@example.com', password: TEST_PASSWORD, displayName: 'Second' } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TAKEN' });
    expect(res.errors?.[0].message).toMatch(/already exists/);
    expect(await countRows(t.dataSource, 'users')).toBe(users);
    expect(await countRows(t.dataSource, 'sessions')).toBe(sessions);
  });

  it.each([
    ['too short', 'short-pass', /at least 12/],
    ['too common', 'password1234', /common/],
    ['too long', 'x'.repeat(60) + 'y'.repeat(69), /at most 128/],
  ])('refuses a weak password (%s) with a per-field message and writes nothing', async (_label, password, message) => {
    const users = await countRows(t.dataSource, 'users');
    const res = await t.client().query(SIGN_UP, { input: { email: `weak-${_label.replace(/\W/g, '')}@example.com`, password, displayName: 'Weak' } });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const field = res.errors?.[0].extensions?.fields?.find((f) => f.field === 'password');
    expect(field?.message).toMatch(message);
    expect(await countRows(t.dataSource, 'users')).toBe(users);
  });

  it('refuses a malformed email with a per-field message and writes nothing', async () => {
    const users = await countRows(t.dataSource, 'users');
    const res = await t.client().query(SIGN_UP, { input: { email: 'not-an-email', password: TEST_PASSWORD, displayName: 'X' } });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.fields).toEqual([{ field: 'email', message: expect.stringMatching(/valid email/) }]);
    expect(await countRows(t.dataSource, 'users')).toBe(users);
  });

  it('answers a wrong password with UNAUTHENTICATED, the same sentence as an unknown email, and no session', async () => {
    await t.client().query(SIGN_UP, { input: { email: 'wrongpw@example.com', password: TEST_PASSWORD, displayName: 'W' } });
    const sessions = await countRows(t.dataSource, 'sessions');
    const wrong = await t.client().query(SIGN_IN, { input: { email: 'wrongpw@example.com', password: 'not-the-password-123' } });
    const unknown = await t.client().query(SIGN_IN, { input: { email: 'nobody@example.com', password: 'not-the-password-123' } });
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' });
    expect(unknown.errors?.[0].message).toBe(wrong.errors?.[0].message);
    expect(await countRows(t.dataSource, 'sessions')).toBe(sessions);
  });

  it('ends the session on sign-out: the old cookie no longer signs anyone in', async () => {
    const client = await t.signedInClient({ email: 'signout@example.com' });
    const stolen = client.getCookie('assay_session')!;
    expect((await client.query(`mutation { signOut }`)).data).toEqual({ signOut: true });
    expect((await client.query(ME)).data).toEqual({ me: null });
    const replay = t.client();
    replay.setCookie('assay_session', stolen);
    expect((await replay.query(ME)).data).toEqual({ me: null });
  });

  it('treats an expired session as signed out', async () => {
    const client = await t.signedInClient({ email: 'expired@example.com' });
    await t.dataSource.query(`UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE user_id = (SELECT id FROM users WHERE email = $1)`, ['expired@example.com']);
    expect((await client.query(ME)).data).toEqual({ me: null });
    const res = await client.query(`mutation { createOrganization(input: { name: "Late Ltd", kind: buyer }) { id } }`);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await countRows(t.dataSource, 'organizations', `name = 'Late Ltd'`)).toBe(0);
  });

  it('ends every other session when the password changes', async () => {
    const laptop = await t.signedInClient({ email: 'change@example.com' });
    const phone = t.client();
    await phone.query(SIGN_IN, { input: { email: 'change@example.com', password: TEST_PASSWORD } });
    const res = await laptop.query(`mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`, {
      input: { currentPassword: TEST_PASSWORD, newPassword: 'another-long-passphrase-77' },
    });
    expect(res.errors).toBeUndefined();
    expect((await phone.query(ME)).data).toEqual({ me: null });
    expect((await laptop.query<{ me: { email: string } }>(ME)).data?.me.email).toBe('change@example.com');
    const old = await t.client().query(SIGN_IN, { input: { email: 'change@example.com', password: TEST_PASSWORD } });
    expect(old.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('never sends a stack trace to the client', async () => {
    const res = await t.client().query(SIGN_UP, { input: { email: 'x', password: 'y', displayName: '' } });
    expect(JSON.stringify(res)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });

  it('limits sign-in attempts per account and says when to retry', async () => {
    await t.client().query(SIGN_UP, { input: { email: 'limited@example.com', password: TEST_PASSWORD, displayName: 'L' } });
    let last;
    for (let i = 0; i < 11; i++) last = await t.client().query(SIGN_IN, { input: { email: 'limited@example.com', password: 'wrong-password-000' } });
    expect(last!.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(last!.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(last!.errors?.[0].message).toMatch(/try again in/);
  });
});
