import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { type BenchResult, runBench } from '../../tools/bench/bench';
import { createTestDatabase } from '../support/database';

const root = path.resolve(__dirname, '../..');

/**
 * `npm run bench` at a tiny scale: the whole pipeline (seed, recompute, API and floor
 * processes, equality check, load) on this file's own database, in well under a minute.
 * The figures themselves are only checked for sanity; docs/scaling.md has real ones.
 */
describe('npm run bench (smoke, tiny market)', () => {
  let result: BenchResult;

  beforeAll(async () => {
    // The children run built files: the API (`npm test` builds it) and the bench's floor and preload.
    execFileSync(process.execPath, [require.resolve('@swc/cli/bin/swc.js'), 'tools/bench', 'tools/shared', 'apps/web/src/gql/graphql.ts', '-d', 'dist/api', '--config-file', '.swcrc', '-q', '--ignore', '**/*.d.ts'], { cwd: root });
    result = await runBench({
      scale: { vendors: 200, caseStudies: 2000, referenceAnswers: 6000 },
      quick: true,
      durationSec: 1,
      warmupSec: 0.5,
      connections: 4,
      database: { databaseUrl: await createTestDatabase() },
      verifySamples: 15,
      incrementalSamples: 3,
      burstVerdicts: 20,
      log: () => undefined,
    });
  }, 300_000);

  it('reports the documented JSON shape', () => {
    const json = JSON.parse(JSON.stringify(result)) as Record<string, unknown>;
    expect(json.scale).toEqual(expect.objectContaining({ vendors: 200, caseStudies: 2000, referenceAnswers: 6000 }));
    expect((json.operations as Array<{ name: string }>).map((o) => o.name)).toEqual(['search', 'vendor', 'compare']);
    for (const op of json.operations as Array<Record<string, unknown>>) {
      for (const key of ['name', 'rps', 'p50Ms', 'p99Ms', 'floorRps', 'ratioToFloor', 'sqlStatements']) expect(op).toHaveProperty(key);
    }
    const search = (json.operations as Array<Record<string, unknown>>).find((op) => op.name === 'search')!;
    for (const key of ['baselineRps', 'baselineP99Ms', 'speedupOverBaseline']) expect(search).toHaveProperty(key);
    expect(json.recompute).toEqual(expect.objectContaining({ fullMs: expect.any(Number), incrementalMs: expect.any(Number) }));
    expect(json.recompute).toHaveProperty('outboxDrainMs');
    expect(json.recompute).toHaveProperty('verdictP99Ms');
  });

  it("checked that the floor's answers equal the API's before measuring", () => {
    for (const op of result.operations) expect(op.verifiedSamples).toBeGreaterThan(0);
  });

  it('spends at most 4 SQL statements per operation and no more than the floor, and the counter sees them', () => {
    for (const op of result.operations) {
      // Search is one statement (page, total and facets); the vendor page and compare at least two.
      expect(op.sqlStatements).toBeGreaterThanOrEqual(op.name === 'search' ? 1 : 2);
      expect(op.sqlStatements).toBeLessThanOrEqual(4);
      expect(op.sqlStatements).toBeLessThanOrEqual(op.floorSqlStatements);
      expect(op.floorSqlStatements).toBeGreaterThanOrEqual(op.name === 'search' ? 1 : 2);
    }
  });

  it('measures search against the frozen baseline SQL in the same run', () => {
    const search = result.operations.find((op) => op.name === 'search')!;
    expect(search.baselineRps).toBeGreaterThan(0);
    expect(search.baselineP99Ms).toBeGreaterThanOrEqual(search.baselineP50Ms!);
    expect(search.baselineSqlStatements).toBe(2);
    expect(search.baselineErrors).toBe(0);
  });

  it('measures sane numbers without errors', () => {
    for (const op of result.operations) {
      expect(op.rps).toBeGreaterThan(0);
      expect(op.floorRps).toBeGreaterThan(0);
      expect(op.ratioToFloor).toBeGreaterThan(0);
      expect(op.p99Ms).toBeGreaterThanOrEqual(op.p50Ms);
      expect(op.errors + op.floorErrors).toBe(0);
    }
    expect(result.recompute.vendors).toBe(200);
    expect(result.recompute.fullMs).toBeGreaterThan(0);
    expect(result.recompute.incrementalMs).toBeGreaterThan(0);
  });

  it('records a burst of verdicts under search load, and every affected vendor equals a full recompute afterwards', () => {
    const burst = result.recompute.burst!;
    expect(burst.verdicts).toBeGreaterThan(0);
    expect(burst.accepted).toBe(burst.verdicts);
    expect(burst.verdictP99Ms).toBeGreaterThanOrEqual(burst.verdictP50Ms);
    expect(result.recompute.verdictP99Ms).toBe(burst.verdictP99Ms);
    expect(burst.affectedVendors).toBeGreaterThanOrEqual(1);
    expect(burst.inconsistentVendors).toBe(0);
  });
});
