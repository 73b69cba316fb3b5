import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureDatabase, withDatabase } from '../../apps/api/src/database/database-url';
import { freePort } from '../support/ports';
import { type AssayProcess, type PostgresProcess, type ProcessGraphQLClient, signedUpClient, startAssay, startPostgresProcess, stopAssay, until } from '../support/processes';
import { TestSmtpServer } from '../support/smtp';

// This file stops and starts a PostgreSQL server, so it runs its own (in a temp
// folder, on a free port) and never touches the one the other test files share.

interface Sample {
  at: number;
  kind: 'read' | 'write';
  ok: boolean;
  /** The API answered over HTTP (with data or a GraphQL error), rather than the connection failing. */
  answered: boolean;
  ms: number;
  error?: string;
}

const READ = `{ vendors(first: 5) { totalCount } }`;
const WRITE = `mutation($input: UpdateVendorProfileInput!) { updateVendorProfile(input: $input) { id } }`;

async function health(url: string): Promise<{ status: number; body: { status: string; live: boolean; database: { ready: boolean; error?: string } } }> {
  const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(10_000) });
  return { status: res.status, body: await res.json() };
}

/** A signed-up vendor owner with their vendor organization, all through the running process. */
async function vendorOwner(url: string, n: number): Promise<{ client: ProcessGraphQLClient; vendorId: string }> {
  const client = await signedUpClient(url, `owner${n}@pg-restart.example`);
  const org = await client.query<{ createOrganization: { id: string } }>(`mutation($name: String!) { createOrganization(input: { name: $name, kind: vendor }) { id } }`, { name: `Restart Analytics ${n}` });
  if (!org.data) throw new Error(`createOrganization: ${JSON.stringify(org.errors)}`);
  return { client, vendorId: org.data.createOrganization.id };
}

interface LogLine {
  level: number;
  msg: string;
  context?: string;
}

/** The process's JSON log lines (pino), skipping anything else it printed. */
function logLines(output: string): LogLine[] {
  return output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as LogLine);
}

