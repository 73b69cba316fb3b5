import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../apps/api/src/database/data-source';
import { ensureDatabase, withDatabase } from '../../apps/api/src/database/database-url';
import { startEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';
import { freePort } from './ports';

export const TEMPLATE_DB = 'assay_template';


/**
 * Starts one PostgreSQL for the whole run (embedded, or TEST_DATABASE_URL's server),
 * applies the real migrations once to a template database, and tells the test
 * files where it is. Each file then clones its own database from the template.
 */
export default async function globalSetup(globalConfig: { selectProjects?: string[] }): Promise<void> {
  const only = globalConfig.selectProjects;
  if (only && only.length > 0 && only.every((p) => p === 'unit')) return;

  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-test-pg-'));
    fs.chmodSync(dataDir, 0o755);
    const server = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    adminUrl = server.adminUrl;
    (globalThis as { __assayPg?: { stop(): Promise<void>; dataDir: string } }).__assayPg = { stop: server.stop, dataDir };
  }
  const template = `${TEMPLATE_DB}_${process.pid}`;
  const admin = new DataSource({ type: 'postgres', url: adminUrl });
  await admin.initialize();
  await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  await admin.destroy();
  await ensureDatabase(adminUrl, template);
  const ds = new DataSource(dataSourceOptions({ url: withDatabase(adminUrl, template), poolSize: 1 }));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  // pg-boss keeps its own versioned schema; create it once in the template too.
  const boss = new PgBoss({ connectionString: withDatabase(adminUrl, template), max: 1, schema: 'pgboss', supervise: false, schedule: false });
  await boss.start();
  await boss.stop({ wait: true, timeout: 2000 });
  process.env.ASSAY_TEST_ADMIN_URL = adminUrl;
  process.env.ASSAY_TEST_TEMPLATE = template;
}
