import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEmptyDatabase } from '../support/database';
import { freePort } from '../support/ports';
import { apiEntry as entry, root, startAssay, stopAssay as stop } from '../support/processes';

/** Runs the built API as `npm start` does (quiet logs, demo seeding on) and waits until /health says ok. */
const start = (env: Record<string, string>) => startAssay({ LOG_LEVEL: 'warn', ASSAY_SEED: 'true', ...env });

async function vendorCount(port: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ vendors(first: 1) { totalCount } }' }),
  });
  const body = (await res.json()) as { data: { vendors: { totalCount: number } } };
  return body.data.vendors.totalCount;
}

describe('Starting Assay (npm start)', () => {
  it('runs on any PostgreSQL given by DATABASE_URL: migrates, seeds at least 30 consultancies, stops cleanly', async () => {
    const url = await createEmptyDatabase();
    const app = await start({ DATABASE_URL: url });
    try {
      expect(await vendorCount(app.port)).toBeGreaterThanOrEqual(30);
      const health = await (await fetch(`http://127.0.0.1:${app.port}/health`)).json();
      expect(health).toMatchObject({ status: 'ok', database: { ready: true } });
    } finally {
      expect(await stop(app)).toBe(0);
    }
  }, 90_000);

  it('starts its own embedded PostgreSQL when DATABASE_URL is unset, and a second start reuses the data', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-start-'));
    fs.chmodSync(dataDir, 0o755);
    const env = { ASSAY_DATA_DIR: dataDir, ASSAY_EMBEDDED_PG_PORT: String(await freePort()) };
    try {
      const first = await start(env);
      const seeded = await vendorCount(first.port);
      expect(await stop(first)).toBe(0);

      const second = await start(env);
      try {
        expect(await vendorCount(second.port)).toBe(seeded);
        // No initdb and no seeding the second time.
        expect(second.readyMs).toBeLessThan(first.readyMs);
      } finally {
        expect(await stop(second)).toBe(0);
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses a bad configuration value with one line naming the variable', () => {
    let stderr = '';
    try {
      execFileSync(process.execPath, [entry], { cwd: root, env: { PATH: process.env.PATH ?? '', PORT: 'eighty' }, stdio: 'pipe' });
    } catch (e) {
      stderr = String((e as { stderr: Buffer }).stderr);
    }
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Invalid configuration: PORT /)]);
  });
});
