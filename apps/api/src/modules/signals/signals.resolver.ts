import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type ExplanationItem, methodology } from '@assay/signals';
import { z } from 'zod';
import { Ctx } from '../../common/graphql-context';
import { notFound } from '../../common/errors';
import { requestLoader } from '../../common/loaders';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';
import { VendorSummaryObject } from '../vendors/graphql/vendor.object';
import { VendorSignalsEntity } from './entities/vendor-signals.entity';
import { MethodologyObject, SignalHintsObject } from './graphql/methodology.object';
import { SignalExplanationObject, VendorSignalsObject } from './graphql/vendor-signals.object';
import { toExplanationItem, toMethodologyObject, toSignalHints, toVendorSignalsObject } from './signals.mapper';
import { SignalsService } from './signals.service';

/** Loads stored signals for many vendors in one statement per request (a buyer-side read: replica when configured). */
export function signalsLoader(ctx: RequestContext, tx: TransactionService) {
  return requestLoader<string, VendorSignalsEntity | null>(ctx, 'signals.byVendor', async (ids) => {
    const rows = await tx.read(ctx, (m) => m.getRepository(VendorSignalsEntity).createQueryBuilder('s').where('s.vendor_id = ANY(:ids)', { ids: [...ids] }).getMany(), { ownerOf: ids });
    const byId = new Map(rows.map((r) => [r.vendorId, r]));
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
  ) {}

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

  @ResolveField(() => [SignalExplanationObject], { description: 'For each signal, the evidence that moved it, most influential first.' })
  explanations(@Parent() parent: VendorSignalsObject): SignalExplanationObject[] {
    return Object.entries(parent.explanationsSource ?? {}).map(([signal, items]) => ({ signal, items: (items as ExplanationItem[]).map(toExplanationItem) }));
  }
}
