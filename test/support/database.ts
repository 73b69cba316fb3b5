import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { withDatabase } from '../../apps/api/src/database/database-url';

/** Clones the migrated template into a fresh database for one test file; returns its URL. */
export async function createTestDatabase(): Promise<string> {
  const adminUrl = process.env.ASSAY_TEST_ADMIN_URL;
  const template = process.env.ASSAY_TEST_TEMPLATE;
  if (!adminUrl || !template) throw new Error('The API test database is not set up: run these tests through `npm test` (Jest global setup).');
  const name = `assay_test_${process.ppid}_${randomBytes(5).toString('hex')}`;
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    // Cloning needs the template to be idle; a parallel clone can briefly hold it, so retry.
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        break;
      } catch (e) {
        if (attempt > 40 || !String(e).includes('is being accessed by other users')) throw e;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await client.end();
  }
  return withDatabase(adminUrl, name);
}

/** An empty database (no migrations) for migration tests. */
export async function createEmptyDatabase(): Promise<string> {
  const adminUrl = process.env.ASSAY_TEST_ADMIN_URL!;
  const name = `assay_test_${process.ppid}_${randomBytes(5).toString('hex')}`;
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  return withDatabase(adminUrl, name);
}
