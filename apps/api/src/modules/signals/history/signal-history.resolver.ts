import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../../common/graphql-context';
import type { RequestContext } from '../../../common/request-context';
import { TransactionService } from '../../../database/transaction.service';
import { SignalSnapshotObject } from '../graphql/signal-snapshot.object';
import { VendorSignalsObject } from '../graphql/vendor-signals.object';
import { signalDetailsLoader } from '../signal-details.loader';

/** `VendorSignals.history`: the score over time, oldest first (read with the explanations, in one statement). */
@Resolver(() => VendorSignalsObject)
export class SignalHistoryResolver {
  constructor(private readonly tx: TransactionService) {}

  @ResolveField(() => [SignalSnapshotObject], { description: 'How the Assay score built up: one entry per change of the evidence, oldest first.' })
  async history(@Ctx() ctx: RequestContext, @Parent() parent: VendorSignalsObject): Promise<SignalSnapshotObject[]> {
    if (!parent.vendorId) return [];
    const { history } = await signalDetailsLoader(ctx, this.tx).load(parent.vendorId);
    return history.map((r) => ({
      computedAt: new Date(r.computed_at),
      assayMean: Number(r.assay_mean),
      assayLower: Number(r.assay_lower),
      assayUpper: Number(r.assay_upper),
      verifiedCaseStudies: Number(r.verified_case_studies),
    }));
  }
}
