// The write side under read load: a burst of verdicts through GraphQL (`submitVerdict`, as
// reviewers record them) while autocannon drives buyer search on the same API, then — once the
// evidence outbox has drained — every affected vendor's stored signals compared with a
// from-scratch computation (`SignalsService.computeFromScratch`, as signals-consistency does).
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { AppModule } from '../../apps/api/src/app.module';
import { RequestContext } from '../../apps/api/src/common/request-context';
import { loadConfig } from '../../apps/api/src/config/config';
import { hashToken } from '../../apps/api/src/common/tokens';
import { SignalsService } from '../../apps/api/src/modules/signals/signals.service';
import { EVIDENCE_DRAIN_LOCK } from '../../apps/api/src/modules/signals/evidence-events.service';
import { comparableSignalsRow as comparable } from '../shared/signals-comparison';
import { drive } from './load';

export interface BurstResult {
  /** Verdicts sent, and how many the API accepted. */
  verdicts: number;
  accepted: number;
  verdictP50Ms: number;
  verdictP99Ms: number;
  /** From the last verdict's answer until the evidence outbox was empty; null without an outbox. */
  outboxDrainMs: number | null;
  /** Vendors whose signals were refreshed from the burst's start until drained: the verdicts' vendors and the drain's dependents. */
  affectedVendors: number;
  /**
   * Vendors compared with a from-scratch computation once drained: every affected vendor, plus up to
   * 1,000 of those the drain skipped that a reviewer of the verdicts' vendors judged (the old, conservative fan-out).
   */
  checkedVendors: number;
  /** Of those, stored rows that differ from a from-scratch computation at their own computed_at. */
  inconsistentVendors: number;
  /** Search under the burst, on the API (autocannon, same bodies as the search run). */
  searchRpsDuringBurst: number;
  searchP99MsDuringBurst: number;
  note?: string;
}

export interface BurstOptions {
  verdicts: number;
  /** Verdicts in flight at once. */
  concurrency: number;
  /** Search load connections while the burst runs. */
  searchConnections: number;
  searchBodies: readonly string[];
  /** Longest wait for the outbox to drain. */
  drainTimeoutMs: number;
  log: (line: string) => void;
}

const CLAIM = `mutation($taskId: ID!) { claimTask(taskId: $taskId) { id caseStudy { vendorId outcomes { id baselineValue claimedValue } } } }`;
const VERDICT = `mutation($input: SubmitVerdictInput!) { submitVerdict(input: $input) { id } }`;

interface Claimed {
  taskId: string;
  vendorId: string;
  reviewerId: string;
  cookie: string;
  outcomes: Array<{ id: string; baselineValue: number; claimedValue: number }>;
}

async function gql(url: string, cookie: string, query: string, variables: Record<string, unknown>): Promise<{ data?: Record<string, unknown>; errors?: Array<{ message: string }> }> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as { data?: Record<string, unknown>; errors?: Array<{ message: string }> };
}

/** Runs `work` over `items` with at most `concurrency` in flight. */
async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

const percentile = (sorted: number[], p: number): number => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0);

/**
 * Fresh accredited reviewers with live sessions (no verdict history, no affiliations, so no
 * conflict-of-interest rule refuses them), and one waiting primary task for each verdict, offered
 * to them and accepted through GraphQL before the burst starts.
 */
