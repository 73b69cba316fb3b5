import { countRows, createTestApp, TEST_PASSWORD, TestApp } from '../support/test-app';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { message } }`;
const VERIFY = `mutation($token: String!) { verifyEmail(token: $token) { id email displayName platformRoles emailVerified memberships { role } } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { id email } }`;
const ME = `{ me { id email platformRoles memberships { role organization { id name kind } } } }`;

describe('Accounts (API e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function verificationToken(email: string): Promise<string> {
    const rows: Array<{ text_body: string }> = await t.dataSource.query(`SELECT text_body FROM mail_messages WHERE to_address = $1 AND text_body LIKE '%/v/%' ORDER BY created_at DESC LIMIT 1`, [email]);
    if (!rows[0]) throw new Error(`no verification mail to ${email}`);
    return /\/v\/([A-Za-z0-9_-]+)/.exec(rows[0].text_body)![1];
  }

  it('signs up a new user by a single-use link: the link confirms the address, signs them in and returns them from me', async () => {
    const client = t.client();
    const res = await client.query<{ signUp: { message: string } }>(SIGN_UP, { input: { email: '  New.User@Example.com ', password: TEST_PASSWORD, displayName: 'New User' } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.signUp.message).toBe('We sent a link to new.user@example.com. Open it to confirm the address and finish creating your account.');
    expect((await client.query<{ me: unknown }>(ME)).data?.me).toBeNull();
    const token = await verificationToken('new.user@example.com');
    const verified = await client.query(VERIFY, { token });
    expect(verified.data).toMatchObject({ verifyEmail: { email: 'new.user@example.com', displayName: 'New User', platformRoles: [], emailVerified: true, memberships: [] } });
    const me = await client.query<{ me: { email: string } }>(ME);
    expect(me.data?.me.email).toBe('new.user@example.com');
    const again = await t.client().query(VERIFY, { token });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'TOKEN_USED' });
  });

  it('marks the session cookie httpOnly and SameSite=Lax', async () => {
    await t.client().query(SIGN_UP, { input: { email: 'cookie@example.com', password: TEST_PASSWORD, displayName: 'Cookie' } });
    const request = (await import('supertest')).default;
    const res = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: VERIFY, variables: { token: await verificationToken('cookie@example.com') } });
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('assay_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
  });

  it('does not reveal that an address is registered: the same answer, no second account, no session, and a mail to the owner', async () => {
    const first = await t.client().query<{ signUp: { message: string } }>(SIGN_UP, { input: { email: 'dup@example.com', password: TEST_PASSWORD, displayName: 'First' } });
    const users = await countRows(t.dataSource, 'users');
    const sessions = await countRows(t.dataSource, 'sessions');
    const res = await t.client().query<{ signUp: { message: string } }>(SIGN_UP, { input: { email: 'DUP@example.com', password: TEST_PASSWORD, displayName: 'Second' } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.signUp.message).toBe(first.data?.signUp.message);
    expect(await countRows(t.dataSource, 'users')).toBe(users);
    expect(await countRows(t.dataSource, 'sessions')).toBe(sessions);
    expect(await countRows(t.dataSource, 'mail_messages', `to_address = 'dup@example.com' AND subject LIKE 'Someone tried to create%'`)).toBe(1);
  });

  it('keeps an unconfirmed account from acting: it cannot create an organisation, and signing in mails it a new link', async () => {
    const client = await t.signedInClient({ email: 'unconfirmed@example.com', emailVerified: false });
    const org = await client.query(`mutation { createOrganization(input: { name: "Unconfirmed Ltd", kind: buyer }) { id } }`);
    expect(org.errors?.[0]).toMatchObject({ message: expect.stringContaining('Confirm your email address first'), extensions: { code: 'FORBIDDEN', reason: 'EMAIL_NOT_VERIFIED' } });
    expect(await countRows(t.dataSource, 'organizations', `name = 'Unconfirmed Ltd'`)).toBe(0);
    expect(await countRows(t.dataSource, 'email_verifications', `email = 'unconfirmed@example.com'`)).toBe(1);
    expect((await client.query(VERIFY, { token: await verificationToken('unconfirmed@example.com') })).errors).toBeUndefined();
    expect((await client.query(`mutation { createOrganization(input: { name: "Unconfirmed Ltd", kind: buyer }) { id } }`)).errors).toBeUndefined();
  });

  it('refuses to accredit an unconfirmed account as a reviewer, and accredits it by account once confirmed', async () => {
    const admin = await t.signedInClient({ email: 'admin@accounts.example', platformRoles: ['admin'] });
    const reviewer = await t.signedInClient({ email: 'would-be-reviewer@firm.example', emailVerified: false });
    const [{ id }] = await t.dataSource.query(`SELECT id FROM users WHERE email = 'would-be-reviewer@firm.example'`);
    const refused = await admin.query(`mutation($email: String!) { accreditReviewer(email: $email) }`, { email: 'would-be-reviewer@firm.example' });
    expect(refused.errors?.[0]).toMatchObject({ message: expect.stringContaining('has not confirmed its email address yet'), extensions: { code: 'BAD_USER_INPUT', reason: 'ACCOUNT_NOT_VERIFIED' } });
    expect(await countRows(t.dataSource, 'reviewer_profiles', 'user_id = $1', [id])).toBe(0);
    expect((await reviewer.query(VERIFY, { token: await verificationToken('would-be-reviewer@firm.example') })).errors).toBeUndefined();
    expect((await admin.query(`mutation($userId: ID!) { accreditReviewer(userId: $userId) }`, { userId: id })).errors).toBeUndefined();
    expect(await countRows(t.dataSource, 'reviewer_profiles', 'user_id = $1', [id])).toBe(1);
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
