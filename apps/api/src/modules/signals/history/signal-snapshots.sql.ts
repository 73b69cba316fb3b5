import type { EntityManager } from 'typeorm';

/**
 * Appends a snapshot for each of these vendors whose stored Assay score differs from its last
 * snapshot (to four decimals, so a recompute that changes nothing adds nothing). One statement,
 * run in the transaction that wrote `vendor_signals`, so the history and the signals never disagree.
 */
export async function recordSignalSnapshots(manager: EntityManager, vendorIds: readonly string[]): Promise<void> {
  if (vendorIds.length === 0) return;
  await manager.query(
    `INSERT INTO vendor_signal_snapshots (vendor_id, computed_at, assay_mean, assay_lower, assay_upper, verified_case_studies)
     SELECT s.vendor_id, s.computed_at, s.assay_mean, s.assay_lower, s.assay_upper, s.verified_case_studies
       FROM vendor_signals s
       LEFT JOIN LATERAL (
         SELECT p.assay_mean, p.assay_lower, p.assay_upper, p.verified_case_studies
           FROM vendor_signal_snapshots p WHERE p.vendor_id = s.vendor_id ORDER BY p.computed_at DESC LIMIT 1
       ) last ON true
      WHERE s.vendor_id = ANY($1::uuid[])
        AND (last.assay_mean IS NULL
          OR (round(last.assay_mean::numeric, 4), round(last.assay_lower::numeric, 4), round(last.assay_upper::numeric, 4), last.verified_case_studies)
             IS DISTINCT FROM (round(s.assay_mean::numeric, 4), round(s.assay_lower::numeric, 4), round(s.assay_upper::numeric, 4), s.verified_case_studies))
     ON CONFLICT (vendor_id, computed_at) DO UPDATE
       SET assay_mean = EXCLUDED.assay_mean, assay_lower = EXCLUDED.assay_lower, assay_upper = EXCLUDED.assay_upper, verified_case_studies = EXCLUDED.verified_case_studies`,
    [[...vendorIds]],
  );
}