async function prepare(client: Client, apiUrl: string, verdicts: number): Promise<Claimed[]> {
  const reviewers = Math.max(5, Math.ceil(verdicts / 20));
  const cookies: Array<{ reviewerId: string; cookie: string }> = [];
  await client.query('BEGIN');
  for (let k = 0; k < reviewers; k++) {
    const id = randomUUID();
    const token = `bench-burst-${randomUUID()}`;
    await client.query(`INSERT INTO users (id, email, display_name, password_hash, platform_roles, email_verified_at) VALUES ($1, $2, $3, '!', '{reviewer}', now())`, [id, `burst-reviewer-${k}-${id.slice(0, 8)}@reviewers.bench.example`, `Burst reviewer ${k}`]);
    await client.query(`INSERT INTO reviewer_profiles (user_id, accredited_at, spot_checks_agreed, spot_checks_total) VALUES ($1, now() - interval '400 days', 0, 0)`, [id]);
    await client.query(`INSERT INTO sessions (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 day')`, [id, hashToken(token)]);
    cookies.push({ reviewerId: id, cookie: `assay_session=${token}` });
  }
  await client.query('COMMIT');
  // Open primary tasks of submitted case studies, one per vendor while there are enough vendors.
  const tasks: Array<{ id: string }> = (
    await client.query(
      `SELECT id FROM (
         SELECT DISTINCT ON (cs.vendor_id) t.id, cs.vendor_id
           FROM verification_tasks t JOIN case_studies cs ON cs.id = t.case_study_id
          WHERE t.kind = 'primary' AND t.status IN ('open', 'offered') AND cs.status = 'submitted' AND cs.superseded_at IS NULL
          ORDER BY cs.vendor_id, t.id) one_per_vendor
        ORDER BY md5(id::text) LIMIT $1`,
      [verdicts],
    )
  ).rows;
  // The draw is not what this measures: each task is offered to a burst reviewer directly, as the
  // reviewers themselves were made, and accepted through GraphQL like any offer.
  const assignments = tasks.map((t, i) => ({ taskId: t.id, ...cookies[i % cookies.length] }));
  for (const a of assignments) {
    await client.query(`UPDATE verification_tasks SET status = 'offered', offered_to_id = $2, offer_expires_at = now() + interval '2 days', leased_to_id = NULL, lease_expires_at = NULL WHERE id = $1`, [a.taskId, a.reviewerId]);
    await client.query(`INSERT INTO task_offers (task_id, reviewer_id, expires_at) VALUES ($1, $2, now() + interval '2 days')`, [a.taskId, a.reviewerId]);
  }
  const claimed: Claimed[] = [];
  await pool(
    assignments,
    4,
    async ({ taskId, cookie, reviewerId }) => {
      const res = await gql(apiUrl, cookie, CLAIM, { taskId });
      const task = res.data?.claimTask as { caseStudy: { vendorId: string; outcomes: Claimed['outcomes'] } } | undefined;
      if (task) claimed.push({ taskId, cookie, reviewerId, vendorId: task.caseStudy.vendorId, outcomes: task.caseStudy.outcomes });
    },
  );
  return claimed;
}

function verdictInput(c: Claimed, i: number): Record<string, unknown> {
  const results = ['verified', 'partially_verified', 'refuted', 'verified'] as const;
  return {
    taskId: c.taskId,
    outcomes: c.outcomes.map((o, k) => {
      const result = results[(i + k) % results.length];
      const share = result === 'verified' ? 1 : result === 'partially_verified' ? 0.6 : 0.1;
      return { outcomeClaimId: o.id, result, verifiedValue: Math.round((o.baselineValue + (o.claimedValue - o.baselineValue) * share) * 100) / 100 };
    }),
    productionStatus: i % 3 === 0 ? 'poc_only' : 'in_production',
    handover: (['client_alone', 'joint', 'vendor'] as const)[i % 3],
    rubric: { properBaseline: true, heldOutOrOnlineEvaluation: i % 2 === 0, leakageChecked: null, monitoringInProduction: false, notes: '' },
    notes: 'Benchmark burst verdict.',
    conflictDeclaration: 'none',
    noConflictOfInterest: true,
  };
}

/** Events still in the evidence outbox (the drain deletes them once their vendors are stored), or null without an outbox. */
async function outboxPending(client: Client): Promise<number | null> {
  const exists = (await client.query(`SELECT to_regclass('evidence_outbox') IS NOT NULL AS yes`)).rows[0].yes as boolean;
  if (!exists) return null;
  return Number((await client.query(`SELECT count(*)::int AS n FROM evidence_outbox`)).rows[0].n);
}

/**
 * Waits until the outbox is empty and no drain holds its lock (an empty outbox means every event's
 * vendors were stored, unless a drain is still finishing). True once drained, false on timeout,
 * null without an outbox.
 */
async function waitForDrain(client: Client, timeoutMs: number): Promise<boolean | null> {
  const started = performance.now();
  let pending = await outboxPending(client);
  if (pending === null) return null;
  while (pending > 0 && performance.now() - started < timeoutMs) {
    await new Promise((r) => setTimeout(r, 50));
    pending = (await outboxPending(client)) ?? 0;
  }
  if (pending > 0) return false;
  await client.query(`SELECT pg_advisory_lock(hashtext($1))`, [EVIDENCE_DRAIN_LOCK]);
  await client.query(`SELECT pg_advisory_unlock(hashtext($1))`, [EVIDENCE_DRAIN_LOCK]);
  return true;
}

/** Vendors skipped by the drain that the comparison samples, at most. */
const SKIPPED_SAMPLE = 1000;

