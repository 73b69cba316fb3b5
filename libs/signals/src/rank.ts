// Ranking reads only the signals (which read only evidence). Exact ties share a
// rank; their display order comes from a hash of the evidence record ids, never
// from the vendor's name, age, plan or input position.
import type { RankedVendor, RankSort, VendorSignals } from './types';

type Key = (s: VendorSignals) => number;

const SORT_KEYS: Record<RankSort, readonly Key[]> = {
  assay_lower: [(s) => s.assay.lower, (s) => s.assay.mean, (s) => s.evidenceDepth.mean],
  assay_mean: [(s) => s.assay.mean, (s) => s.assay.lower, (s) => s.evidenceDepth.mean],
  evidence_depth: [(s) => s.evidenceDepth.mean, (s) => s.assay.lower, (s) => s.assay.mean],
};

function compareBy(keys: readonly Key[]) {
  return (a: VendorSignals, b: VendorSignals): number => {
    for (const key of keys) {
      const d = key(b) - key(a);
      if (d !== 0) return d;
    }
    return 0;
  };
}

/**
 * Ranks vendors by a sort (default: the Assay score's point estimate, in which thin evidence is
 * pulled toward the prior rather than to the bottom, so an entrant can outrank an incumbent);
 * deterministic, evidence-only. `assay_lower` is the cautious order.
 */
export function rankVendors(signals: readonly VendorSignals[], sort: RankSort = 'assay_mean'): RankedVendor[] {
  const keys = SORT_KEYS[sort];
  const compare = compareBy(keys);
  const ordered = [...signals].sort(
    (a, b) => compare(a, b) || (a.tieBreakKey < b.tieBreakKey ? -1 : a.tieBreakKey > b.tieBreakKey ? 1 : 0),
  );
  const ranked: RankedVendor[] = [];
  ordered.forEach((s, i) => {
    const tiedWithPrevious = i > 0 && compare(ordered[i - 1], s) === 0;
    ranked.push({ vendorId: s.vendorId, rank: tiedWithPrevious ? ranked[i - 1].rank : i + 1, sortValue: keys[0](s), signals: s });
  });
  return ranked;
}
