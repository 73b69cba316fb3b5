// One benchmark run: a database, the seeded market, the signals recompute through the
// app's own SignalsService, then the API and the raw-SQL floor side by side under the
// same load, after checking that both answer every sampled request with the same JSON.
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { AppModule } from '../../apps/api/src/app.module';
import { RequestContext } from '../../apps/api/src/common/request-context';
import { loadConfig } from '../../apps/api/src/config/config';
import { openDataSource } from '../../apps/api/src/database/data-source';
import { TransactionService } from '../../apps/api/src/database/transaction.service';
import { SignalsService } from '../../apps/api/src/modules/signals/signals.service';
import { EvidenceEventsService } from '../../apps/api/src/modules/signals/evidence-events.service';
import { DatabaseChoice, openBenchDatabase } from './database';
import { drive, firstDifference, post } from './load';
import { documents, type Operation, operations } from './operations';
import { DEFAULT_SEED, type Scale, seedMarket } from './seed';
import { type ServerProcess, startApi, startBaseline, startFloor, startWorker } from './servers';
import { type BurstResult, measureVerdictBurst } from './burst';
import { createBaselineDocuments } from './baseline';

/** The issues' targets on a 2-core machine (issue 13: search, the vendor page and compare). */
export const TARGETS = {
  ratioToFloor: 0.5,
  compareRatioToFloor: 0.65,
  /** Search throughput over the frozen baseline SQL's (baseline.ts), in the same run. */
  searchSpeedupOverBaseline: 20,
  searchP99Ms: 250,
  /** After 500 verdicts under search load: the outbox drained and every affected vendor equals a full recompute. */
  outboxDrainMs: 30_000,
  verdictP99Ms: 100,
  sqlStatementsPerOperation: 4,
  fullRecomputeMs: 30_000,
  incrementalMs: 10,
  seedMs: 60_000,
} as const;

export interface BenchOptions {
  scale: Scale;
  quick: boolean;
  durationSec: number;
  warmupSec: number;
  connections: number;
  database: DatabaseChoice;
  /** Requests per operation whose API and floor answers must deep-equal. */
  verifySamples: number;
  /** Vendors whose incremental refresh is timed (the median is reported). */
  incrementalSamples: number;
  /** A line of progress for people (stderr); never stdout. */
  log: (line: string) => void;
  /** Seed of the market's content (default: the same market every run). */
  seed?: number;
  /** Only these operations (default: all three). */
  only?: string[];
  /** Write CPU profiles of the API and the floor here (for finding what limits throughput). */
  profileDir?: string;
  /** Progress of a long stage (seeding, recompute). */
  onProgress?: (stage: string, done: number, total: number) => void;
  /** Verdicts in the burst under search load (default 500; 0 leaves the burst out). */
  burstVerdicts?: number;
}

export interface OperationResult {
  name: string;
  operationName: string;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  floorRps: number;
  ratioToFloor: number;
  sqlStatements: number;
  floorP50Ms: number;
  floorP99Ms: number;
  floorSqlStatements: number;
  requests: number;
  floorRequests: number;
  errors: number;
  floorErrors: number;
  /** Requests whose API and floor answers were compared (all deep-equal, or the run fails). */
  verifiedSamples: number;
  /** Search only: the floor server with the frozen pre-vendor_search SQL (baseline.ts), same load, same run. */
  baselineRps?: number;
  baselineP50Ms?: number;
  baselineP99Ms?: number;
  baselineErrors?: number;
  baselineSqlStatements?: number;
  /** rps ÷ baselineRps. */
  speedupOverBaseline?: number;
}

