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
    },
  };
}

/** Opens a data source on `url` (optionally applying pending migrations). */
export async function openDataSource(params: DataSourceParams & { migrate?: boolean }): Promise<DataSource> {
  const ds = new DataSource(dataSourceOptions(params));
  await ds.initialize();
  if (params.migrate) await ds.runMigrations({ transaction: 'each' });
  return ds;
}
