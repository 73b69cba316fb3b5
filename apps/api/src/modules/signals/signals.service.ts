import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { computeMarketContext, computeVendorSignals, DEFAULT_MARKET_CONTEXT, DEFAULT_SIGNAL_CONFIG, type MarketContext, type VendorSignals } from '@assay/signals';
import { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';
import { JobsService } from '../jobs/jobs.service';
import { SignalMarketContextEntity, VendorSignalsEntity } from './entities/vendor-signals.entity';
import { VendorEvidenceRepository } from './vendor-evidence.repository';

/**
 * Keeps `vendor_signals` current. Every fact that changes a vendor's evidence calls
 * `refreshVendor` inside its own transaction, so signals never lag the facts; a full
 * recompute (`npm run signals:recompute`) gives the same numbers from scratch.
 * The market context (claim-accuracy median) is a slow-moving input refreshed
 * explicitly (`refreshMarket`), never by a single event.
 */
export const SIGNALS_NIGHTLY_JOB = 'signals.nightly-recompute';

@Injectable()
export class SignalsService implements OnModuleInit {
  private readonly logger = new Logger('Signals');

  constructor(
    private readonly tx: TransactionService,
    private readonly evidence: VendorEvidenceRepository,
    private readonly jobs: JobsService,
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

  /** Recomputes and stores one vendor's signals in the caller's transaction. */
  async refreshVendor(tx: RequestContext, vendorId: string, now = new Date()): Promise<VendorSignals> {
    const [signals] = await this.refreshVendors(tx, [vendorId], now, await this.marketContext(tx));
    return signals;
  }

  /** Recomputes a batch of vendors with a fixed number of statements. */
  async refreshVendors(tx: RequestContext, vendorIds: readonly string[], now: Date, market: MarketContext): Promise<VendorSignals[]> {
    const evidence = await this.evidence.load(tx, vendorIds, now);
    const results: VendorSignals[] = [];
    const rows: Array<Partial<VendorSignalsEntity>> = [];
    for (const vendorId of vendorIds) {
      const e = evidence.get(vendorId)!;
      const signals = computeVendorSignals(e, DEFAULT_SIGNAL_CONFIG, { market });
      results.push(signals);
      const verified = e.caseStudies.filter((c) => c.status === 'verified' || c.status === 'partially_verified');
      const lastVerified = verified
        .flatMap((c) => c.outcomes.map((o) => o.verifiedAt))
        .filter((d): d is Date => d instanceof Date)
        .sort((a, b) => b.getTime() - a.getTime())[0];
      rows.push({
        vendorId,
        assayMean: signals.assay.mean,
        assayLower: signals.assay.lower,
        assayUpper: signals.assay.upper,
        evidenceDepth: signals.evidenceDepth.mean,
        productionDurabilityMean: signals.productionDurability.mean,
        verifiedCaseStudies: verified.length,
        lastVerifiedAt: lastVerified ?? null,
        flagCount: signals.flags.filter((f) => f.severity !== 'info').length,
        signals,
        configVersion: signals.configVersion,
        computedAt: now,
      });
    }
    if (rows.length) await this.upsert(tx, rows);
    return results;
  }

  /** Recomputes the market context from every vendor's evidence and stores it. */
  async refreshMarket(now = new Date()): Promise<MarketContext> {
    const ctx = RequestContext.system();
    const vendorIds = await this.allVendorIds(ctx);
    const evidence = await this.evidence.load(ctx, vendorIds, now);
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
    for (let i = 0; i < vendorIds.length; i += batch) {
      await this.tx.run(ctx, (tx) => this.refreshVendors(tx, vendorIds.slice(i, i + batch), now, market));
      options.onProgress?.(Math.min(i + batch, vendorIds.length), vendorIds.length);
    }
    this.logger.log(`Recomputed the signals of ${vendorIds.length} vendors`);
    return vendorIds.length;
  }

  /** One INSERT … ON CONFLICT for the whole batch; `inputs_version` counts refreshes. */
  private async upsert(tx: RequestContext, rows: Array<Partial<VendorSignalsEntity>>): Promise<void> {
    const columns = ['vendor_id', 'assay_mean', 'assay_lower', 'assay_upper', 'evidence_depth', 'production_durability_mean', 'verified_case_studies', 'last_verified_at', 'flag_count', 'signals', 'config_version', 'computed_at'];
    const values: unknown[] = [];
    const tuples = rows.map((r) => {
      const row = [r.vendorId, r.assayMean, r.assayLower, r.assayUpper, r.evidenceDepth, r.productionDurabilityMean, r.verifiedCaseStudies, r.lastVerifiedAt, r.flagCount, JSON.stringify(r.signals), r.configVersion, r.computedAt];
      const start = values.length;
      values.push(...row);
      return `(${row.map((_, i) => `$${start + i + 1}`).join(', ')})`;
    });
    await this.tx.manager(tx).query(
      `INSERT INTO vendor_signals (${columns.join(', ')}) VALUES ${tuples.join(', ')}
       ON CONFLICT (vendor_id) DO UPDATE SET ${columns.slice(1).map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, inputs_version = vendor_signals.inputs_version + 1`,
      values,
    );
  }

  async stored(ctx: RequestContext, vendorId: string): Promise<VendorSignalsEntity | null> {
    return this.tx.repo(ctx, VendorSignalsEntity).findOneBy({ vendorId });
  }

  private async allVendorIds(ctx: RequestContext): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.tx.manager(ctx).query(`SELECT id FROM organizations WHERE kind = 'vendor' ORDER BY id`);
    return rows.map((r) => r.id);
  }
}