export interface BenchResult {
  scale: { vendors: number; caseStudies: number; referenceAnswers: number; quick: boolean; rows: Record<string, number>; seedMs: number; searchDocumentsMs: number; vacuumMs: number; baselineDocumentsMs: number };
  operations: OperationResult[];
  recompute: {
    fullMs: number;
    incrementalMs: number;
    vendors: number;
    /** The market context (claim-accuracy median) refresh the nightly job runs first. */
    marketMs: number;
    /** Vendors the drain refreshes besides the vendor itself after a fact naming no reviewer (shared contacts), median. */
    incrementalDependentsMedian: number;
    /** The vendor alone (no dependents), median. */
    singleVendorMs: number;
    incrementalSamples: number;
    /** After a burst of verdicts under search load: from the last verdict until the evidence outbox was empty (null: no outbox, or it did not drain). */
    outboxDrainMs: number | null;
    /** p99 latency of one `submitVerdict` mutation during the burst. */
    verdictP99Ms: number | null;
    /** The whole burst measurement. */
    burst: BurstResult | null;
  };
  targets: typeof TARGETS;
  checks: Record<string, boolean>;
  settings: { durationSec: number; warmupSec: number; connections: number; bodiesPerOperation: number; database: string; seed: number };
  /** Load averages (1, 5, 15 min) when the run started and ended: other work on the machine skews every figure. */
  machine: { cores: number; cpu: string; node: string; postgres: string; loadAverage: number[]; loadAverageAtEnd: number[] };
  totalMs: number;
}

const median = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (v: number, digits = 1): number => Math.round(v * 10 ** digits) / 10 ** digits;

/** Full recompute and incremental refreshes through the app's own SignalsService (a Nest application context, like the CLI). */
export async function measureSignals(url: string, dataDir: string, options: BenchOptions): Promise<Omit<BenchResult['recompute'], 'outboxDrainMs' | 'verdictP99Ms' | 'burst'>> {
  const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: url, ASSAY_DATA_DIR: dataDir, ASSAY_SEED: 'false', LOG_LEVEL: 'silent' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, url), { logger: false });
  try {
    const signals = app.get(SignalsService);
    const tx = app.get(TransactionService);
    const events = app.get(EvidenceEventsService);
    const system = RequestContext.system();

    let t = performance.now();
    const market = await signals.refreshMarket();
    const marketMs = performance.now() - t;
    t = performance.now();
    const vendors = await signals.recomputeAll({ onProgress: (done, total) => options.onProgress?.('recomputing signals', done, total) });
    const fullMs = performance.now() - t;

    // Incremental: what every fact-changing use case runs in its transaction (the vendor's numbers;
    // its dependents are refreshed by the outbox drain, counted here).
    const ids: string[] = (await tx.manager(system).query(`SELECT id FROM organizations WHERE kind = 'vendor' ORDER BY id`)).map((r: { id: string }) => r.id);
    const step = Math.max(1, Math.floor(ids.length / options.incrementalSamples));
    const sample = ids.filter((_, i) => i % step === 0).slice(0, options.incrementalSamples);
    // As `EvidenceEventsService.record` runs it: no market argument, so the stored market is read with the evidence.
    const inTransaction = (inTx: RequestContext, id: string) => signals.refreshVendors(inTx, [id], new Date(), undefined, { explanations: false });
    await tx.run(system, (inTx) => inTransaction(inTx, sample[0])); // warm-up
    const incremental: number[] = [];
    const single: number[] = [];
    const dependents: number[] = [];
    for (const id of sample) {
      t = performance.now();
      await tx.run(system, (inTx) => inTransaction(inTx, id));
      incremental.push(performance.now() - t);
      t = performance.now();
      await tx.run(system, (inTx) => signals.refreshVendors(inTx, [id], new Date(), market, { explanations: true }));
      single.push(performance.now() - t);
      // A fact naming no reviewer (a reference answer): its dependents are the vendors sharing a contact.
      dependents.push((await events.affectedVendors(system, [{ vendor_id: id, reviewer_id: null, cause: 'reference_answered' }])).length - 1);
    }
    return {
      fullMs: round(fullMs, 0),
      incrementalMs: round(median(incremental), 2),
      vendors,
      marketMs: round(marketMs, 0),
      incrementalDependentsMedian: median(dependents),
      singleVendorMs: round(median(single), 2),
      incrementalSamples: sample.length,
    };
  } finally {
    await app.close();
  }
}

