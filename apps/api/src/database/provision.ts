import type { AppConfig } from '../config/config';
import { ensureDatabase, withDatabase } from './database-url';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface ProvisionedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise an embedded PostgreSQL with an `assay` database in the data folder. */
export async function provisionDatabase(config: AppConfig, log?: (line: string) => void): Promise<ProvisionedDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  const server = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, log });
  await ensureDatabase(server.adminUrl, 'assay');
  return { url: withDatabase(server.adminUrl, 'assay'), embedded: true, stop: server.stop };
}
