import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { type EvidenceCause, evidenceEventProblem, REVIEWER_CHANGE_OF_CAUSE, type VendorEvidenceChanged } from '@assay/domain';
import { DEFAULT_SIGNAL_CONFIG, isConcentrated } from '@assay/signals';
import { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';
import { JobsService } from '../jobs/jobs.service';
import { SignalsService } from './signals.service';

export const EVIDENCE_DRAIN_JOB = 'signals.drain-evidence-outbox';

/**
 * The drain's advisory lock, as the key's text (`pg_advisory_xact_lock(hashtext($1))`): held by the
 * drain, and taken by whoever waits for a drain to finish (`waitUntilDrained`, the benchmark).
 */
export const EVIDENCE_DRAIN_LOCK = 'assay.evidence-outbox.drain';

/** An outbox row as the drain reads it. */
export interface OutboxEvent {
  vendor_id: string | null;
  reviewer_id: string | null;
  cause: EvidenceCause;
}

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
 * coalesces pending events, works out once which vendors depend on them (`affectedVendors`),
 * and refreshes those with their explanations in short batches. A refresh recomputes from the
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

  /** Records that evidence changed and refreshes the named vendors' numbers; must run inside the fact's transaction. */
  async record(tx: RequestContext, ...events: VendorEvidenceChanged[]): Promise<void> {
    await this.append(tx, events, true);
  }

  /**
   * For a scheduled sweep over many vendors (reference expiry, follow-up sends): records the events
   * and leaves every refresh to the drain. Nobody waits on a sweep, and refreshing hundreds of
   * vendors inside its transaction would hold their rows for seconds; until the drain runs (seconds
   * later) those vendors show their signals from before the sweep, numbers and explanations alike.
   */
  async recordSweep(tx: RequestContext, events: readonly VendorEvidenceChanged[]): Promise<void> {
    await this.append(tx, events, false);
  }

  private async append(tx: RequestContext, events: readonly VendorEvidenceChanged[], refreshNow: boolean): Promise<void> {
    if (!tx.manager) throw new Error('EvidenceEventsService.record must run inside the transaction of the fact it records.');
    if (events.length === 0) return;
    for (const e of events) {
      const problem = evidenceEventProblem(e);
      if (problem) throw new Error(problem);
    }
    const vendorIds = [...new Set(events.map((e) => e.vendorId).filter((id): id is string => !!id))].sort();
    // No market argument: the stored market context is read with the evidence, not by a statement of its own.
    if (refreshNow && vendorIds.length) await this.signals.refreshVendors(tx, vendorIds, new Date(), undefined, { explanations: false });
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
      await this.tx.manager(lock).query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [EVIDENCE_DRAIN_LOCK]);
      return this.drainLocked(options);
    });
  }

  private async drainLocked(options: { maxRounds?: number }): Promise<DrainResult> {
    const ctx = RequestContext.system();
    const m = this.tx.manager(ctx);
    const result: DrainResult = { rounds: 0, events: 0, vendorsRefreshed: 0 };
    const started = Date.now();
    while (result.rounds < (options.maxRounds ?? Number.POSITIVE_INFINITY)) {
      const events: Array<OutboxEvent & { id: string }> = await m.query(
        `SELECT id, vendor_id, reviewer_id, cause FROM evidence_outbox ORDER BY id LIMIT $1`,
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
   * Every vendor whose stored signals can differ from a full recompute because of these events,
   * sorted (the argument is in docs/signals-operations.md, "Which vendors an event affects"):
   * - the vendors named;
   * - every vendor sharing a reference contact with a vendor named (the shared-contact count);
   * - for a reviewer whose record changed (reliability, affiliation): every vendor they judged;
   * - for a reviewer whose verdict totals changed: the vendors on which the reviewer's
   *   over-concentration now differs from the state stored with that vendor's signals.
   * Events whose cause cannot change a reviewer's record do not reach other vendors through reviewers.
   */
  async affectedVendors(ctx: RequestContext, events: ReadonlyArray<OutboxEvent>): Promise<string[]> {
    const vendors = [...new Set(events.map((e) => e.vendor_id).filter((v): v is string => !!v))];
    // A cause this code does not know (an event older or newer than it) is taken at its widest: the reviewer's record changed.
    const changeOf = (cause: EvidenceCause) => REVIEWER_CHANGE_OF_CAUSE[cause] ?? 'reviewer_record';
    const reviewersOf = (change: 'verdict_totals' | 'reviewer_record') => [
      ...new Set(events.filter((e) => e.reviewer_id && changeOf(e.cause) === change).map((e) => e.reviewer_id!)),
    ];
    const judgedBy = reviewersOf('reviewer_record');
    const m = this.tx.manager(ctx);
    const rows: Array<{ vendor_id: string }> = await m.query(
      `WITH contacts AS (SELECT DISTINCT r.contact_key FROM reference_requests r WHERE r.vendor_id = ANY($1::uuid[]))
       SELECT o.id AS vendor_id FROM organizations o WHERE o.id = ANY($1::uuid[])
        UNION
       SELECT v.vendor_id FROM verdicts v WHERE v.reviewer_id = ANY($2::uuid[])
        UNION
       SELECT o.vendor_id FROM reference_requests o JOIN contacts k ON k.contact_key = o.contact_key`,
      [vendors, judgedBy],
    );
    const affected = new Set(rows.map((r) => r.vendor_id));
    for (const vendorId of await this.concentrationFlips(ctx, reviewersOf('verdict_totals'))) affected.add(vendorId);
    return [...affected].sort();
  }

  /**
   * The vendors judged by these reviewers on which a reviewer's over-concentration, by their
   * current verdict counts, differs from the state stored with the vendor's signals (or that state
   * is unknown). The counts are the ones `VendorEvidenceRepository` gives the signals (every verdict
   * row, reviewers with a profile), and the rule is the signals' own `isConcentrated`.
   */
  async concentrationFlips(ctx: RequestContext, reviewerIds: readonly string[]): Promise<string[]> {
    if (reviewerIds.length === 0) return [];
    const pairs: Array<{ reviewer_id: string; vendor_id: string; verdicts_total: number; verdicts_for_vendor: number; stored: boolean | null }> = await this.tx.manager(ctx).query(
      `WITH judged AS (
         SELECT v.reviewer_id, v.vendor_id, count(*)::int AS verdicts_for_vendor
           FROM verdicts v JOIN reviewer_profiles p ON p.user_id = v.reviewer_id
          WHERE v.reviewer_id = ANY($1::uuid[]) GROUP BY v.reviewer_id, v.vendor_id),
            totals AS (SELECT reviewer_id, sum(verdicts_for_vendor)::int AS verdicts_total FROM judged GROUP BY reviewer_id)
       SELECT j.reviewer_id, j.vendor_id, t.verdicts_total, j.verdicts_for_vendor,
              CASE WHEN s.concentrated_reviewer_ids IS NULL THEN NULL ELSE j.reviewer_id = ANY(s.concentrated_reviewer_ids) END AS stored
         FROM judged j JOIN totals t ON t.reviewer_id = j.reviewer_id
         LEFT JOIN vendor_signals s ON s.vendor_id = j.vendor_id`,
      [reviewerIds],
    );
    const flipped = new Set<string>();
    for (const p of pairs) {
      const now = isConcentrated({ id: p.reviewer_id, spotChecksAgreed: 0, spotChecksTotal: 0, verdictsTotal: p.verdicts_total, verdictsForVendor: p.verdicts_for_vendor }, DEFAULT_SIGNAL_CONFIG);
      if (p.stored === null || p.stored !== now) flipped.add(p.vendor_id);
    }
    return [...flipped];
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
        await this.tx.run(ctx, (lock) => this.tx.manager(lock).query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [EVIDENCE_DRAIN_LOCK]));
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
