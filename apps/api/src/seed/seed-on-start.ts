import type { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { seedDemoMarket } from './demo-market';

/**
 * Seeds the demo market once, on a database without organizations; a lock keeps
 * concurrent starts from doubling it. Returns the evidence seeding to run once the
 * app is serving (null when nothing was seeded), so the first start is quick.
 */
export async function seedDemoMarketIfEmpty(app: INestApplication, log: Logger): Promise<(() => Promise<void>) | null> {
  const ds = app.get(DataSource);
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(4242001)');
    const [{ n }] = (await runner.query('SELECT count(*)::int AS n FROM organizations')) as Array<{ n: number }>;
    if (n > 0) return null;
    const t0 = Date.now();
    const { seedEvidence, ...summary } = await seedDemoMarket(app);
    log.info({ ...summary, ms: Date.now() - t0 }, 'Seeded the demo consultancies');
    return async () => {
      const t1 = Date.now();
      try {
        const evidence = await seedEvidence();
        log.info({ ...evidence, ms: Date.now() - t1 }, 'Seeded the demo evidence (case studies, references, verdicts, disputes)');
      } catch (e) {
        log.error({ err: e }, 'Seeding the demo evidence failed; the consultancies are there, their evidence is incomplete');
      }
    };
  } finally {
    await runner.query('SELECT pg_advisory_unlock(4242001)').catch(() => undefined);
    await runner.release();
  }
}
