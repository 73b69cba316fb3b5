import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { encodeSignerKey, generateSignerKey } from '@assay/ledger';
import { Client } from 'pg';
import { MIGRATIONS } from '@assay/migrations';
import { createEmptyDatabase } from '../support/database';
import { type AssayProcess, PROCESS_TEST_PASSWORD, type ProcessGraphQLResponse, startAssay, stopAssay, until } from '../support/processes';
import { TestSmtpServer } from '../support/smtp';

// Two API processes and two workers on one PostgreSQL, as on several hosts: each process
// has its own data folder, all share DATABASE_URL and the ledger signer key. They are
// deployed at once on an empty database, so they also race to migrate it. The test plays
// the load balancer and sends each request to the process it chooses.

/**
 * One browser behind the load balancer: it keeps its cookies (and its network address,
 * via X-Forwarded-For, which the app trusts from loopback) whichever process answers.
 */
class Browser {
  private readonly cookies = new Map<string, string>();
  readonly ip = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

  async query<T = Record<string, unknown>>(api: AssayProcess, query: string, variables: Record<string, unknown> = {}): Promise<ProcessGraphQLResponse<T>> {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': this.ip, cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(20_000),
    });
    for (const raw of res.headers.getSetCookie()) {
      const [pair] = raw.split(';');
      const [name, value] = pair.split('=');
      if (!value || /expires=Thu, 01 Jan 1970/i.test(raw)) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return { ...((await res.json()) as ProcessGraphQLResponse<T>), status: res.status };
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }
}