/** Sends the same sampled requests to both servers; throws on the first answer that differs. */
async function verifyEquality(op: Operation, api: ServerProcess, floor: ServerProcess, samples: number): Promise<{ checked: number; nonEmpty: number }> {
  const step = Math.max(1, Math.floor(op.bodies.length / samples));
  let checked = 0;
  let nonEmpty = 0;
  for (let i = 0; i < op.bodies.length && checked < samples; i += step) {
    const body = op.bodies[i];
    const [a, f] = await Promise.all([post(api.url, body), post(floor.url, body)]);
    if (a.status !== 200 || a.json.errors || !a.json.data) throw new Error(`The API failed ${op.operationName} (${a.status}): ${JSON.stringify(a.json).slice(0, 500)}\nrequest: ${body.slice(-300)}`);
    if (f.status !== 200 || f.json.errors || !f.json.data) throw new Error(`The floor failed ${op.operationName} (${f.status}): ${JSON.stringify(f.json).slice(0, 500)}\nrequest: ${body.slice(-300)}`);
    const difference = firstDifference(a.json, f.json);
    if (difference) throw new Error(`The floor's answer differs from the API's for ${op.operationName} at ${difference}\nrequest: ${body.slice(-400)}`);
    const nodes = (a.json.data as { searchVendors?: { nodes: unknown[] } }).searchVendors?.nodes;
    if (op.name !== 'search' || (nodes?.length ?? 0) > 0) nonEmpty++;
    checked++;
  }
  if (nonEmpty === 0) throw new Error(`Every sampled ${op.operationName} answer was empty: the comparison would prove nothing.`);
  return { checked, nonEmpty };
}

/**
 * Waits until the requests a load run left in flight have finished: the server's connections
 * are idle in PostgreSQL and its statement count has stopped moving.
 */
