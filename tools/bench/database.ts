import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../../apps/api/src/config/config';
import { ensureDatabase, withDatabase } from '../../apps/api/src/database/database-url';
import { provisionDatabase } from '../../apps/api/src/database/provision';
import { freePort } from '../shared/ports';

/** Where the benchmark keeps its market; `release()` removes it. */
export interface BenchDatabase {
  url: string;
  /** `embedded` (a temporary PostgreSQL), `fresh` (a new database on DATABASE_URL's server) or `given` (used as is). */
  kind: 'embedded' | 'fresh' | 'given';
  release(): Promise<void>;
}

export type DatabaseChoice =
  /** A new database on this server (DATABASE_URL), dropped afterwards. */
  | { serverUrl: string }
  /** This database exactly (already created, e.g. a test clone); left in place. */
  | { databaseUrl: string }
  /** An embedded PostgreSQL in a temporary folder, removed afterwards. */
  | { embedded: true };

/**
 * Gets a database for one benchmark run. The embedded server goes through the app's own
 * provisioning (provision.ts → embedded-postgres.ts), in a temp folder readable by `postgres`.
 */
export async function openBenchDatabase(choice: DatabaseChoice, log: (line: string) => void = () => undefined): Promise<BenchDatabase> {
  if ('databaseUrl' in choice) return { url: choice.databaseUrl, kind: 'given', release: async () => undefined };
  if ('serverUrl' in choice) {
    const name = `assay_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
    await ensureDatabase(choice.serverUrl, name);
    log(`created database ${name}`);
    return {
      url: withDatabase(choice.serverUrl, name),
      kind: 'fresh',
      release: async () => {
        const admin = new Client({ connectionString: choice.serverUrl });
        await admin.connect();
        try {
          await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } finally {
          await admin.end();
        }
      },
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-bench-'));
  fs.chmodSync(dataDir, 0o755);
  const config = loadConfig({ ASSAY_DATA_DIR: dataDir, ASSAY_EMBEDDED_PG_PORT: String(await freePort()) });
  try {
    const db = await provisionDatabase(config);
    log(`started an embedded PostgreSQL in ${dataDir}`);
    return {
      url: db.url,
      kind: 'embedded',
      release: async () => {
        try {
          await db.stop();
        } finally {
          fs.rmSync(dataDir, { recursive: true, force: true });
        }
      },
    };
  } catch (e) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
}
