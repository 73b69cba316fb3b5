import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { encodeSignerKey, generateSignerKey } from '@assay/ledger';
import { Pool } from 'pg';
import { createTestDatabase } from '../support/database';
import { caseStudyInput } from '../support/factories';
import { ANSWER, answerInput, SUBMIT } from '../support/ledger-flow';
import { type AssayProcess, killAssay, ProcessGraphQLClient, root, signedUpClient, startAssay, stopAssay, until } from '../support/processes';
import { linkToken } from '../support/smtp';

// kill -9 of the API in the middle of a burst of ledger-appending writes: every write
// it acknowledged must be in the database with its ledger entry, the log must pass
// the real `ledger:verify` CLI, and a restarted API must carry on appending.

const ORIGIN = 'assay.test/ledger';
const SIGNER_KEY = encodeSignerKey(generateSignerKey(ORIGIN));
const CREATE = `mutation($input: CreateCaseStudyInput!) { createCaseStudy(input: $input) { id } }`;
const NOMINATE = `mutation($input: NominateReferenceInput!) { nominateReference(input: $input) { id } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawCaseStudy(id: $id) { id status } }`;

/** One ledger-appending write of the burst. */
type Write = { kind: 'withdrawal'; caseStudyId: string; client: ProcessGraphQLClient } | { kind: 'reference_answer'; caseStudyId: string; token: string; outcomeIds: string[] };

/** Runs `ledger:verify` as an operator would (the built CLI), against `databaseUrl`. */
function ledgerVerify(databaseUrl: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const cli = path.join(root, 'dist/api/apps/api/src/cli/ledger-verify.js');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, '--database-url', databaseUrl, '--origin', ORIGIN],
      { cwd: root, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LEDGER_SIGNER_KEY: SIGNER_KEY, LEDGER_ORIGIN: ORIGIN } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Runs `work` over `items` with at most `concurrency` in flight; stops taking new items once `stop()` says so. */
async function pool<T>(items: T[], concurrency: number, stop: () => boolean, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length && !stop()) await work(items[next++]);
    }),
  );
}

