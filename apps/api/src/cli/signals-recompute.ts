/* `npm run signals:recompute [-- --refresh-market] [--database-url <url>]`
 * Recomputes every vendor's materialised signals from scratch, in batches, with a
 * progress bar. The nightly job does the same; run this after changing the signals
 * configuration or to repair rows. `--refresh-market` first recomputes the market
 * context (claim-accuracy median) from every vendor's evidence.
 * See docs/signals-operations.md. */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { SingleBar } from 'cli-progress';
import { Command } from 'commander';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/config';
import { SignalsService } from '../modules/signals/signals.service';
import { withDatabaseServer } from './cli-database';

async function main(): Promise<void> {
  const program = new Command()
    .option('--refresh-market', 'recompute the market context (claim-accuracy median) before the vendors')
    .option('--database-url <url>', 'any PostgreSQL (default: DATABASE_URL, else the embedded one)')
    .option('--batch-size <n>', 'vendors per transaction', '500')
    .parse(process.argv);
  const opts = program.opts<{ refreshMarket?: boolean; batchSize: string }>();
  const batchSize = Number(opts.batchSize);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`--batch-size must be a whole number of at least 1, not "${opts.batchSize}".`);

  await withDatabaseServer(async (url) => {
    const config = loadConfig({ ...process.env, DATABASE_URL: url, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
    // The application context (no HTTP listener, no job workers): the same services the API runs.
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, url), { logger: ['error', 'warn'] });
    try {
      if (await app.get(DataSource).showMigrations()) throw new Error('The database schema is not up to date: run `npm run migration:run` first.');
      const signals = app.get(SignalsService);
      const started = Date.now();
      if (opts.refreshMarket) {
        const market = await signals.refreshMarket();
        console.log(`Market context refreshed: claim-accuracy median ${market.claimAccuracyMedian.toFixed(3)}`);
      }
      const bar = new SingleBar({ format: 'Recomputing signals [{bar}] {percentage}% | {value}/{total} vendors | {duration}s', hideCursor: true, noTTYOutput: !process.stdout.isTTY, notTTYSchedule: 2000 });
      let begun = false;
      const count = await signals.recomputeAll({
        batchSize,
        // Called with 0 before the first batch, then after every batch.
        onProgress: (done, total) => {
          if (begun) return bar.update(done);
          if (total === 0) return;
          bar.start(total, done);
          begun = true;
        },
      });
      if (begun) bar.stop();
      console.log(count === 0 ? 'No vendors yet: nothing to recompute.' : `Recomputed the signals of ${count} vendors in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    } finally {
      await app.close();
    }
  });
}

main()
  .then(() => process.exit(0))
  .catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
