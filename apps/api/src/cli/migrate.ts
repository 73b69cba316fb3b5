/* Migration commands: `run`, `revert`, `generate <Name>`, `show`.
 * Uses DATABASE_URL, or the embedded PostgreSQL in ASSAY_DATA_DIR when unset. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source';
import { withDatabaseServer } from './cli-database';

async function generate(ds: DataSource, name: string): Promise<void> {
  if (!/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('Name the migration in PascalCase, verb first, e.g. AddCaseStudies');
  const sql = await ds.driver.createSchemaBuilder().log();
  if (sql.upQueries.length === 0) {
    console.log('No changes: the entities match the migrated schema.');
    return;
  }
  const stamp = Date.now();
  const className = `${name}${stamp}`;
  const q = (s: string) => '`' + s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
  const up = sql.upQueries.map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
  const down = [...sql.downQueries].reverse().map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
  const file = path.join(process.cwd(), 'migrations', `${stamp}-${name}.ts`);
  fs.writeFileSync(
    file,
    `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
  );
  console.log(`Wrote ${path.relative(process.cwd(), file)}. Read it, tidy it, and add ${className} to migrations/index.ts.`);
}

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  await withDatabaseServer(async (url) => {
    const ds = new DataSource(dataSourceOptions({ url, poolSize: 2 }));
    await ds.initialize();
    try {
      if (command === 'run') {
        const applied = await ds.runMigrations({ transaction: 'each' });
        console.log(applied.length ? `Applied ${applied.map((m) => m.name).join(', ')}` : 'The schema is up to date.');
      } else if (command === 'revert') {
        await ds.undoLastMigration({ transaction: 'each' });
        console.log('Reverted the last migration.');
      } else if (command === 'generate') {
        if (!name) throw new Error('Usage: npm run migration:generate -- AddThing');
        await ds.runMigrations({ transaction: 'each' });
        await generate(ds, name);
      } else if (command === 'show') {
        console.log((await ds.showMigrations()) ? 'There are pending migrations.' : 'The schema is up to date.');
      } else {
        throw new Error(`Unknown command "${command ?? ''}". Use run, revert, generate <Name> or show.`);
      }
    } finally {
      await ds.destroy();
    }
  });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
