/* `npm run signals:status [-- --json] [--database-url <url>]`
 * How far the signals lag the evidence: the evidence outbox (pending VendorEvidenceChanged
 * events, the oldest one's age), the drain job's queue, and when signals were last refreshed.
 * Exits 0; the numbers are for operators and monitoring (see docs/signals-operations.md). */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Command } from 'commander';
import { AppModule } from '../app.module';
import { RequestContext } from '../common/request-context';
import { loadConfig } from '../config/config';
import { EvidenceEventsService } from '../modules/signals/evidence-events.service';
import { withDatabaseServer } from './cli-database';

const age = (from: Date | null): string => {
  if (!from) return '—';
  const s = Math.max(0, (Date.now() - from.getTime()) / 1000);
  return s < 120 ? `${s.toFixed(1)} s` : s < 7200 ? `${(s / 60).toFixed(1)} min` : `${(s / 3600).toFixed(1)} h`;
};

async function main(): Promise<void> {
  const program = new Command().option('--json', 'print one JSON object').option('--database-url <url>', 'any PostgreSQL (default: DATABASE_URL, else the embedded one)').parse(process.argv);
  const opts = program.opts<{ json?: boolean }>();
  await withDatabaseServer(async (url) => {
    const config = loadConfig({ ...process.env, DATABASE_URL: url, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, url), { logger: ['error', 'warn'] });
    try {
      const s = await app.get(EvidenceEventsService).pipelineStatus(RequestContext.system());
      if (opts.json) {
        const oldestPendingAgeSeconds = s.oldestPendingAt ? (Date.now() - s.oldestPendingAt.getTime()) / 1000 : null;
        console.log(JSON.stringify({ ...s, oldestPendingAgeSeconds }));
        return;
      }
      console.log(`Evidence outbox:   ${s.pendingEvents} pending event${s.pendingEvents === 1 ? '' : 's'} naming ${s.pendingVendors} vendor${s.pendingVendors === 1 ? '' : 's'}`);
      console.log(`Oldest pending:    ${s.oldestPendingAt ? `${s.oldestPendingAt.toISOString()} (${age(s.oldestPendingAt)} ago)` : '—'}`);
      console.log(`Drain jobs:        ${s.drainJobsWaiting} waiting, ${s.drainJobsActive} active`);
      console.log(`Last refresh:      ${s.lastRefreshAt ? `${s.lastRefreshAt.toISOString()} (${age(s.lastRefreshAt)} ago)` : 'never'}`);
      console.log(`Vendors with signals: ${s.vendorsWithSignals}`);
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