/**
 * Once drained: the vendors refreshed since the burst started (the verdicts' vendors and every
 * dependent the drain found), and, to show that the vendors it skipped need nothing, a sample of
 * the vendors judged by any reviewer of the verdicts' vendors (what the drain used to refresh),
 * each against a from-scratch computation at the stored row's own computed_at, numbers and explanations.
 */
async function inconsistentVendors(databaseUrl: string, dataDir: string, client: Client, claimed: readonly Claimed[], since: Date): Promise<{ affected: number; checked: number; inconsistent: number; differedAtFirst: number }> {
  const refreshed: string[] = (await client.query(`SELECT vendor_id FROM vendor_signals WHERE computed_at >= $1 ORDER BY vendor_id`, [since])).rows.map((r: { vendor_id: string }) => r.vendor_id);
  const conservative: string[] = (
    await client.query(
      `SELECT DISTINCT o.vendor_id FROM verdicts o
        WHERE o.reviewer_id IN (SELECT v.reviewer_id FROM verdicts v WHERE v.vendor_id = ANY($1::uuid[]))
        ORDER BY o.vendor_id`,
      [claimed.map((c) => c.vendorId)],
    )
  ).rows.map((r: { vendor_id: string }) => r.vendor_id);
  const refreshedSet = new Set(refreshed);
  const skipped = conservative.filter((id) => !refreshedSet.has(id));
  const step = Math.max(1, Math.ceil(skipped.length / SKIPPED_SAMPLE));
  const toCheck = [...refreshed, ...skipped.filter((_, i) => i % step === 0)];

  const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: databaseUrl, ASSAY_DATA_DIR: dataDir, ASSAY_SEED: 'false', ASSAY_ROLE: 'api', LOG_LEVEL: 'silent' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, databaseUrl), { logger: false });
  try {
    const signals = app.get(SignalsService);
    const system = RequestContext.system();
    const differs = async (id: string, explain: boolean): Promise<boolean> => {
      const stored = await signals.stored(system, id);
      if (!stored) return false;
      const fresh = await signals.computeFromScratch(system, id, stored.computedAt);
      const explanations = await signals.storedExplanations(system, id);
      const same =
        isDeepStrictEqual(comparable(stored), comparable(fresh)) &&
        explanations?.computedAt.toISOString() === stored.computedAt.toISOString() &&
        isDeepStrictEqual(explanations.explanations, JSON.parse(JSON.stringify(fresh.explanations)));
      if (!same && explain) {
        const a = comparable(stored) as Record<string, unknown>;
        const b = comparable(fresh) as Record<string, unknown>;
        const keys = Object.keys(a).filter((k) => !isDeepStrictEqual(a[k], b[k]));
        const freshExplanations = JSON.parse(JSON.stringify(fresh.explanations)) as Record<string, Record<string, unknown>>;
        const storedExplanations = (explanations?.explanations ?? {}) as unknown as Record<string, Record<string, unknown>>;
        const differing = Object.keys(freshExplanations).flatMap((part) =>
          Object.keys(freshExplanations[part]).filter((k) => !isDeepStrictEqual(storedExplanations[part]?.[k], freshExplanations[part][k])).map((k) => `${part}.${k}`),
        );
        const first = differing[0]?.split('.');
        process.stderr.write(
          `inconsistent ${id}: stored ${stored.computedAt.toISOString()}, explanations ${explanations?.computedAt.toISOString() ?? 'missing'}; ` +
            `numbers differ in [${keys.join(', ')}]: ${JSON.stringify(keys.map((k) => [a[k], b[k]])).slice(0, 800)}; ` +
            `explanations differ in [${differing.join(', ')}]` +
            (first ? `: stored ${JSON.stringify(storedExplanations[first[0]]?.[first[1]]).slice(0, 1200)} fresh ${JSON.stringify(freshExplanations[first[0]][first[1]]).slice(0, 1200)}` : '') +
            '\n',
        );
      }
      return !same;
    };
    // The job worker keeps running while this checks: a scheduled sweep (reference expiry every
    // 15 minutes, follow-up sends hourly) may record events for hundreds of vendors meanwhile, whose
    // explanations then wait for the next drain, as designed. A vendor counts as inconsistent only if
    // it still differs once the outbox is empty again (up to three rounds).
    let suspects: string[] = [];
    for (const id of toCheck) if (await differs(id, false)) suspects.push(id);
    const differedAtFirst = suspects.length;
    for (let round = 0; round < 3 && suspects.length; round++) {
      if (!(await waitForDrain(client, 60_000))) break;
      const still: string[] = [];
      for (const id of suspects) if (await differs(id, !!process.env.BENCH_EXPLAIN_INCONSISTENT && round === 2 && still.length < 3)) still.push(id);
      suspects = still;
    }
    const inconsistent = suspects.length;
    return { affected: refreshed.length, checked: toCheck.length, inconsistent, differedAtFirst };
  } finally {
    await app.close();
  }
}