describe('PostgreSQL restarts under load (fault test: one API process, its own PostgreSQL)', () => {
  let dataDir: string;
  let pgPort: number;
  let pg: PostgresProcess | undefined;
  let api: AssayProcess | undefined;
  const smtp = new TestSmtpServer();

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-faults-pg-'));
    fs.chmodSync(dataDir, 0o755);
    pgPort = await freePort();
    pg = await startPostgresProcess(dataDir, pgPort);
    await ensureDatabase(pg.adminUrl, 'assay');
    const smtpUrl = await smtp.start();
    // ASSAY_ROLE=all: this one process serves requests and works jobs, so both must recover.
    api = await startAssay({ DATABASE_URL: withDatabase(pg.adminUrl, 'assay'), ASSAY_ROLE: 'all', SMTP_URL: smtpUrl, LOG_LEVEL: 'info', JOBS_MAINTENANCE_SECONDS: '2' });
  }, 90_000);

  afterAll(async () => {
    if (api) await stopAssay(api);
    await pg?.stop().catch(() => undefined);
    await smtp.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('answers unhealthy while PostgreSQL is down, then recovers by itself: reads, writes and jobs work again without a restart', async () => {
    const vendors = await Promise.all([1, 2].map((n) => vendorOwner(api!.url, n)));
    const [{ client: owner, vendorId }] = vendors;
    const pid = api!.child.pid;

    // A steady load: two loops (two vendor owners, under the per-user mutation limit), each doing two buyer-side reads and a vendor write.
    const samples: Sample[] = [];
    let loading = true;
    const loop = async ({ client, vendorId }: { client: ProcessGraphQLClient; vendorId: string }, n: number) => {
      for (let i = 0; loading; i++) {
        const kind = i % 3 === 2 ? 'write' : 'read';
        const t0 = Date.now();
        try {
          const res = kind === 'read' ? await client.query(READ) : await client.query(WRITE, { input: { vendorId, description: `Load ${n}.${i}` } });
          samples.push({ at: t0, kind, ok: res.status === 200 && !res.errors, answered: true, ms: Date.now() - t0, error: res.errors?.[0]?.message });
        } catch (e) {
          samples.push({ at: t0, kind, ok: false, answered: false, ms: Date.now() - t0, error: String(e) });
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const loops = Promise.all(vendors.map((v, n) => loop(v, n)));

    await until(() => samples.filter((s) => s.ok && s.kind === 'write').length >= 5, 20_000, 'the load to get going');
    expect(await health(api!.url)).toMatchObject({ status: 200, body: { status: 'ok', database: { ready: true } } });

    // Fast shutdown (SIGINT): PostgreSQL ends every connection at once.
    const downAt = Date.now();
    await pg!.stop();
    pg = undefined;

    const down = await health(api!.url);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'unhealthy', live: true, database: { ready: false, error: expect.any(String) } });
    // Requests fail while the database is gone; they are answered, not left hanging.
    await until(() => samples.some((s) => s.at > downAt + 200 && !s.ok), 15_000, 'a request to fail during the outage');
    await new Promise((r) => setTimeout(r, 3000));
    const during = samples.filter((s) => s.at > downAt + 200);
    expect(during.length).toBeGreaterThan(0);
    expect(during.every((s) => !s.ok && s.answered)).toBe(true);
    expect(Math.max(...during.map((s) => s.ms))).toBeLessThan(10_000);

    // The same server, same port, same data: the API is not told anything.
    pg = await startPostgresProcess(dataDir, pgPort);
    const upAt = Date.now();
    await until(async () => (await health(api!.url)).status === 200, 20_000, '/health to become healthy again by itself');
    const recoveredMs = Date.now() - upAt;
    expect(await health(api!.url)).toMatchObject({ status: 200, body: { status: 'ok', database: { ready: true } } });

    // The steady load succeeds again, reads and writes alike: every request that starts once /health says so.
    const recovered = Date.now();
    await until(() => samples.filter((s) => s.at >= recovered && s.kind === 'write').length >= 4, 15_000, 'writes after the recovery');
    loading = false;
    await loops;
    const after = samples.filter((s) => s.at >= recovered);
    expect(after.filter((s) => !s.ok)).toEqual([]);
    expect(after.filter((s) => s.kind === 'read').length).toBeGreaterThanOrEqual(4);

    // A job: the invitation mail is queued in the request's transaction and sent by pg-boss in this same process.
    const invite = await owner.query(`mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id } }`, { input: { organizationId: vendorId, email: 'after-restart@pg-restart.example', role: 'member' } });
    expect(invite.errors).toBeUndefined();
    await smtp.waitFor('after-restart@pg-restart.example', /./, 30_000);

    // Still the same process: it neither crashed nor was restarted.
    expect(api!.child.exitCode).toBeNull();
    expect(api!.child.pid).toBe(pid);

    // The log says what happened, once, instead of restarting or flooding: one line when
    // the database went away and one when it came back, and pg-boss's own complaints bounded.
    const lines = logLines(api!.output());
    const healthLines = lines.filter((l) => l.context === 'Health');
    expect(healthLines.map((l) => [l.level, l.msg.replace(/\(.*?\)/, '(…)').replace(/[\d.]+ s/, 'N s')])).toEqual([
      [50, 'Database unreachable (…): /health answers 503 and requests that need the database fail until it is back; the connection pool reconnects by itself.'],
      [40, 'Database reachable again after N s unhealthy: /health answers 200.'],
    ]);
    expect(healthLines[0].msg).toMatch(/ECONNREFUSED|terminating connection|shutting down/);
    expect(lines.filter((l) => l.msg.startsWith('Assay is ready'))).toHaveLength(1);
    const failed = samples.filter((s) => !s.ok).length;
    const bossErrors = lines.filter((l) => l.context === 'Jobs' && l.level >= 50);
    expect(bossErrors.length).toBeLessThan(30);
    expect(lines.filter((l) => l.level >= 50).length).toBeLessThanOrEqual(2 * failed + bossErrors.length + 5);
    console.log(
      `PostgreSQL restart: down ${((upAt - downAt) / 1000).toFixed(1)} s; /health healthy ${recoveredMs} ms after PostgreSQL was back; ` +
        `${samples.length} requests, ${failed} failed during the outage; ${bossErrors.length} pg-boss error lines; ${lines.length} log lines in all.`,
    );
  }, 120_000);
});
