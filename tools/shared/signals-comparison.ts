import type { VendorSignalsRow } from '../../apps/api/src/modules/signals/signals.service';

/**
 * Comparable form of a stored or computed `vendor_signals` row, for the checks that incremental
 * refresh equals a from-scratch computation (the consistency tests, the benchmark's burst): the
 * document and the trend as JSON (jsonb keeps no -0 and no Dates), instants as ISO strings, and the stored
 * concentration state the outbox drain relies on.
 */
export function comparableSignalsRow(row: VendorSignalsRow) {
  return {
    vendorId: row.vendorId,
    assayMean: row.assayMean,
    assayLower: row.assayLower,
    assayUpper: row.assayUpper,
    evidenceDepth: row.evidenceDepth,
    productionDurabilityMean: row.productionDurabilityMean,
    verifiedCaseStudies: row.verifiedCaseStudies,
    lastVerifiedAt: row.lastVerifiedAt?.toISOString() ?? null,
    flagCount: row.flagCount,
    configVersion: row.configVersion,
    computedAt: row.computedAt.toISOString(),
    concentratedReviewerIds: row.concentratedReviewerIds,
    signals: JSON.parse(JSON.stringify(row.signals)) as unknown,
    trend: JSON.parse(JSON.stringify(row.trend)) as unknown,
  };
}