const ME = `{ me { email memberships { role organization { id name } } } }`;
const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { message } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { email } }`;
const SIGN_OUT = `mutation { signOut }`;
const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name } }`;
const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id email } }`;

const VERIFY_EMAIL = `mutation($token: String!) { verifyEmail(token: $token) { email } }`;

/** Signs up through `api` and opens the emailed confirmation link there, which signs the browser in. */
async function signUp(browser: Browser, api: AssayProcess, db: Client, email: string): Promise<void> {
  const res = await browser.query(api, SIGN_UP, { input: { email, password: PROCESS_TEST_PASSWORD, displayName: email.split('@')[0] } });
  if (res.errors) throw new Error(`sign-up of ${email} failed: ${res.errors[0].message}`);
  const mail = await db.query<{ text_body: string }>(`SELECT text_body FROM mail_messages WHERE to_address = $1 AND text_body LIKE '%/v/%' ORDER BY created_at DESC LIMIT 1`, [email]);
  const token = /\/v\/([A-Za-z0-9_-]+)/.exec(mail.rows[0]?.text_body ?? '')?.[1];
  if (!token) throw new Error(`no confirmation mail to ${email}`);
  const verified = await browser.query(api, VERIFY_EMAIL, { token });
  if (verified.errors) throw new Error(`confirming ${email} failed: ${verified.errors[0].message}`);
}

/** `Sent mail <id> to <address>` lines a process logged (the worker that delivered a mail logs it once). */
function sentMailIds(p: AssayProcess): string[] {
  return [...p.output().matchAll(/Sent mail ([0-9a-f-]{36}) to /g)].map((m) => m[1]);
}

describe('Scale-out: two API processes and two workers on one PostgreSQL (fault test: real processes)', () => {
  const smtp = new TestSmtpServer();
  const dataDirs: string[] = [];
  let db: Client;
  let api1: AssayProcess;
  let api2: AssayProcess;
  let worker1: AssayProcess;
  let worker2: AssayProcess;
  const all = () => [api1, api2, worker1, worker2].filter(Boolean);

  beforeAll(async () => {
    const databaseUrl = await createEmptyDatabase();
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const origin = 'scale-out.test/ledger';
    const shared = {
      DATABASE_URL: databaseUrl,
      SMTP_URL: await smtp.start(),
      LEDGER_ORIGIN: origin,
      LEDGER_SIGNER_KEY: encodeSignerKey(generateSignerKey(origin)),
      LOG_LEVEL: 'info', // workers log `Sent mail <id> to <address>` at info
    };
    const start = (role: 'api' | 'worker') => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `assay-scale-out-${role}-`));
      dataDirs.push(dataDir);
      return startAssay({ ...shared, ASSAY_ROLE: role, ASSAY_DATA_DIR: dataDir }, 90_000);
    };
    [api1, api2, worker1, worker2] = await Promise.all([start('api'), start('api'), start('worker'), start('worker')]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(all().map((p) => stopAssay(p)));
    await db?.end();
    await smtp.stop();
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('starts all four at once on an empty database: they take turns to migrate it, each migration applied once', async () => {
    const applied = await db.query<{ name: string; n: number }>(`SELECT name, count(*)::int AS n FROM typeorm_migrations GROUP BY name`);
    expect(applied.rows).toHaveLength(MIGRATIONS.length);
    expect(applied.rows.every((r) => r.n === 1)).toBe(true);
    for (const p of all()) expect(p.output()).toContain('"msg":"Schema migrated"');
  });

  it('serves HTTP only from the api processes and works jobs only in the workers', async () => {
    for (const api of [api1, api2]) {
      expect((await fetch(`${api.url}/health`)).status).toBe(200);
      expect(api.output()).not.toMatch(/Working \d+ job queues/);
    }
    for (const worker of [worker1, worker2]) {
      expect(worker.output()).toMatch(/Working \d+ job queues/);
      await expect(fetch(`${worker.url}/health`)).rejects.toThrow(); // a worker does not listen
    }
  });

  it('keeps a session across processes: signed up on API 1, used on API 2, signed out on API 2 → refused on API 1', async () => {
    const browser = new Browser();
    await signUp(browser, api1, db, 'ada@scale-out.example');
    const token = browser.cookie('assay_session');
    expect(token).toBeDefined();

    const me = await browser.query<{ me: { email: string } | null }>(api2, ME);
    expect(me.data?.me?.email).toBe('ada@scale-out.example');
    const org = await browser.query<{ createOrganization: { id: string; name: string } }>(api2, CREATE_ORG, { input: { name: 'Scale-Out Analytics', kind: 'vendor' } });
    expect(org.errors).toBeUndefined();
    // The write through API 2 is what API 1 reads.
    const meOn1 = await browser.query<{ me: { memberships: Array<{ role: string; organization: { id: string } }> } }>(api1, ME);
    expect(meOn1.data?.me.memberships).toEqual([{ role: 'owner', organization: { id: org.data!.createOrganization.id, name: 'Scale-Out Analytics' } }]);

    // Signing in again on API 2 starts a second session that API 1 honours too.
    const other = new Browser();
    const signIn = await other.query<{ signIn: { email: string } }>(api2, SIGN_IN, { input: { email: 'ada@scale-out.example', password: PROCESS_TEST_PASSWORD } });
    expect(signIn.data?.signIn.email).toBe('ada@scale-out.example');
    expect((await other.query<{ me: { email: string } | null }>(api1, ME)).data?.me?.email).toBe('ada@scale-out.example');

    expect((await browser.query<{ signOut: boolean }>(api2, SIGN_OUT)).data?.signOut).toBe(true);
    // The old cookie, replayed against the other process, is dead there too.
    const replay = new Browser();
    replay.setCookie('assay_session', token!);
    expect((await replay.query<{ me: unknown }>(api1, ME)).data?.me).toBeNull();
    const refused = await replay.query(api1, CREATE_ORG, { input: { name: 'Ghost Analytics', kind: 'vendor' } });
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await db.query(`SELECT count(*)::int AS n FROM organizations WHERE name = 'Ghost Analytics'`)).rows[0].n).toBe(0);
    // The session signed in separately is untouched.
    expect((await other.query<{ me: { email: string } | null }>(api2, ME)).data?.me?.email).toBe('ada@scale-out.example');
  });

  it('runs each job once: 30 invitations sent through both API processes arrive exactly once each, delivered by both workers', async () => {
    const owner = new Browser();
    await signUp(owner, api1, db, 'grace@scale-out.example');
    const org = await owner.query<{ createOrganization: { id: string } }>(api2, CREATE_ORG, { input: { name: 'Mailing Analytics', kind: 'vendor' } });
    const organizationId = org.data!.createOrganization.id;
    const invitees = Array.from({ length: 30 }, (_, i) => `invitee${i}@scale-out.example`);
    // Two at a time, alternating processes, like a load balancer under a steady stream of requests.
    for (let i = 0; i < invitees.length; i += 2) {
      const sent = await Promise.all(
        [api1, api2].map((api, k) => owner.query<{ inviteMember: { email: string } }>(api, INVITE, { input: { organizationId, email: invitees[i + k], role: 'member' } })),
      );
      for (const res of sent) expect(res.errors).toBeUndefined();
    }

    const invitationMails = () => smtp.mails.filter((m) => m.subject.includes('Mailing Analytics'));
    await until(() => invitationMails().length >= invitees.length, 60_000, `${invitees.length} invitation mails`);
    // Give a duplicate (a job run twice) time to show up.
    await new Promise((r) => setTimeout(r, 2_000));
    const mails = invitationMails();
    expect(mails.map((m) => m.to[0]).sort()).toEqual([...invitees].sort());
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(invitees.length);

    // pg-boss handed each job to one worker, once: every job completed on its first try.
    const jobs = await db.query<{ state: string; retry_count: number; n: number }>(
      `SELECT j.state, j.retry_count, count(*)::int AS n FROM pgboss.job j
         JOIN mail_messages m ON m.id::text = j.data->>'mailId'
        WHERE j.name = 'mail.send' AND m.to_address LIKE 'invitee%@scale-out.example'
        GROUP BY 1, 2`,
    );
    expect(jobs.rows).toEqual([{ state: 'completed', retry_count: 0, n: invitees.length }]);
    const attempts = await db.query(`SELECT status, attempts, count(*)::int AS n FROM mail_messages WHERE to_address LIKE 'invitee%@scale-out.example' GROUP BY 1, 2`);
    expect(attempts.rows).toEqual([{ status: 'sent', attempts: 1, n: invitees.length }]);

    // Both workers delivered some; the API processes none; no mail was delivered twice.
    const ids = (await db.query<{ id: string }>(`SELECT id FROM mail_messages WHERE to_address LIKE 'invitee%@scale-out.example'`)).rows.map((r) => r.id);
    const byWorker = [worker1, worker2].map((w) => sentMailIds(w).filter((id) => ids.includes(id)));
    expect(byWorker[0].length).toBeGreaterThan(0);
    expect(byWorker[1].length).toBeGreaterThan(0);
    expect([...byWorker[0], ...byWorker[1]].sort()).toEqual([...ids].sort());
    for (const api of [api1, api2]) expect(sentMailIds(api)).toEqual([]);
  }, 90_000);

  it('counts failed sign-ins across both API processes: the guessing address is refused for the account, whichever process it asks', async () => {
    const account = new Browser();
    await signUp(account, api1, db, 'linus@scale-out.example');
    const attacker = new Browser();
    const attempt = (api: AssayProcess, password: string) => attacker.query(api, SIGN_IN, { input: { email: 'linus@scale-out.example', password } });

    // 5 failures per account and address per 15 minutes (RATE_LIMITS.signInFailuresAccountIp), shared by both processes.
    for (let i = 0; i < 5; i++) {
      const res = await attempt(i % 2 === 0 ? api1 : api2, `wrong-password-${i}`);
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    for (const api of [api1, api2]) {
      const refused = await attempt(api, 'wrong-password-again');
      expect(refused.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
      expect(refused.errors?.[0].message).toBe('Too many failed sign-ins for this account from this network. Please try again in 15 minutes.');
      const retryAfter = refused.errors?.[0].extensions?.retryAfterSeconds as number;
      expect(retryAfter).toBeGreaterThan(14 * 60);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    }
    // Even the right password waits at this address: it is refused before any check.
    const right = await attempt(api2, PROCESS_TEST_PASSWORD);
    expect(right.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(attacker.cookie('assay_session')).toBeUndefined();
  });
});
