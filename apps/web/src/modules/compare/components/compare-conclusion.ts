// The one-line conclusion of a comparison: which consultancies the evidence actually separates.
// Two consultancies are separated on a signal only when their 90% intervals do not overlap;
// anything less is not a difference the evidence supports. Pure, so a unit test pins it.
import { isPriorOnly, type SignalEstimateLike } from '../../signals/components/signal-format';

export interface ComparedLike<K extends string = string> {
  name: string;
  signals: Record<K, SignalEstimateLike> | null | undefined;
}

export const NOT_SEPARATED = 'The evidence does not yet separate these consultancies on any signal.';

/** "On Verified delivery, Lumen Analytics is ahead of Borealis Data (their 90% intervals do not overlap)." */
export function compareConclusion<K extends string>(rows: ReadonlyArray<ComparedLike<K>>, signalKeys: readonly K[], names: Partial<Record<string, string>> = {}): string {
  const findings: string[] = [];
  for (const key of signalKeys) {
    const withData = rows
      .map((r) => ({ name: r.name, e: r.signals?.[key] }))
      .filter((r): r is { name: string; e: SignalEstimateLike } => !!r.e && !isPriorOnly(r.e));
    for (const a of withData) {
      const behind = withData.filter((b) => b !== a && a.e.lower > b.e.upper).map((b) => b.name);
      if (behind.length) findings.push(`on ${names[key] ?? key}, ${a.name} is ahead of ${joinNames(behind)}`);
    }
  }
  if (findings.length === 0) return NOT_SEPARATED;
  const shown = findings.slice(0, 3);
  const more = findings.length - shown.length;
  const text = shown.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)} (their 90% intervals do not overlap)${more > 0 ? `; and ${more} more such ${more === 1 ? 'difference' : 'differences'}` : ''}. On every other signal the evidence does not yet separate them.`;
}

function joinNames(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