/**
 * The burst: verdicts sent `concurrency` at a time while autocannon drives search on the same
 * API; each verdict's latency is measured from request to answer. Then the outbox is polled until
 * empty (when there is one) and every affected vendor is checked against a full recompute.
 */
export async function measureVerdictBurst(databaseUrl: string, apiUrl: string, dataDir: string, options: BurstOptions): Promise<BurstResult> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const claimed = await prepare(client, apiUrl, options.verdicts);
    options.log(`verdict burst: ${claimed.length} tasks claimed by fresh reviewers; sending ${claimed.length} verdicts, ${options.concurrency} at a time, under search load`);
    const latencies: number[] = [];
    let accepted = 0;
    let firstError: string | undefined;
    let sending = true;
    // Search load for as long as the verdicts take (autocannon runs in whole seconds, so in rounds).
    const searchRounds: Array<{ rps: number; p99Ms: number }> = [];
    const load = (async () => {
      while (sending) searchRounds.push(await drive(apiUrl, options.searchBodies, options.searchConnections, 2));
    })();
    const started = performance.now();
    const startedAt = new Date();
    await pool(
      claimed.map((c, i) => ({ c, i })),
      options.concurrency,
      async ({ c, i }) => {
        const t0 = performance.now();
        const res = await gql(apiUrl, c.cookie, VERDICT, { input: verdictInput(c, i) });
        latencies.push(performance.now() - t0);
        if (res.data?.submitVerdict && !res.errors) accepted++;
        else firstError ??= JSON.stringify(res.errors ?? res).slice(0, 300);
      },
    );
    const burstEnded = performance.now();
    sending = false;
    const drained = await waitForDrain(client, options.drainTimeoutMs);
    const pending = drained === null ? null : drained ? 0 : await outboxPending(client);
    const outboxDrainMs = pending === 0 ? Math.round(performance.now() - burstEnded) : null;

    await load;
    options.log(`verdict burst: ${accepted}/${claimed.length} accepted in ${((burstEnded - started) / 1000).toFixed(1)} s; outbox ${pending === null ? 'absent' : pending === 0 ? `drained in ${outboxDrainMs} ms` : `still has ${pending} events`}`);
    // Compared only once drained: before that, the dependents are expected to lag.
    const consistency = pending === 0 ? await inconsistentVendors(databaseUrl, dataDir, client, claimed, startedAt) : { affected: 0, checked: 0, inconsistent: 0, differedAtFirst: 0 };
    const sorted = [...latencies].sort((a, b) => a - b);
    const totalRequests = searchRounds.length;
    const notes = [
      pending === null ? 'no evidence_outbox table in this schema: nothing to drain' : undefined,
      consistency.differedAtFirst > consistency.inconsistent
        ? `${consistency.differedAtFirst - consistency.inconsistent} vendors differed at the first comparison and no longer once a scheduled sweep's events were drained`
        : undefined,
      pending !== null && pending > 0 ? `the outbox still had ${pending} events after ${options.drainTimeoutMs} ms` : undefined,
      firstError ? `first refused verdict: ${firstError}` : undefined,
    ].filter(Boolean);
    return {
      verdicts: claimed.length,
      accepted,
      verdictP50Ms: Math.round(percentile(sorted, 50)),
      verdictP99Ms: Math.round(percentile(sorted, 99)),
      outboxDrainMs,
      affectedVendors: consistency.affected,
      checkedVendors: consistency.checked,
      inconsistentVendors: consistency.inconsistent,
      searchRpsDuringBurst: totalRequests ? Math.round((searchRounds.reduce((n, r) => n + r.rps, 0) / totalRequests) * 10) / 10 : 0,
      searchP99MsDuringBurst: Math.max(0, ...searchRounds.map((r) => r.p99Ms)),
      ...(notes.length ? { note: notes.join('; ') } : {}),
    };
  } finally {
    await client.end();
  }
}
