import * as fs from 'node:fs';
import { DataSource } from 'typeorm';

/** Drops the databases of this run (external server) or stops the embedded one. */
export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { __assayPg?: { stop(): Promise<void>; dataDir: string } }).__assayPg;
  if (embedded) {
    await embedded.stop();
    fs.rmSync(embedded.dataDir, { recursive: true, force: true });
    return;
  }
  const adminUrl = process.env.ASSAY_TEST_ADMIN_URL;
  if (!adminUrl) return;
  const admin = new DataSource({ type: 'postgres', url: adminUrl });
  await admin.initialize();
  const rows: Array<{ datname: string }> = await admin.query(
    `SELECT datname FROM pg_database WHERE datname LIKE 'assay_t%' AND (datname = $1 OR datname LIKE $2)`,
    [process.env.ASSAY_TEST_TEMPLATE, `assay_test_${process.pid}_%`],
  );
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.destroy();
}
