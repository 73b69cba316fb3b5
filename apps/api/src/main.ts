import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import pino from 'pino';
import { prettyLogStream } from './common/log-format';
import { createApp, startJobs } from './bootstrap';
import { ConfigError, loadConfig } from './config/config';
import { openDataSource } from './database/data-source';
import { ProvisionedDatabase, provisionDatabase } from './database/provision';
import { seedDemoMarketIfEmpty } from './seed/seed-on-start';

/**
 * `npm start`: validate configuration, get a database (DATABASE_URL or embedded),
 * apply migrations, seed the demo market on an empty database, serve API + web,
 * run jobs, and shut everything down cleanly on SIGINT/SIGTERM.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const log = pino({ level: config.logLevel, base: { service: 'assay' } }, config.logFormat === 'pretty' ? prettyLogStream() : process.stdout);
  if (config.insecureCookiesAllowed) log.warn('ALLOW_INSECURE_COOKIES is set: session cookies are sent without the Secure flag in production (docs/operations.md)');
  const t0 = Date.now();

  // Installed first, so a signal at any moment of the start still shuts down cleanly.
  const running: { app?: INestApplication; db?: ProvisionedDatabase } = {};
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'Shutting down');
    setTimeout(() => process.exit(1), 20_000).unref();
    try {
      await running.app?.close();
      await running.db?.stop();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const db = (running.db = await provisionDatabase(config, (line) => log.debug({ postgres: line })));
  log.info({ embedded: db.embedded, dataDir: db.embedded ? config.dataDir : undefined }, db.embedded ? 'Started embedded PostgreSQL' : 'Using DATABASE_URL');

  const ds = await openDataSource({ url: db.url, poolSize: 2, migrate: true });
  log.info({ applied: (await ds.query('SELECT count(*)::int AS n FROM typeorm_migrations'))[0].n }, 'Schema migrated');
  await ds.destroy();

  const app = (running.app = await createApp(config, db.url));
  const seedEvidence = config.seed && config.role !== 'worker' ? await seedDemoMarketIfEmpty(app, log) : null;
  await startJobs(app, config);
  if (config.role !== 'worker') await app.listen(config.port, config.host);
  log.info({ url: config.publicUrl, role: config.role, startupMs: Date.now() - t0 }, `Assay is ready at ${config.publicUrl}`);
  if (seedEvidence) void seedEvidence();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
