import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '@assay/migrations';
import { ENTITIES } from './entities';

export interface DataSourceParams {
  url: string;
  readReplicaUrls?: string[];
  poolSize?: number;
  applicationName?: string;
}

/**
 * The one place that configures TypeORM. The schema comes only from MIGRATIONS;
 * `synchronize` stays off everywhere, tests included.
 */
export function dataSourceOptions({ url, readReplicaUrls = [], poolSize = 10, applicationName = 'assay' }: DataSourceParams): DataSourceOptions {
  const extra = { max: poolSize, application_name: applicationName, connectionTimeoutMillis: 5000 };
  const base = {
    type: 'postgres' as const,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    uuidExtension: 'pgcrypto' as const,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra,
  };
  if (readReplicaUrls.length === 0) return { ...base, url };
  return {
    ...base,
    replication: {
      master: { url },
      slaves: readReplicaUrls.map((u) => ({ url: u })),
      // TypeORM's default ('slave') would send every find and query builder outside a
      // transaction to a replica — session lookups and a vendor's own edits included.
      // Only TransactionService.read opts a statement into a replica.
      defaultMode: 'master',
    },
  };
}

/** Advisory lock held while one process applies migrations (an arbitrary constant, 'assay' in hex). */
const MIGRATION_LOCK = 0x6173736179;

/**
 * Opens a data source on `url`, optionally applying pending migrations. Processes that
 * start together (a deploy of several api and worker processes) take turns: TypeORM has
 * no lock of its own, so two would apply the same migration and one would fail. The lock
 * is transaction-scoped, held open on one pooled connection while the migrations use
 * another (poolSize ≥ 2): it ends with that transaction or connection, also through a
 * PgBouncer in transaction mode.
 */
export async function openDataSource(params: DataSourceParams & { migrate?: boolean }): Promise<DataSource> {
  const ds = new DataSource(dataSourceOptions({ ...params, poolSize: params.migrate ? Math.max(2, params.poolSize ?? 10) : params.poolSize }));
  await ds.initialize();
  if (params.migrate) {
    const lock = ds.createQueryRunner('master');
    try {
      await lock.startTransaction();
      await lock.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await ds.runMigrations({ transaction: 'each' });
    } finally {
      if (lock.isTransactionActive) await lock.commitTransaction().catch(() => undefined);
      await lock.release();
    }
  }
  return ds;
}