async function settle(server: ServerProcess, databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    let last = -1;
    for (let quiet = 0; quiet < 2; ) {
      await new Promise((r) => setTimeout(r, 200));
      const busy = (await client.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND state <> 'idle'`, [server.applicationName])).rows[0].n as number;
      const now = await server.statements();
      quiet = busy === 0 && now === last ? quiet + 1 : 0;
      last = now;
    }
  } finally {
    await client.end();
  }
}

/** Statements one request costs on an otherwise idle, warmed-up server: the most over a few different requests. */
async function statementsPerRequest(server: ServerProcess, op: Operation, tries = 5): Promise<number> {
  let most = 0;
  for (let i = 0; i < tries; i++) {
    const body = op.bodies[(i * 97) % op.bodies.length];
    const before = await server.statements();
    const res = await post(server.url, body);
    if (res.status !== 200 || res.json.errors) throw new Error(`${server.name} failed ${op.operationName}: ${JSON.stringify(res.json).slice(0, 300)}`);
    most = Math.max(most, (await server.statements()) - before);
  }
  return most;
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function machine(url: string): Promise<BenchResult['machine']> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const version = (await client.query('SHOW server_version')).rows[0].server_version as string;
    const cpus = os.cpus();
    return { cores: cpus.length, cpu: cpus[0]?.model ?? 'unknown', node: process.version, postgres: version, loadAverage: os.loadavg().map((v) => round(v, 2)), loadAverageAtEnd: [] };
  } finally {
    await client.end();
  }
}

async function vendorIds(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    // After the recompute: fresh statistics and no dead tuples under the measurements.
    await client.query('VACUUM (ANALYZE) vendor_signals');
    return (await client.query(`SELECT id FROM organizations WHERE kind = 'vendor' ORDER BY id`)).rows.map((r: { id: string }) => r.id);
  } finally {
    await client.end();
  }
}

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const started = performance.now();
  const log = options.log;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-bench-work-'));
  fs.chmodSync(workDir, 0o755);
  const db = await openBenchDatabase(options.database, log);
  const servers: ServerProcess[] = [];
  let cleaned: Promise<void> | undefined;
  const cleanup = () =>
    (cleaned ??= (async () => {
      await Promise.allSettled(servers.map((s) => s.stop()));
      await db.release();
      fs.rmSync(workDir, { recursive: true, force: true });
    })());
  // Ctrl-C stops the children and the embedded PostgreSQL and removes the temporary folders.
  const interrupted = () => void cleanup().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const ds = await openDataSource({ url: db.url, poolSize: 2, migrate: true });
    await ds.destroy();
    const host = await machine(db.url);

    log(`seeding ${options.scale.vendors} vendors, ${options.scale.caseStudies} case studies, ${options.scale.referenceAnswers} reference answers`);
    const seeded = await seedMarket(db.url, options.scale, { seed: options.seed, onProgress: options.onProgress });
    log(`seeded in ${(seeded.ms / 1000).toFixed(1)} s`);
    const baselineDocumentsMs = await withClient(db.url, async (client) => {
      const t0 = performance.now();
      await createBaselineDocuments(client);
      return performance.now() - t0;
    });
    log(`built the frozen baseline's vendor_search_documents in ${(baselineDocumentsMs / 1000).toFixed(1)} s`);

    log('recomputing every vendor’s signals through SignalsService');
    const recompute = await measureSignals(db.url, workDir, options);
    log(`full recompute ${(recompute.fullMs / 1000).toFixed(1)} s; incremental refresh ${recompute.incrementalMs} ms (median of ${recompute.incrementalSamples})`);

    const ops = operations(await vendorIds(db.url)).filter((op) => !options.only?.length || options.only.includes(op.name));
    if (ops.length === 0) throw new Error(`No operation is called ${options.only?.join(', ')}; choose from search, vendor, compare.`);
    log('starting the API and the floor');
    const api = await startApi(db.url, workDir, options.profileDir);
    servers.push(api);
    const floor = await startFloor(db.url, documents(), options.profileDir);
    servers.push(floor);
    const baseline = ops.some((op) => op.name === 'search') ? await startBaseline(db.url, documents(), options.profileDir) : null;
    if (baseline) servers.push(baseline);

    // Requests one at a time: the equality check, then (on servers warmed up by it) the statements per request.
    const verified = new Map<string, number>();
    const statements = new Map<string, { api: number; floor: number; baseline?: number }>();
    for (const op of ops) {
      const v = await verifyEquality(op, api, floor, options.verifySamples);
      verified.set(op.name, v.checked);
      if (op.name === 'search' && baseline) await verifyEquality(op, api, baseline, options.verifySamples);
      statements.set(op.name, { api: await statementsPerRequest(api, op), floor: await statementsPerRequest(floor, op), baseline: op.name === 'search' && baseline ? await statementsPerRequest(baseline, op) : undefined });
      log(`${op.operationName}: the floor's JSON equals the API's for ${v.checked} sampled requests; ${statements.get(op.name)!.api} SQL statements per request (floor ${statements.get(op.name)!.floor})`);
    }

    const results: OperationResult[] = [];
    for (const op of ops) {
      const measured: Record<string, Awaited<ReturnType<typeof drive>>> = {};
      for (const server of op.name === 'search' && baseline ? [api, floor, baseline] : [api, floor]) {
        if (options.warmupSec > 0) {
          await drive(server.url, op.bodies, options.connections, options.warmupSec);
          await settle(server, db.url);
        }
        log(`${op.operationName} on the ${server.name}: ${options.durationSec} s at ${options.connections} connections`);
        measured[server.name] = await drive(server.url, op.bodies, options.connections, options.durationSec);
        await settle(server, db.url); // the next run starts on an idle machine
      }
      const a = { load: measured[api.name], statements: statements.get(op.name)!.api };
      const f = { load: measured[floor.name], statements: statements.get(op.name)!.floor };
      results.push({
        name: op.name,
        operationName: op.operationName,
        rps: round(a.load.rps),
        p50Ms: a.load.p50Ms,
        p99Ms: a.load.p99Ms,
        floorRps: round(f.load.rps),
        ratioToFloor: f.load.rps > 0 ? round(a.load.rps / f.load.rps, 3) : 0,
        sqlStatements: a.statements,
        floorP50Ms: f.load.p50Ms,
        floorP99Ms: f.load.p99Ms,
        floorSqlStatements: f.statements,
        requests: a.load.requests,
        floorRequests: f.load.requests,
        errors: a.load.errors,
        floorErrors: f.load.errors,
        verifiedSamples: verified.get(op.name) ?? 0,
        ...(baseline && measured[baseline.name]
          ? {
              baselineRps: round(measured[baseline.name].rps),
              baselineP50Ms: measured[baseline.name].p50Ms,
              baselineP99Ms: measured[baseline.name].p99Ms,
              baselineErrors: measured[baseline.name].errors,
              baselineSqlStatements: statements.get(op.name)!.baseline,
              speedupOverBaseline: measured[baseline.name].rps > 0 ? round(a.load.rps / measured[baseline.name].rps, 2) : 0,
            }
          : {}),
      });
    }

    // The write side under read load: a burst of verdicts while search runs, with a job worker draining the outbox.
    let burst: BurstResult | null = null;
    const searchOp = ops.find((op) => op.name === 'search');
    if (searchOp && options.burstVerdicts !== 0) {
      const worker = await startWorker(db.url, workDir);
      servers.push(worker);
      burst = await measureVerdictBurst(db.url, api.url, workDir, {
        verdicts: options.burstVerdicts ?? 500,
        concurrency: 8,
        searchConnections: options.connections,
        searchBodies: searchOp.bodies,
        // Long enough to report how long the drain really takes when it misses the 30 s target.
        drainTimeoutMs: 600_000,
        log,
      });
    }
    const recomputeWithBurst: BenchResult['recompute'] = { ...recompute, outboxDrainMs: burst?.outboxDrainMs ?? null, verdictP99Ms: burst?.verdictP99Ms ?? null, burst };

    const search = results.find((r) => r.name === 'search');
    const compare = results.find((r) => r.name === 'compare');
    const checks: Record<string, boolean> = {
      ratioToFloor: results.every((r) => r.ratioToFloor >= TARGETS.ratioToFloor),
      ...(compare ? { compareRatioToFloor: compare.ratioToFloor >= TARGETS.compareRatioToFloor } : {}),
      ...(search ? { searchP99Ms: search.p99Ms <= TARGETS.searchP99Ms, searchSpeedupOverBaseline: (search.speedupOverBaseline ?? 0) >= TARGETS.searchSpeedupOverBaseline } : {}),
      sqlStatementsAtMostFloor: results.every((r) => r.sqlStatements <= r.floorSqlStatements),
      sqlStatementsPerOperation: results.every((r) => r.sqlStatements <= TARGETS.sqlStatementsPerOperation),
      fullRecomputeMs: recompute.fullMs <= TARGETS.fullRecomputeMs,
      incrementalMs: recompute.incrementalMs <= TARGETS.incrementalMs,
      ...(burst
        ? {
            outboxDrainMs: burst.outboxDrainMs !== null && burst.outboxDrainMs <= TARGETS.outboxDrainMs && burst.inconsistentVendors === 0,
            verdictP99Ms: burst.verdictP99Ms <= TARGETS.verdictP99Ms,
          }
        : {}),
      seedMs: seeded.ms <= TARGETS.seedMs,
      noErrors: results.every((r) => r.errors === 0 && r.floorErrors === 0 && !r.baselineErrors),
    };
    return {
      scale: {
        vendors: seeded.rows.organizations ?? 0,
        caseStudies: seeded.rows.case_studies ?? 0,
        referenceAnswers: seeded.rows.reference_responses ?? 0,
        quick: options.quick,
        rows: seeded.rows,
        seedMs: round(seeded.ms, 0),
        searchDocumentsMs: round(seeded.searchDocumentsMs, 0),
        vacuumMs: round(seeded.vacuumMs, 0),
        baselineDocumentsMs: round(baselineDocumentsMs, 0),
      },
      operations: results,
      recompute: recomputeWithBurst,
      targets: TARGETS,
      checks,
      settings: { durationSec: options.durationSec, warmupSec: options.warmupSec, connections: options.connections, bodiesPerOperation: ops[0].bodies.length, database: db.kind, seed: options.seed ?? DEFAULT_SEED },
      machine: { ...host, loadAverageAtEnd: os.loadavg().map((v) => round(v, 2)) },
      totalMs: round(performance.now() - started, 0),
    };
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await cleanup();
  }
}
