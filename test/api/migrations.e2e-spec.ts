import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../apps/api/src/database/data-source';
import { MIGRATIONS } from '@assay/migrations';
import { createEmptyDatabase } from '../support/database';

async function tables(ds: DataSource): Promise<string[]> {
  const rows: Array<{ table_name: string }> = await ds.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'typeorm_migrations' ORDER BY 1`,
  );
  return rows.map((r) => r.table_name);
}

describe('Migrations', () => {
  it('apply in order to an empty database, leave nothing for the generator to add, and revert completely', async () => {
    const ds = new DataSource(dataSourceOptions({ url: await createEmptyDatabase(), poolSize: 2 }));
    await ds.initialize();
    try {
      const applied = await ds.runMigrations({ transaction: 'each' });
      expect(applied).toHaveLength(MIGRATIONS.length);
      expect(await tables(ds)).toEqual(expect.arrayContaining(['users', 'sessions', 'organizations', 'memberships', 'invitations', 'mail_messages']));

      // The entities and the migrated schema agree: a generated migration would be empty.
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);

      for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      expect(await tables(ds)).toEqual([]);

      // And they apply again after a full revert.
      expect(await ds.runMigrations({ transaction: 'each' })).toHaveLength(MIGRATIONS.length);
    } finally {
      await ds.destroy();
    }
  });
});
