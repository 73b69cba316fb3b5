import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { RequestContext } from '../../common/request-context';
import { DATABASE_URL } from '../../database/database.tokens';

export interface JobDefinition<T extends object> {
  name: string;
  handler: (data: T, job: { id: string; retryCount: number }) => Promise<void>;
  /** Cron schedule (UTC) for periodic jobs; pg-boss makes sure one process runs each tick. */
  cron?: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
  expireInSeconds?: number;
  /** pg-boss queue policy; `short` keeps at most one job per singletonKey waiting (a debounce); `singleton` works one job at a time across every process. */
  policy?: 'standard' | 'short' | 'singleton' | 'stately';
  /** Jobs fetched (and handed to the handler one by one) per poll; default 1. */
  batchSize?: number;
  /** A handler for a whole fetched batch, instead of `handler` per job (jobs that coalesce). */
  batchHandler?: (jobs: Array<{ data: T; id: string }>) => Promise<void>;
}

/**
 * pg-boss creates each queue's partition without a lock of its own, so processes starting
 * together on a new database can deadlock there (scale-out test). PostgreSQL aborts one of
 * them whole; the next try finds the queue made and does nothing.
 */
async function retryOnDeadlock<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if ((error as { code?: string }).code !== '40P01' || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200 * attempt));
    }
  }
}

/**
 * pg-boss on the application's PostgreSQL: SKIP LOCKED queues, retries, cron.
 * API processes only enqueue; worker processes (ASSAY_ROLE=worker or all) also work.
 */
@Injectable()
export class JobsService implements OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly boss: PgBoss;
  private readonly definitions = new Map<string, JobDefinition<object>>();
  private started?: Promise<void>;
  private working = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig, @Inject(DATABASE_URL) databaseUrl: string) {
    this.boss = new PgBoss({ connectionString: databaseUrl, max: 4, schema: 'pgboss', application_name: 'assay-jobs', maintenanceIntervalSeconds: config.jobsMaintenanceSeconds });
    this.boss.on('error', (error) => this.logger.error(`pg-boss: ${error.message}`));
  }

  /** Declares a job type; call from a module's onModuleInit. */
  define<T extends object>(definition: JobDefinition<T>): void {
    this.definitions.set(definition.name, definition as unknown as JobDefinition<object>);
  }

  /** Starts pg-boss (idempotent) and creates the declared queues; enough for enqueueing. */
  ensureStarted(): Promise<void> {
    this.started ??= (async () => {
      await this.boss.start();
      for (const def of this.definitions.values()) {
        const queue = {
          name: def.name,
          retryLimit: def.retryLimit ?? 5,
          retryDelay: def.retryDelaySeconds ?? 10,
          retryBackoff: true,
          expireInSeconds: def.expireInSeconds ?? 15 * 60,
          policy: def.policy ?? 'standard',
        };
        await retryOnDeadlock(() => this.boss.createQueue(def.name, queue));
        // createQueue leaves an existing queue as it was made; this applies changed retry and
        // expiry settings (in code, or MAIL_* configuration) to the jobs sent from now on.
        await retryOnDeadlock(() => this.boss.updateQueue(def.name, queue));
      }
    })();
    return this.started;
  }

  /** Works every declared queue in this process and schedules the cron jobs (worker role). */
  async startWorkers(): Promise<void> {
    await this.ensureStarted();
    if (this.working) return;
    this.working = true;
    for (const def of this.definitions.values()) {
      await this.boss.work<object>(def.name, { pollingIntervalSeconds: 0.5, batchSize: def.batchSize ?? 1 }, async (jobs) => {
        if (def.batchHandler) return def.batchHandler(jobs.map((j) => ({ data: j.data, id: j.id })));
        for (const job of jobs) {
          const retryCount = (job as unknown as { retryCount?: number }).retryCount ?? 0;
          await def.handler(job.data, { id: job.id, retryCount });
        }
      });
      if (def.cron) await this.boss.schedule(def.name, def.cron, {}, { tz: 'UTC' });
    }
    this.logger.log(`Working ${this.definitions.size} job queues`);
  }

  /**
   * Enqueues a job. Inside a transaction the job row is written by the same
   * transaction, so it exists exactly when the fact that caused it does.
   */
  async send<T extends object>(ctx: RequestContext, name: string, data: T, options: { singletonKey?: string; startAfterSeconds?: number } = {}): Promise<void> {
    await this.ensureStarted();
    const manager = ctx.manager;
    const db = manager ? { executeSql: async (text: string, values: unknown[]) => ({ rows: await manager.query(text, values) }) } : undefined;
    await this.boss.send(name, data, {
      singletonKey: options.singletonKey,
      startAfter: options.startAfterSeconds,
      ...(db ? { db } : {}),
    } as PgBoss.SendOptions);
  }

  /** Jobs of one queue waiting (created or retrying) and being worked now, across every process. */
  async queueState(name: string): Promise<{ waiting: number; active: number }> {
    await this.ensureStarted();
    const rows = (await this.boss.getDb().executeSql(
      `SELECT count(*) FILTER (WHERE state IN ('created', 'retry'))::int AS waiting, count(*) FILTER (WHERE state = 'active')::int AS active FROM pgboss.job WHERE name = $1`,
      [name],
    )) as { rows: Array<{ waiting: number; active: number }> };
    return rows.rows[0];
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.started) await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 }).catch(() => undefined);
  }
}
