import { loadConfig } from '../config/config';
import { provisionDatabase } from '../database/provision';

/**
 * Runs `work` against the configured database: `--database-url`, else DATABASE_URL,
 * else the embedded PostgreSQL in ASSAY_DATA_DIR (started for the command, then stopped).
 */
export async function withDatabaseServer<T>(work: (url: string) => Promise<T>): Promise<T> {
  const flag = process.argv.indexOf('--database-url');
  const env = { ...process.env };
  if (flag >= 0 && process.argv[flag + 1]) env.DATABASE_URL = process.argv[flag + 1];
  const config = loadConfig(env);
  const db = await provisionDatabase(config);
  try {
    return await work(db.url);
  } finally {
    await db.stop();
  }
}
