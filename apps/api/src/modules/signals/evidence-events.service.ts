import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { VendorEvidenceChanged } from '@assay/domain';
import { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';
import { JobsService } from '../jobs/jobs.service';
import { SignalsService } from './signals.service';

export const EVIDENCE_DRAIN_JOB = 'signals.drain-evidence-outbox';

/** Events taken per drain round, and vendors refreshed per transaction within a round. */
const EVENTS_PER_ROUND = 2000;
const VENDORS_PER_BATCH = 100;

export interface DrainResult {
  rounds: number;
  events: number;
  vendorsRefreshed: number;
}

export interface OutboxStatus {
  pendingEvents: number;
  oldestPendingAt: Date | null;
  /** Vendors named by the pending events (their dependents are found when drained). */
  pendingVendors: number;
}

/** What `npm run signals:status` and the admin page show. */
export interface PipelineStatus extends OutboxStatus {
  drainJobsWaiting: number;
  drainJobsActive: number;
  /** When the drain or a full recompute last stored explanations (the pipeline's last completed work). */
  lastRefreshAt: Date | null;
  vendorsWithSignals: number;
}

/**
 * The one way a use case tells the signals that a vendor's evidence changed.
 *
 * `record` runs in the fact's own transaction: it refreshes the numbers of that one vendor
 * there (so the vendor's page and search row never lag its own facts), writes a
 * `VendorEvidenceChanged` event to `evidence_outbox`, and enqueues the drain job, all
 * atomically with the fact. The drain (a pg-boss job, one at a time across every worker)
 * coalesces pending events, works out once which vendors depend on them (the vendor itself,
 * every vendor judged by a reviewer involved, every vendor sharing a reference contact), and
 * refreshes those with their explanations in short batches. A refresh recomputes from the
 * current facts, so running it twice, or after a crash, changes nothing: the drain deletes the
 * events it took only after their vendors are stored, and an event that arrives meanwhile
 * stays for the next round.
 */
@Injectable()
export class EvidenceEventsService implements OnModuleInit {
  private readonly logger = new Logger('EvidenceEvents');

  constructor(
    private readonly tx: TransactionService,
    private readonly signals: SignalsService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.define<object>({
      name: EVIDENCE_DRAIN_JOB,
      // Jobs are wake-ups, not work items: one drain serves every job fetched with it.
      batchSize: 100,
      expireInSeconds: 15 * 60,
      retryLimit: 10,
      retryDelaySeconds: 5,
      handler: async () => {
        await this.drain();
      },
      batchHandler: async () => {
        await this.drain();
      },
    });
  }

  /** Records that evidence changed; must run inside the fact's transaction. */
  async record(tx: RequestContext, ...events: VendorEvidenceChanged[]): Promise<void> {
    if (!tx.manager) throw new Error('EvidenceEventsService.record must run inside the transaction of the fact it records.');
    if (events.length === 0) return;
    const vendorIds = [...new Set(events.map((e) => e.vendorId).filter((id): id is string => !!id))].sort();
    if (vendorIds.length) await this.signals.refreshVendors(tx, vendorIds, new Date(), await this.signals.marketContext(tx), { explanations: false });
    await this.tx.manager(tx).query(
      `INSERT INTO evidence_outbox (vendor_id, reviewer_id, cause) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[])`,
      [events.map((e) => e.vendorId ?? null), events.map((e) => e.reviewerId ?? null), events.map((e) => e.cause)],
    );
    await this.jobs.send(tx, EVIDENCE_DRAIN_JOB, {});
  }

  /**
   * Drains the outbox until it is empty (or `maxRounds` rounds): each round takes the oldest
   * pending events, refreshes every vendor they affect, then deletes exactly those events.
   */
  async drain(options: { maxRounds?: number } = {}): Promise<DrainResult> {
    // One drain at a time across every process (a transaction-scoped advisory lock held on its
    // own connection for the drain's length): two drains could otherwise store a vendor computed
    // from older facts after one computed from newer facts. A drain that waits here runs after
    // the other finishes, so an event committed during the other's last look is never stranded.
    return this.tx.run(RequestContext.system(), async (lock) => {
      await this.tx.manager(lock).query(`SELECT pg_advisory_xact_lock(hashtext('assay.evidence-outbox.drain'))`);
      return this.drainLocked(options);
    });
  }

  private async drainLocked(options: { maxRounds?: number }): Promise<DrainResult> {
    const ctx = RequestContext.system();
    const m = this.tx.manager(ctx);
    const result: DrainResult = { rounds: 0, events: 0, vendorsRefreshed: 0 };
    const started = Date.now();
    while (result.rounds < (options.maxRounds ?? Number.POSITIVE_INFINITY)) {
      const events: Array<{ id: string; vendor_id: string | null; reviewer_id: string | null }> = await m.query(
        `SELECT id, vendor_id, reviewer_id FROM evidence_outbox ORDER BY id LIMIT $1`,
        [EVENTS_PER_ROUND],
      );
      if (events.length === 0) break;
      const vendorIds = await this.affectedVendors(ctx, events);
      const now = new Date();
      const market = await this.signals.marketContext(ctx);
      for (let i = 0; i < vendorIds.length; i += VENDORS_PER_BATCH) {
        const batch = vendorIds.slice(i, i + VENDORS_PER_BATCH);
        await this.tx.run(ctx, (tx) => this.signals.refreshVendors(tx, batch, now, market, { explanations: true }));
      }
      await m.query(`DELETE FROM evidence_outbox WHERE id = ANY($1::bigint[])`, [events.map((e) => e.id)]);
      result.rounds += 1;
      result.events += events.length;
      result.vendorsRefreshed += vendorIds.length;
    }
    if (result.events) this.logger.log(`Drained ${result.events} evidence events: refreshed ${result.vendorsRefreshed} vendor signals in ${Date.now() - started} ms`);
    return result;
  }

  /**
   * Every vendor whose stored signals can change with these events, sorted: the vendors named;
   * every vendor judged by a reviewer named, or by a reviewer who judged a vendor named (a
   * verdict moves the reviewer's totals, a spot check their reliability); every vendor sharing
   * a reference contact with a vendor named (the shared-contact count).
   */
  async affectedVendors(ctx: RequestContext, events: ReadonlyArray<{ vendor_id: string | null; reviewer_id: string | null }>): Promise<string[]> {
    const vendors = [...new Set(events.map((e) => e.vendor_id).filter((v): v is string => !!v))];
    const reviewers = [...new Set(events.map((e) => e.reviewer_id).filter((r): r is string => !!r))];
    const rows: Array<{ vendor_id: string }> = await this.tx.manager(ctx).query(
      `WITH changed AS (SELECT unnest($1::uuid[]) AS vendor_id),
            reviewers AS (
              SELECT unnest($2::uuid[]) AS reviewer_id
               UNION
              SELECT DISTINCT v.reviewer_id FROM verdicts v WHERE v.vendor_id = ANY($1::uuid[])),
            contacts AS (SELECT DISTINCT r.contact_key FROM reference_requests r WHERE r.vendor_id = ANY($1::uuid[]))
       SELECT c.vendor_id FROM changed c JOIN organizations o ON o.id = c.vendor_id
        UNION
       SELECT v.vendor_id FROM verdicts v JOIN reviewers r ON r.reviewer_id = v.reviewer_id
        UNION
       SELECT o.vendor_id FROM reference_requests o JOIN contacts k ON k.contact_key = o.contact_key
        ORDER BY 1`,
      [vendors, reviewers],
    );
    return rows.map((r) => r.vendor_id);
  }

  /**
   * Resolves once the outbox is empty and no drain is running (the job workers do the draining;
   * this only watches). For tests, the simulation and tools; rejects with the outbox's state on timeout.
   */
  async waitUntilDrained(timeoutMs = 30_000): Promise<void> {
    const ctx = RequestContext.system();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const status = await this.status(ctx);
      if (status.pendingEvents === 0) {
        // A drain deletes its events only after storing their vendors, so an empty outbox means
        // every event's vendors were written; taking the drain lock waits out a drain still running.
        await this.tx.run(ctx, (lock) => this.tx.manager(lock).query(`SELECT pg_advisory_xact_lock(hashtext('assay.evidence-outbox.drain'))`));
        if ((await this.status(ctx)).pendingEvents === 0) return;
      }
      if (Date.now() > deadline) throw new Error(`The evidence outbox did not drain in ${timeoutMs} ms: ${JSON.stringify(status)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The outbox, the drain job's queue and the last refresh, for operators. */
  async pipelineStatus(ctx: RequestContext): Promise<PipelineStatus> {
    const outbox = await this.status(ctx);
    const jobs = await this.jobs.queueState(EVIDENCE_DRAIN_JOB);
    const rows: Array<{ last: Date | null; vendors: number }> = await this.tx
      .manager(ctx)
      .query(`SELECT (SELECT max(computed_at) FROM vendor_signal_explanations) AS last, (SELECT count(*)::int FROM vendor_signals) AS vendors`);
    return { ...outbox, drainJobsWaiting: jobs.waiting, drainJobsActive: jobs.active, lastRefreshAt: rows[0].last, vendorsWithSignals: rows[0].vendors };
  }

  async status(ctx: RequestContext): Promise<OutboxStatus> {
    const rows: Array<{ pending: number; oldest: Date | null; vendors: number }> = await this.tx
      .manager(ctx)
      .query(`SELECT count(*)::int AS pending, min(created_at) AS oldest, count(DISTINCT vendor_id)::int AS vendors FROM evidence_outbox`);
    return { pendingEvents: rows[0].pending, oldestPendingAt: rows[0].oldest, pendingVendors: rows[0].vendors };
  }
}
