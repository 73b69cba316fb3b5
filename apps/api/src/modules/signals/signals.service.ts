import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import {
  capExplanations,
  type CappedExplanations,
  computeMarketContext,
  computeVendorSignals,
  DEFAULT_MARKET_CONTEXT,
  DEFAULT_SIGNAL_CONFIG,
  type EvidenceTrendSummary,
  improvementHints,
  isConcentrated,
  type MarketContext,
  type SignalKey,
  type VendorEvidence,
  type VendorSignals,
  withoutExplanations,
} from '@assay/signals';
import { z } from 'zod';
import { authorize } from '../../common/authz/authorize';
import { notFound } from '../../common/errors';
import { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';
import { JobsService } from '../jobs/jobs.service';
import { SearchIndexRepository } from '../search-index/search-index.repository';
import { SignalMarketContextEntity, VendorSignalsEntity } from './entities/vendor-signals.entity';
import { VendorEvidenceRepository } from './vendor-evidence.repository';
import { recordSignalSnapshots } from './history/signal-snapshots.sql';
import { signalDetailsLoader } from './signal-details.loader';

/**
 * Keeps `vendor_signals` (numbers, intervals, flags) and `vendor_signal_explanations` current.
 * Facts never call this directly: they record a `VendorEvidenceChanged` event
 * (`EvidenceEventsService`), which refreshes that vendor's numbers in the fact's transaction;
 * the outbox drain then refreshes it with its explanations and every vendor that depends on it.
 * A full recompute (`npm run signals:recompute`) gives the same rows from scratch.
 * The market context (claim-accuracy median) is a slow-moving input refreshed
 * explicitly (`refreshMarket`), never by a single event. See docs/signals-operations.md.
 */
export const SIGNALS_NIGHTLY_JOB = 'signals.nightly-recompute';

/** A materialised `vendor_signals` row as the refresh writes it (without the refresh counter). */
export type VendorSignalsRow = Omit<VendorSignalsEntity, 'vendor' | 'inputsVersion'>;

/** A `vendor_signal_explanations` row: the capped explanations, computed at the same instant as the numbers. */
export interface VendorExplanationsRow {
  vendorId: string;
  explanations: CappedExplanations;
  computedAt: Date;
}

export interface RefreshOptions {
  /** Also compute and store the explanations (the drain and full recompute do; a fact's own transaction does not). */
  explanations: boolean;
}

@Injectable()
export class SignalsService implements OnModuleInit {
  private readonly logger = new Logger('Signals');

  constructor(
    private readonly tx: TransactionService,
    private readonly evidence: VendorEvidenceRepository,
    private readonly jobs: JobsService,
    private readonly searchIndex: SearchIndexRepository,
  ) {}

  onModuleInit(): void {
    // Recency decays and "no verification in 24 months" turns on with time alone:
    // a nightly full recompute (after refreshing the market context) keeps every vendor current.
    this.jobs.define<object>({
      name: SIGNALS_NIGHTLY_JOB,
      cron: '30 3 * * *',
      expireInSeconds: 3600,
      handler: async () => {
        await this.refreshMarket();
        await this.recomputeAll();
      },
    });
  }

  async marketContext(ctx: RequestContext): Promise<MarketContext> {
    const row = await this.tx.repo(ctx, SignalMarketContextEntity).findOneBy({ id: 1 });
    return row ? { claimAccuracyMedian: row.claimAccuracyMedian } : DEFAULT_MARKET_CONTEXT;
  }

  /**
   * Recomputes and stores a batch of vendors in the caller's transaction, with a fixed number of
   * statements. Without `market`, the stored market context is read with the evidence (no extra statement).
   */
  async refreshVendors(tx: RequestContext, vendorIds: readonly string[], now: Date, market: MarketContext | undefined, options: RefreshOptions, loaded?: Map<string, VendorEvidence>): Promise<VendorSignals[]> {
    if (vendorIds.length === 0) return [];
    let evidence: Map<string, VendorEvidence>;
    if (loaded) {
      evidence = loaded;
      market ??= await this.marketContext(tx);
    } else if (market) {
      evidence = await this.evidence.load(tx, vendorIds, now);
    } else {
      ({ evidence, market } = await this.evidence.loadWithMarket(tx, vendorIds, now));
    }
    const results: VendorSignals[] = [];
    const rows: VendorSignalsRow[] = [];
    const explanations: VendorExplanationsRow[] = [];
    for (const vendorId of vendorIds) {
      const e = evidence.get(vendorId)!;
      const signals = computeVendorSignals(e, DEFAULT_SIGNAL_CONFIG, { market, explanations: options.explanations });
      results.push(signals);
      rows.push(this.toRow(e, signals, now));
      if (options.explanations) explanations.push({ vendorId, explanations: capExplanations(signals.explanations), computedAt: now });
    }
    await this.upsert(tx, rows);
    if (explanations.length) await this.upsertExplanations(tx, explanations);
    return results;
  }

  /**
   * What a refresh would store for this vendor at `now`, computed from scratch and
   * written nowhere (with the stored market context). Consistency checks compare it with
   * the stored row at the row's own `computed_at`, since recency makes signals depend on time.
   */
  async computeFromScratch(ctx: RequestContext, vendorId: string, now: Date): Promise<VendorSignalsRow & { explanations: CappedExplanations }> {
    const evidence = (await this.evidence.load(ctx, [vendorId], now)).get(vendorId)!;
    const signals = computeVendorSignals(evidence, DEFAULT_SIGNAL_CONFIG, { market: await this.marketContext(ctx) });
    return { ...this.toRow(evidence, signals, now), explanations: capExplanations(signals.explanations) };
  }

  /**
   * Members of the vendor: per signal, what would improve it — hints drawn from its own
   * evidence first, then the methodology's general advice. Computed now; writes nothing.
   */
  async improvementHints(ctx: RequestContext, vendorId: string): Promise<Record<SignalKey, string[]>> {
    await authorize(ctx, 'signedIn');
    if (!z.uuid().safeParse(vendorId).success) throw notFound('This consultancy');
    await authorize(ctx, 'vendorMember', { vendorId });
    const kind: Array<{ kind: string }> = await this.tx.manager(ctx).query('SELECT kind FROM organizations WHERE id = $1', [vendorId]);
    if (kind[0]?.kind !== 'vendor') throw notFound('This consultancy');
    const now = new Date();
    const evidence = (await this.evidence.load(ctx, [vendorId], now)).get(vendorId)!;
    const signals = computeVendorSignals(evidence, DEFAULT_SIGNAL_CONFIG, { market: await this.marketContext(ctx) });
    return improvementHints(evidence, signals, DEFAULT_SIGNAL_CONFIG);
  }

  private toRow(evidence: VendorEvidence, signals: VendorSignals, now: Date): VendorSignalsRow {
    const verified = evidence.caseStudies.filter((c) => c.status === 'verified' || c.status === 'partially_verified');
    const lastVerified = verified
      .flatMap((c) => c.outcomes.map((o) => o.verifiedAt))
      .filter((d): d is Date => d instanceof Date)
      .sort((a, b) => b.getTime() - a.getTime())[0];
    return {
      vendorId: evidence.vendorId,
      assayMean: signals.assay.mean,
      assayLower: signals.assay.lower,
      assayUpper: signals.assay.upper,
      evidenceDepth: signals.evidenceDepth.mean,
      productionDurabilityMean: signals.productionDurability.mean,
      verifiedCaseStudies: verified.length,
      lastVerifiedAt: lastVerified ?? null,
      flagCount: signals.flags.filter((f) => f.severity !== 'info').length,
      signals: withoutExplanations(signals),
      trend: signals.trend,
      configVersion: signals.configVersion,
      computedAt: now,
      // The state the outbox drain compares with when a reviewer's verdict totals move (the same rule the signals used).
      concentratedReviewerIds: evidence.reviewers.filter((r) => isConcentrated(r, DEFAULT_SIGNAL_CONFIG)).map((r) => r.id).sort(),
    };
  }

  /** Recomputes the market context from every vendor's evidence and stores it. */
  async refreshMarket(now = new Date()): Promise<MarketContext> {
    const ctx = RequestContext.system();
    const vendorIds = await this.allVendorIds(ctx);
    const evidence = await this.evidence.load(ctx, vendorIds, now, { wholeMarket: true });
    const market = computeMarketContext([...evidence.values()], DEFAULT_SIGNAL_CONFIG);
    await this.tx
      .repo(ctx, SignalMarketContextEntity)
      .createQueryBuilder()
      .insert()
      .values({ id: 1, claimAccuracyMedian: market.claimAccuracyMedian, computedAt: now })
      .orUpdate(['claim_accuracy_median', 'computed_at'], ['id'])
      .execute();
    return market;
  }

  /** Full recompute of every vendor in batches; `onProgress(done, total)` drives a progress bar. */
  async recomputeAll(options: { now?: Date; batchSize?: number; onProgress?: (done: number, total: number) => void } = {}): Promise<number> {
    const now = options.now ?? new Date();
    const ctx = RequestContext.system();
    const vendorIds = await this.allVendorIds(ctx);
    const market = await this.marketContext(ctx);
    const batch = options.batchSize ?? 500;
    options.onProgress?.(0, vendorIds.length);
    // Set-based: every evidence table read once for the whole market (seconds at 10,000 vendors),
    // then computed and written in batches, each its own short transaction.
    const evidence = await this.evidence.load(ctx, vendorIds, now, { wholeMarket: true });
    for (let i = 0; i < vendorIds.length; i += batch) {
      await this.tx.run(ctx, (tx) => this.refreshVendors(tx, vendorIds.slice(i, i + batch), now, market, { explanations: true }, evidence));
      options.onProgress?.(Math.min(i + batch, vendorIds.length), vendorIds.length);
    }
    this.logger.log(`Recomputed the signals of ${vendorIds.length} vendors`);
    return vendorIds.length;
  }

  /** One INSERT … ON CONFLICT for the whole batch; `inputs_version` counts refreshes. */
  private async upsert(tx: RequestContext, unordered: VendorSignalsRow[]): Promise<void> {
    // Rows in id order: two transactions refreshing overlapping vendors lock them in the same order.
    const rows = [...unordered].sort((a, b) => (a.vendorId < b.vendorId ? -1 : a.vendorId > b.vendorId ? 1 : 0));
    const columns = ['vendor_id', 'assay_mean', 'assay_lower', 'assay_upper', 'evidence_depth', 'production_durability_mean', 'verified_case_studies', 'last_verified_at', 'flag_count', 'signals', 'trend', 'config_version', 'computed_at', 'concentrated_reviewer_ids'];
    const values: unknown[] = [];
    const tuples = rows.map((r) => {
      const row = [r.vendorId, r.assayMean, r.assayLower, r.assayUpper, r.evidenceDepth, r.productionDurabilityMean, r.verifiedCaseStudies, r.lastVerifiedAt, r.flagCount, JSON.stringify(r.signals), JSON.stringify(r.trend), r.configVersion, r.computedAt, r.concentratedReviewerIds];
      const start = values.length;
      values.push(...row);
      return `(${row.map((_, i) => `$${start + i + 1}${i === row.length - 1 ? '::uuid[]' : ''}`).join(', ')})`;
    });
    await this.tx.manager(tx).query(
      `INSERT INTO vendor_signals (${columns.join(', ')}) VALUES ${tuples.join(', ')}
       ON CONFLICT (vendor_id) DO UPDATE SET ${columns.slice(1).map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, inputs_version = vendor_signals.inputs_version + 1`,
      values,
    );
    await this.searchIndex.refresh(tx, rows.map((r) => r.vendorId));
    await recordSignalSnapshots(this.tx.manager(tx), rows.map((r) => r.vendorId));
  }

  /**
   * Explanations rows in one statement, sent as one JSON document: a text[] of JSON would be
   * escaped element by element by the driver and parsed twice by PostgreSQL.
   */
  private async upsertExplanations(tx: RequestContext, unordered: VendorExplanationsRow[]): Promise<void> {
    const rows = [...unordered].sort((a, b) => (a.vendorId < b.vendorId ? -1 : a.vendorId > b.vendorId ? 1 : 0));
    await this.tx.manager(tx).query(
      `INSERT INTO vendor_signal_explanations (vendor_id, explanations, computed_at)
       SELECT x.vendor_id, x.explanations, x.computed_at
         FROM jsonb_to_recordset($1::jsonb) AS x(vendor_id uuid, explanations jsonb, computed_at timestamptz)
       ON CONFLICT (vendor_id) DO UPDATE SET explanations = EXCLUDED.explanations, computed_at = EXCLUDED.computed_at`,
      [JSON.stringify(rows.map((r) => ({ vendor_id: r.vendorId, explanations: r.explanations, computed_at: r.computedAt.toISOString() })))],
    );
  }

  /**
   * A vendor's evidence trend as last stored (public; batched per request with the page's other
   * signal details, read from a replica when configured).
   */
  async storedTrend(ctx: RequestContext, vendorId: string): Promise<EvidenceTrendSummary | null> {
    return (await signalDetailsLoader(ctx, this.tx).load(vendorId)).trend;
  }

  async stored(ctx: RequestContext, vendorId: string): Promise<VendorSignalsEntity | null> {
    return this.tx.repo(ctx, VendorSignalsEntity).findOneBy({ vendorId });
  }

  async storedExplanations(ctx: RequestContext, vendorId: string): Promise<VendorExplanationsRow | null> {
    const rows: Array<{ explanations: CappedExplanations; computed_at: Date }> = await this.tx
      .manager(ctx)
      .query(`SELECT explanations, computed_at FROM vendor_signal_explanations WHERE vendor_id = $1`, [vendorId]);
    return rows[0] ? { vendorId, explanations: rows[0].explanations, computedAt: rows[0].computed_at } : null;
  }

  private async allVendorIds(ctx: RequestContext): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.tx.manager(ctx).query(`SELECT id FROM organizations WHERE kind = 'vendor' ORDER BY id`);
    return rows.map((r) => r.id);
  }
}
