import type { CappedExplanations, EvidenceTrendSummary } from '@assay/signals';
import { requestLoader } from '../../common/loaders';
import type { RequestContext } from '../../common/request-context';
import type { TransactionService } from '../../database/transaction.service';

export interface SnapshotRow {
  computed_at: string;
  assay_mean: number;
  assay_lower: number;
  assay_upper: number;
  verified_case_studies: number;
}

/** What only the pages that explain a score read: the explanations, the score's history and the evidence trend. */
export interface SignalDetails {
  explanations: CappedExplanations;
  history: SnapshotRow[];
  /** Null for a vendor without signals, or a row not refreshed since the column came. */
  trend: EvidenceTrendSummary | null;
}

export const NO_EXPLANATIONS: CappedExplanations = { items: {} as CappedExplanations['items'], more: {} as CappedExplanations['more'] };

/**
 * `VendorSignals.explanations`, `.history` and `.trend` for many vendors in one statement per
 * request, read only when a query asks for any of them (a buyer-side read: replica when
 * configured). The trend is a column of `vendor_signals`, kept out of the `signals` document that
 * search rows carry, and read here with the other vendor-page details.
 */
export function signalDetailsLoader(ctx: RequestContext, tx: TransactionService) {
  return requestLoader<string, SignalDetails>(ctx, 'signals.details', async (ids) => {
    const rows: Array<{ vendor_id: string; explanations: CappedExplanations | null; history: SnapshotRow[] | null; trend: EvidenceTrendSummary | null }> = await tx.read(
      ctx,
      (m) =>
        m.query(
          `SELECT v.vendor_id, e.explanations, vs.trend,
                  (SELECT json_agg(json_build_object('computed_at', s.computed_at, 'assay_mean', s.assay_mean, 'assay_lower', s.assay_lower,
                                                     'assay_upper', s.assay_upper, 'verified_case_studies', s.verified_case_studies) ORDER BY s.computed_at)
                     FROM vendor_signal_snapshots s WHERE s.vendor_id = v.vendor_id) AS history
             FROM unnest($1::uuid[]) AS v(vendor_id)
             LEFT JOIN vendor_signal_explanations e ON e.vendor_id = v.vendor_id
             LEFT JOIN vendor_signals vs ON vs.vendor_id = v.vendor_id`,
          [[...ids]],
        ),
      { ownerOf: ids },
    );
    const byId = new Map(rows.map((r) => [r.vendor_id, { explanations: r.explanations ?? NO_EXPLANATIONS, history: r.history ?? [], trend: r.trend }]));
    return ids.map((id) => byId.get(id) ?? { explanations: NO_EXPLANATIONS, history: [], trend: null });
  });
}
