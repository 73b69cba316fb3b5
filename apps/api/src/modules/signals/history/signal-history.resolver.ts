import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../../common/graphql-context';
import { groupBy, requestLoader } from '../../../common/loaders';
import type { RequestContext } from '../../../common/request-context';
import { TransactionService } from '../../../database/transaction.service';
import { VendorSignalsObject } from '../graphql/vendor-signals.object';
import { SignalSnapshotObject } from '../graphql/signal-snapshot.object';

interface SnapshotRow {
  vendor_id: string;
  computed_at: Date;
  assay_mean: number;
  assay_lower: number;
  assay_upper: number;
  verified_case_studies: number;
}

/** `VendorSignals.history`: the score over time, oldest first (a buyer-side read: replica when configured). */
@Resolver(() => VendorSignalsObject)
export class SignalHistoryResolver {
  constructor(private readonly tx: TransactionService) {}

  @ResolveField(() => [SignalSnapshotObject], { description: 'How the Assay score built up: one entry per change of the evidence, oldest first.' })
  async history(@Ctx() ctx: RequestContext, @Parent() parent: VendorSignalsObject): Promise<SignalSnapshotObject[]> {
    if (!parent.vendorId) return [];
    const rows = await requestLoader<string, SnapshotRow[]>(ctx, 'signals.history', async (ids) => {
      const found: SnapshotRow[] = await this.tx.read(
        ctx,
        (m) =>
          m.query(
            `SELECT vendor_id, computed_at, assay_mean, assay_lower, assay_upper, verified_case_studies
               FROM vendor_signal_snapshots WHERE vendor_id = ANY($1::uuid[]) ORDER BY vendor_id, computed_at`,
            [[...ids]],
          ),
        { ownerOf: ids },
      );
      return groupBy(ids, found, (r) => r.vendor_id);
    }).load(parent.vendorId);
    return rows.map((r) => ({
      computedAt: r.computed_at,
      assayMean: Number(r.assay_mean),
      assayLower: Number(r.assay_lower),
      assayUpper: Number(r.assay_upper),
      verifiedCaseStudies: Number(r.verified_case_studies),
    }));
  }
}
