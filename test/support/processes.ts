import { Client as PgClient } from 'pg';
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from './ports';

/** The repository root and the built API entry point (`npm test` builds it up front). */
export const root = path.resolve(__dirname, '../..');
export const apiEntry = path.join(root, 'dist/api/apps/api/src/main.js');

/** A running Assay process (API, worker or both) started from the built entry point. */
export interface AssayProcess {
  child: ChildProcess;
  /** The HTTP port (also set for workers, which do not listen). */
  port: number;
  url: string;
  readyMs: number;
  output: () => string;
}

/**
 * Starts the built API as `npm start` does, with `env` on top of a minimal environment,
 * and waits until it is ready: `/health` answers 200 for processes that listen, the
 * "Assay is ready" log line for workers (ASSAY_ROLE=worker).
 */
export async function startAssay(env: Record<string, string>, timeoutMs = 60_000): Promise<AssayProcess> {
  if (!fs.existsSync(apiEntry)) throw new Error(`${apiEntry} is missing: run the tests through \`npm test\`, which builds the API first.`);
  const port = env.PORT ? Number(env.PORT) : await freePort();
  if (env.DATABASE_URL) databaseOf.set(`http://127.0.0.1:${port}`, env.DATABASE_URL);
  const t0 = Date.now();
  let output = '';
  const child = spawn(process.execPath, [apiEntry], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), NODE_ENV: 'development', LOG_LEVEL: 'info', ASSAY_SEED: 'false', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const worker = env.ASSAY_ROLE === 'worker';
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`Assay exited early:\n${output}`);
    if (Date.now() - t0 > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`Assay was not ready within ${timeoutMs} ms:\n${output}`);
    }
    if (worker) {
      if (output.includes('Assay is ready')) break;
    } else {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/health`);
        if (res.ok) break;
      } catch {
        // not listening yet
      }
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return { child, port, url: `http://127.0.0.1:${port}`, readyMs: Date.now() - t0, output: () => output };
}

/** Stops a process with SIGTERM (graceful) and resolves with its exit code. */
export async function stopAssay(p: AssayProcess): Promise<number | null> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return p.child.exitCode;
  const exited = new Promise<number | null>((resolve) => p.child.once('exit', (code) => resolve(code)));
  p.child.kill('SIGTERM');
  return exited;
}

/** Kills a process with SIGKILL (no shutdown hooks run) and waits until it is gone. */
export async function killAssay(p: AssayProcess): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => p.child.once('exit', () => resolve()));
  p.child.kill('SIGKILL');
  await exited;
}

/**
 * A GraphQL client over real HTTP to a running Assay process. It keeps its own
 * cookies like one browser and looks like its own network address (the app trusts
 * X-Forwarded-For from loopback), so per-IP rate limits see separate users.
 */
export class ProcessGraphQLClient {
  private readonly cookies = new Map<string, string>();
  readonly ip = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

  constructor(private readonly url: string) {}

  /** Sends one operation; rejects only when no HTTP answer arrives (refused, reset, or `timeoutMs`). */
  async query<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, timeoutMs = 20_000): Promise<ProcessGraphQLResponse<T>> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': this.ip, cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    for (const raw of res.headers.getSetCookie()) {
      const [pair] = raw.split(';');
      const [name, value] = pair.split('=');
      if (!value || /expires=Thu, 01 Jan 1970/i.test(raw)) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    const text = await res.text();
    let body: ProcessGraphQLResponse<T>;
    try {
      body = JSON.parse(text) as ProcessGraphQLResponse<T>;
    } catch {
      body = { errors: [{ message: text.slice(0, 200) }] } as ProcessGraphQLResponse<T>;
    }
    return { ...body, status: res.status };
  }
}

export interface ProcessGraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } & Record<string, unknown> }>;
  status: number;
}

export const PROCESS_TEST_PASSWORD = 'a-long-test-password-9431';

// The database of each started process, so sign-up can read the confirmation link from its mail outbox.
const databaseOf = new Map<string, string>();

/** Signs up a new account through the running process, opens the emailed link, and returns a client signed in as it. */
export async function signedUpClient(url: string, email: string): Promise<ProcessGraphQLClient> {
  const client = new ProcessGraphQLClient(url);
  const res = await client.query(`mutation($input: SignUpInput!) { signUp(input: $input) { message } }`, { input: { email, password: PROCESS_TEST_PASSWORD, displayName: email.split('@')[0] } });
  if (res.errors) throw new Error(`sign-up of ${email} failed: ${res.errors[0].message}`);
  const databaseUrl = databaseOf.get(url.replace('localhost', '127.0.0.1'));
  if (!databaseUrl) throw new Error(`no database known for ${url}: start it with startAssay and a DATABASE_URL`);
  const db = new PgClient({ connectionString: databaseUrl });
  await db.connect();
  try {
    const rows = (await db.query(`SELECT text_body FROM mail_messages WHERE to_address = $1 AND text_body LIKE '%/v/%' ORDER BY created_at DESC LIMIT 1`, [email])).rows as Array<{ text_body: string }>;
    const token = /\/v\/([A-Za-z0-9_-]+)/.exec(rows[0]?.text_body ?? '')?.[1];
    if (!token) throw new Error(`no confirmation mail to ${email}`);
    const verified = await client.query(`mutation($token: String!) { verifyEmail(token: $token) { id } }`, { token });
    if (verified.errors) throw new Error(`confirming ${email} failed: ${verified.errors[0].message}`);
  } finally {
    await db.end();
  }
  return client;
}

/** Polls `condition` every 100 ms until it holds; throws naming `what` after `timeoutMs`. */
export async function until(condition: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** An embedded PostgreSQL run by a helper Node process of its own (see startPostgresProcess). */
export interface PostgresProcess {
  adminUrl: string;
  /** Fast shutdown (SIGINT to the postmaster: every connection ends at once); resolves once it is gone. */
  stop(): Promise<void>;
}

/**
 * Starts an embedded PostgreSQL with data in `dataDir/pg` on `port`, from a helper
 * Node process running the built launcher (dist/api/…/embedded-postgres.js): the
 * embedded-postgres package is ESM, which Jest's module system cannot import. The
 * helper stops the server when asked, or when the test process goes away.
 * Call it again with the same folder and port to restart the same server.
 */
export async function startPostgresProcess(dataDir: string, port: number, timeoutMs = 60_000): Promise<PostgresProcess> {
  const launcher = path.join(root, 'dist/api/apps/api/src/database/embedded-postgres.js');
  if (!fs.existsSync(launcher)) throw new Error(`${launcher} is missing: run the tests through \`npm test\`, which builds the API first.`);
  const script = `
    const { startEmbeddedPostgres } = require(${JSON.stringify(launcher)});
    startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port} }).then((db) => {
      let stopping;
      const stop = () => (stopping ??= db.stop().then(() => process.exit(0)));
      process.on('message', (m) => m === 'stop' && stop());
      process.on('disconnect', stop);
      process.send({ adminUrl: db.adminUrl });
    }, (e) => { console.error(e); process.exit(1); });`;
  let output = '';
  const child = spawn(process.execPath, ['-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const adminUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`PostgreSQL did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.once('message', (m: { adminUrl: string }) => {
      clearTimeout(timer);
      resolve(m.adminUrl);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL helper exited (${code}) before the server was ready:\n${output}`));
    });
  });
  return {
    adminUrl,
    stop: async () => {
      if (child.connected) child.send('stop');
      await exited;
    },
  };
}
