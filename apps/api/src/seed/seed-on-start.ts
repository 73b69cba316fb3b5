import type { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { seedDemoMarket } from './demo-market';

/** Seeds the demo market once, on a database without organizations; a lock keeps concurrent starts from doubling it. */
export async function seedDemoMarketIfEmpty(app: INestApplication, log: Logger): Promise<void> {
  const ds = app.get(DataSource);
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(4242001)');
    const [{ n }] = (await runner.query('SELECT count(*)::int AS n FROM organizations')) as Array<{ n: number }>;
    if (n > 0) return;
    const t0 = Date.now();
    const summary = await seedDemoMarket(app);
    log.info({ ...summary, ms: Date.now() - t0 }, 'Seeded the demo market');
  } finally {
    await runner.query('SELECT pg_advisory_unlock(4242001)').catch(() => undefined);
    await runner.release();
  }
}