describe('API process killed (kill -9) during a burst of ledger writes (fault test)', () => {
  let databaseUrl: string;
  let db: Pool;
  let api: AssayProcess | undefined;
  const env = () => ({ DATABASE_URL: databaseUrl, ASSAY_ROLE: 'all', LEDGER_SIGNER_KEY: SIGNER_KEY, LEDGER_ORIGIN: ORIGIN, LEDGER_CHECKPOINT_INTERVAL_SECONDS: '1', JOBS_MAINTENANCE_SECONDS: '2', LOG_LEVEL: 'warn' });

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    db = new Pool({ connectionString: databaseUrl, max: 4 });
    api = await startAssay(env());
  }, 90_000);

  afterAll(async () => {
    if (api) await stopAssay(api);
    await db.end();
  });

  const rows = async <R>(sql: string, params: unknown[] = []): Promise<R[]> => (await db.query(sql, params)).rows as R[];

  /** Three vendors with 25 drafts each to withdraw, and 9 submitted case studies whose references can answer. */
  async function prepareWrites(url: string): Promise<Write[]> {
    const writes: Write[] = [];
    for (const v of [1, 2, 3]) {
      const owner = await signedUpClient(url, `owner@crash-${v}.example`);
      const org = await owner.query<{ createOrganization: { id: string } }>(`mutation($name: String!) { createOrganization(input: { name: $name, kind: vendor }) { id } }`, { name: `Crash Analytics ${v}` });
      const vendorId = org.data!.createOrganization.id;
      const create = async (title: string) => {
        const res = await owner.query<{ createCaseStudy: { id: string } }>(CREATE, { input: caseStudyInput(vendorId, { title }) });
        if (!res.data) throw new Error(`createCaseStudy: ${JSON.stringify(res.errors)}`);
        return res.data.createCaseStudy.id;
      };
      const drafts = await Promise.all(Array.from({ length: 25 }, (_, i) => create(`Crash ${v}.${i}`)));
      writes.push(...drafts.map((caseStudyId) => ({ kind: 'withdrawal' as const, caseStudyId, client: owner })));
      for (let r = 0; r < 3; r++) {
        const caseStudyId = await create(`Referenced ${v}.${r}`);
        const contactEmail = `ref${v}${r}@acme-retail.example`;
        const nominated = await owner.query(NOMINATE, { input: { caseStudyId, contactName: 'Jane Client', contactEmail, contactRole: 'Head of Data' } });
        if (nominated.errors) throw new Error(`nominate: ${nominated.errors[0].message}`);
        const submitted = await owner.query(SUBMIT, { id: caseStudyId });
        if (submitted.errors) throw new Error(`submit: ${submitted.errors[0].message}`);
        const [mail] = await rows<{ text_body: string }>(`SELECT text_body FROM mail_messages WHERE to_address = $1`, [contactEmail]);
        const outcomeIds = (await rows<{ id: string }>(`SELECT id FROM outcome_claims WHERE case_study_id = $1 ORDER BY position`, [caseStudyId])).map((o) => o.id);
        writes.push({ kind: 'reference_answer', caseStudyId, token: linkToken(mail.text_body, '/r/'), outcomeIds });
      }
    }
    // Interleave the two kinds and the three vendors.
    return writes.sort(() => Math.random() - 0.5);
  }

  /** Sends one write; true when the API acknowledged it (HTTP 200, data, no errors). */
  async function send(url: string, w: Write): Promise<boolean> {
    if (w.kind === 'withdrawal') {
      const res = await w.client.query<{ withdrawCaseStudy: { status: string } }>(WITHDRAW, { id: w.caseStudyId });
      return res.status === 200 && !res.errors && res.data?.withdrawCaseStudy.status === 'withdrawn';
    }
    const res = await new ProcessGraphQLClient(url).query<{ answerReference: boolean }>(ANSWER, { token: w.token, input: answerInput(w.outcomeIds) });
    return res.status === 200 && !res.errors && res.data?.answerReference === true;
  }

  /** Whether a write is in the database: the fact's row, and its ledger entry. */
  async function persisted(w: Write): Promise<{ fact: boolean; entries: number }> {
    if (w.kind === 'withdrawal') {
      const [cs] = await rows<{ status: string }>(`SELECT status FROM case_studies WHERE id = $1`, [w.caseStudyId]);
      const [{ n }] = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM ledger_entries WHERE kind = 'withdrawal' AND subject_id = $1`, [w.caseStudyId]);
      return { fact: cs.status === 'withdrawn', entries: n };
    }
    const responses = await rows<{ id: string }>(`SELECT rr.id FROM reference_responses rr JOIN reference_requests q ON q.id = rr.reference_request_id WHERE q.case_study_id = $1`, [w.caseStudyId]);
    if (responses.length === 0) return { fact: false, entries: 0 };
    const [{ n }] = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM ledger_entries WHERE kind = 'reference_answer' AND subject_id = $1`, [responses[0].id]);
    return { fact: true, entries: n };
  }

  async function leafIndices(): Promise<number[]> {
    return (await rows<{ leaf_index: string }>(`SELECT leaf_index FROM ledger_entries ORDER BY leaf_index`)).map((r) => Number(r.leaf_index));
  }

  it('keeps every acknowledged write with its ledger entry, passes ledger:verify, and appends again after a restart', async () => {
    const writes = await prepareWrites(api!.url).catch((e) => {
      throw new Error(`${e}\n${api?.output()}`);
    });
    const acknowledged: Write[] = [];
    const lost: Array<{ write: Write; error: string }> = [];
    const killAt = Math.floor(writes.length * 0.4);
    let killing: Promise<void> | undefined;
    let killed = false;
    let killedAfterMs = 0;
    const crashed = api!;

    // The burst: 12 writes in flight at a time; kill -9 the moment 40% are acknowledged.
    const burstStart = Date.now();
    await pool(writes, 12, () => killed, async (w) => {
      try {
        if (await send(crashed.url, w)) acknowledged.push(w);
        else lost.push({ write: w, error: 'refused' });
      } catch (e) {
        lost.push({ write: w, error: String((e as Error).cause ?? e) });
      }
      if (!killing && acknowledged.length >= killAt) {
        // A few random milliseconds later, so the kill lands wherever the in-flight writes are.
        killing = new Promise<void>((resolve) =>
          setTimeout(() => {
            killed = true;
            killedAfterMs = Date.now() - burstStart;
            crashed.child.kill('SIGKILL');
            resolve();
          }, Math.random() * 25),
        );
      }
    });
    await killing;
    await killAssay(crashed);
    api = undefined;
    expect(crashed.child.signalCode).toBe('SIGKILL');
    // It was mid-burst: some writes were acknowledged and some were cut off in flight.
    expect(acknowledged.length).toBeGreaterThanOrEqual(killAt);
    expect(lost.length).toBeGreaterThan(0);
    expect(lost.filter((l) => l.error === 'refused')).toEqual([]);

    // Every acknowledged write is in the database, logged exactly once.
    for (const w of acknowledged) expect({ write: `${w.kind} ${w.caseStudyId}`, ...(await persisted(w)) }).toEqual({ write: `${w.kind} ${w.caseStudyId}`, fact: true, entries: 1 });
    // Writes cut off in flight either committed whole (fact and entry) or not at all.
    const inFlight = await Promise.all(lost.map((l) => persisted(l.write)));
    expect(inFlight.filter((p) => p.entries !== (p.fact ? 1 : 0))).toEqual([]);
    const sizeAtCrash = (await leafIndices()).length;
    expect(await leafIndices()).toEqual(Array.from({ length: sizeAtCrash }, (_, i) => i));
    expect(sizeAtCrash).toBe(acknowledged.length + inFlight.filter((p) => p.fact).length);

    const afterCrash = await ledgerVerify(databaseUrl);
    expect(afterCrash).toMatchObject({ code: 0, stderr: '' });
    expect(afterCrash.stdout).toMatch(new RegExp(`^ok: ${sizeAtCrash} entries, root `));

    // A new process on the same database (and address) serves and appends again: the rest of the writes all succeed.
    api = await startAssay({ ...env(), PORT: String(crashed.port) });
    const remaining: Write[] = [];
    for (const w of writes) if (!(await persisted(w)).fact) remaining.push(w);
    expect(remaining.length).toBeGreaterThan(0);
    const results = await Promise.all(remaining.map((w) => send(api!.url, w)));
    expect(results.every(Boolean)).toBe(true);
    for (const w of writes) expect((await persisted(w)).entries).toBe(1);
    const finalSize = writes.length;
    expect(await leafIndices()).toEqual(Array.from({ length: finalSize }, (_, i) => i));

    // The publish job signs a tree head over the whole log, and the log verifies again.
    await until(async () => (await rows<{ n: number }>(`SELECT coalesce(max(tree_size), 0)::int AS n FROM ledger_tree_heads`))[0].n === finalSize, 30_000, `a signed tree head of size ${finalSize}`);
    const afterRestart = await ledgerVerify(databaseUrl);
    expect(afterRestart).toMatchObject({ code: 0, stderr: '' });
    expect(afterRestart.stdout).toMatch(new RegExp(`^ok: ${finalSize} entries, root .*latest signed tree head of size ${finalSize}`));

    console.log(
      `API crash: ${writes.length} writes; killed ${killedAfterMs} ms into the burst with ${acknowledged.length} acknowledged and ${lost.length} cut off ` +
        `(${inFlight.filter((p) => p.fact).length} of those committed anyway); restart ready in ${api.readyMs} ms; ledger:verify ok at ${sizeAtCrash} and ${finalSize} entries.`,
    );
  }, 150_000);
});
