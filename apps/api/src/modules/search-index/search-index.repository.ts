import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';

/** The writer of the narrow `vendor_search` rows that buyer search reads. */
@Injectable()
export class SearchIndexRepository {
  constructor(private readonly tx: TransactionService) {}

  /**
   * Rewrites these vendors' search rows from the source tables and `vendor_signals`, in the
   * caller's transaction: one INSERT … SELECT … ON CONFLICT (`assay_refresh_vendor_search`, shared
   * with the triggers on names and profiles). Rows whose content did not change are
   * left alone, so cached facet counts stay valid. Returns the number of rows written.
   */
  async refresh(ctx: RequestContext, vendorIds: readonly string[]): Promise<number> {
    if (vendorIds.length === 0) return 0;
    const rows: Array<{ n: number }> = await this.tx.manager(ctx).query('SELECT assay_refresh_vendor_search($1::uuid[]) AS n', [[...vendorIds]]);
    return rows[0]?.n ?? 0;
  }
}
