import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type CappedExplanations, type ExplanationItem, methodology } from '@assay/signals';
import { z } from 'zod';
import { Ctx } from '../../common/graphql-context';
import { notFound } from '../../common/errors';
import { requestLoader } from '../../common/loaders';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';
import { VendorSummaryObject } from '../vendors/graphql/vendor.object';
import { VendorSignalsEntity } from './entities/vendor-signals.entity';
import { MethodologyObject, SignalHintsObject } from './graphql/methodology.object';
import { EvidenceTrendObject, SignalExplanationObject, VendorSignalsObject } from './graphql/vendor-signals.object';
import { signalsEntityFromRow, toEvidenceTrendObject, toExplanationItem, toMethodologyObject, toSignalHints, toVendorSignalsObject } from './signals.mapper';
import { EvidenceEventsService } from './evidence-events.service';
import { SignalsPipelineStatusObject } from './graphql/pipeline-status.object';
import { NO_EXPLANATIONS, signalDetailsLoader } from './signal-details.loader';
import { SignalsService } from './signals.service';

const SIGNALS_COLUMNS = `vendor_id, assay_mean, assay_lower, assay_upper, evidence_depth, production_durability_mean, verified_case_studies,
  last_verified_at, flag_count, signals, config_version, inputs_version, computed_at`;

/** Loads stored signals for many vendors in one statement per request (a buyer-side read: replica when configured). */
export function signalsLoader(ctx: RequestContext, tx: TransactionService) {
  return requestLoader<string, VendorSignalsEntity | null>(ctx, 'signals.byVendor', async (ids) => {
    const rows: Array<Record<string, unknown>> = await tx.read(ctx, (m) => m.query(`SELECT ${SIGNALS_COLUMNS} FROM vendor_signals WHERE vendor_id = ANY($1::uuid[])`, [[...ids]]), { ownerOf: ids });
    const byId = new Map(rows.map((r) => [r.vendor_id as string, signalsEntityFromRow(r)]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

@Resolver(() => VendorSummaryObject)
export class VendorSignalsFieldResolver {
  constructor(private readonly tx: TransactionService) {}

  @ResolveField(() => VendorSignalsObject, { nullable: true, description: 'Null until the vendor has any submitted evidence.' })
  async signals(@Ctx() ctx: RequestContext, @Parent() vendor: VendorSummaryObject): Promise<VendorSignalsObject | null> {
    const row = await signalsLoader(ctx, this.tx).load(vendor.id);
    return row ? toVendorSignalsObject(row) : null;
  }
}

@Resolver(() => VendorSignalsObject)
export class SignalsResolver {
  constructor(
    private readonly tx: TransactionService,
    private readonly signals: SignalsService,
    private readonly evidenceEvents: EvidenceEventsService,
  ) {}

  @Query(() => SignalsPipelineStatusObject, { description: 'Admins: the evidence outbox and its drain job (how far the signals lag the evidence).' })
  async signalsPipeline(@Ctx() ctx: RequestContext): Promise<SignalsPipelineStatusObject> {
    const s = await this.evidenceEvents.pipelineStatus(ctx); // admins only: common/authz/policy.ts
    return { ...s, oldestPendingAgeSeconds: s.oldestPendingAt ? Math.max(0, (Date.now() - s.oldestPendingAt.getTime()) / 1000) : null };
  }

  @Query(() => MethodologyObject, { description: 'How Assay computes its signals (public): sections, signals with formulas, flags and every constant, from the code’s own configuration.' })
  methodology(): MethodologyObject {
    return toMethodologyObject(methodology());
  }

  @Query(() => [SignalHintsObject], { description: 'Members of the consultancy: per signal, what would improve it (specific hints from its evidence first).' })
  async vendorImprovementHints(@Ctx() ctx: RequestContext, @Args('vendorId', { type: () => ID }) vendorId: string): Promise<SignalHintsObject[]> {
    return toSignalHints(await this.signals.improvementHints(ctx, vendorId));
  }

  @Query(() => VendorSignalsObject, { nullable: true, description: "A vendor's signals (public); null before any evidence." })
  async vendorSignals(@Ctx() ctx: RequestContext, @Args('vendorId', { type: () => ID }) vendorId: string): Promise<VendorSignalsObject | null> {
    if (!z.uuid().safeParse(vendorId).success) throw notFound('This consultancy');
    const row = await signalsLoader(ctx, this.tx).load(vendorId);
    return row ? toVendorSignalsObject(row) : null;
  }

  @ResolveField(() => EvidenceTrendObject, {
    nullable: true,
    description: 'Recent against earlier evidence, for the vendor page (show it when `comparable`); null until the signals are next refreshed.',
  })
  async trend(@Ctx() ctx: RequestContext, @Parent() parent: VendorSignalsObject): Promise<EvidenceTrendObject | null> {
    const trend = parent.vendorId ? await this.signals.storedTrend(ctx, parent.vendorId) : null;
    return trend ? toEvidenceTrendObject(trend) : null;
  }

  @ResolveField(() => [SignalExplanationObject], { description: 'For each signal, the evidence that moved it most, most influential first (at most a dozen items; `moreCount` counts the rest).' })
  async explanations(@Ctx() ctx: RequestContext, @Parent() parent: VendorSignalsObject): Promise<SignalExplanationObject[]> {
    const source = parent.vendorId ? (await signalDetailsLoader(ctx, this.tx).load(parent.vendorId)).explanations : NO_EXPLANATIONS;
    return Object.entries(source.items).map(([signal, items]) => ({
      signal,
      items: (items as ExplanationItem[]).map(toExplanationItem),
      moreCount: source.more[signal as keyof CappedExplanations['more']] ?? 0,
    }));
  }
}
