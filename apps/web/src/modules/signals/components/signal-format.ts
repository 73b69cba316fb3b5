// Pure helpers shared by the signal components: which signals a plot shows, how
// values and effects are written, and the words for the API's string codes.

/** An estimate as the API returns it (`SignalEstimate`). */
export interface SignalEstimateLike {
  mean: number;
  lower: number;
  upper: number;
  evidenceCount?: number;
  effectiveN?: number;
}

/** The signals on the 0..1 scale, in the order pages show them (the Assay score first). */
export const SHARE_SIGNAL_KEYS = [
  'assay',
  'verifiedDelivery',
  'claimAccuracy',
  'productionDurability',
  'clientEndorsement',
  'handover',
  'referenceResponseRate',
] as const;
export type ShareSignalKey = (typeof SHARE_SIGNAL_KEYS)[number];

/** Every signal key, as in `SignalExplanation.signal` and `SignalHints.signal`. */
export const SIGNAL_KEYS = [...SHARE_SIGNAL_KEYS, 'evidenceDepth'] as const;
export type SignalKey = (typeof SIGNAL_KEYS)[number];

/** One row of a forest plot: a point estimate with its 90% interval on 0..1. */
export interface ForestPlotRow {
  key: string;
  label: string;
  mean: number;
  lower: number;
  upper: number;
  /** Drawn stronger (the Assay score, or the vendor a compare page is about). */
  emphasis?: boolean;
  /** Set when no evidence entered the estimate: the row draws no dot and says why instead. */
  noData?: string;
}

/** Why a signal has no data yet, in words a buyer understands. */
export const NO_DATA_REASONS: Record<ShareSignalKey, string> = {
  assay: 'no verified evidence yet',
  verifiedDelivery: 'no outcome has been verified yet',
  claimAccuracy: 'no verified outcome to hold a claim against yet',
  productionDurability: 'no 6-month production follow-up due yet',
  clientEndorsement: 'no client reference has answered yet',
  handover: 'no one has rated the handover yet',
  referenceResponseRate: 'no client drawn at random has been asked yet',
};

/** True when nothing entered the estimate, so it is only the prior ("we don't know yet"). */
export function isPriorOnly(e: SignalEstimateLike): boolean {
  if (e.evidenceCount !== undefined && e.evidenceCount === 0) return true;
  return e.effectiveN !== undefined && e.effectiveN < 0.01;
}

/** `62%`, or `—` when the signal has no data. */
export function formatShareOrDash(e: SignalEstimateLike): string {
  return isPriorOnly(e) ? '—' : formatShare(e.mean);
}

/** Rows for `SignalForestPlot` from a vendor's signals; `names` maps keys to names (from the methodology). */
export function forestPlotRows(
  signals: Record<ShareSignalKey, SignalEstimateLike>,
  names: Partial<Record<string, string>> = {},
  keys: readonly ShareSignalKey[] = SHARE_SIGNAL_KEYS,
): ForestPlotRow[] {
  return keys.map((key) => ({
    key,
    label: names[key] ?? key,
    mean: clamp01(signals[key].mean),
    lower: clamp01(signals[key].lower),
    upper: clamp01(signals[key].upper),
    emphasis: key === 'assay',
    ...(isPriorOnly(signals[key]) ? { noData: NO_DATA_REASONS[key] } : {}),
  }));
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

/** `62%` (whole percent). */
export function formatShare(x: number): string {
  return `${Math.round(clamp01(x) * 100)}%`;
}

/** `41–79%`. */
export function formatInterval(lower: number, upper: number): string {
  return `${Math.round(clamp01(lower) * 100)}–${Math.round(clamp01(upper) * 100)}%`;
}

/** A signal's value in words: `62% (90% interval 41–79%)`, or sources for evidence depth. */
export function formatEstimate(key: string, e: SignalEstimateLike): string {
  if (key === 'evidenceDepth') return formatSources(e.mean);
  if (isPriorOnly(e)) return `No data yet: ${NO_DATA_REASONS[key as ShareSignalKey] ?? 'no evidence yet'}`;
  return `${formatShare(e.mean)} (90% interval ${formatInterval(e.lower, e.upper)})`;
}

/** `evidence worth 2.3 independent checks`: the effective number of sources, in words. */
export function formatSources(n: number): string {
  const value = n < 10 ? n.toFixed(1) : Math.round(n).toString();
  return `evidence worth ${value} independent ${value === '1.0' ? 'check' : 'checks'}`;
}

/**
 * How much one item moved a signal: percentage points on the 0..1 signals,
 * sources for evidence depth. Tiny effects read as "no visible effect".
 */
export function formatEffect(signal: string, effect: number): string {
  if (signal === 'evidenceDepth') {
    if (Math.abs(effect) < 0.05) return 'no visible effect';
    return `${effect > 0 ? '+' : '−'}${Math.abs(effect).toFixed(1)} sources`;
  }
  const points = effect * 100;
  if (Math.abs(points) < 0.05) return 'no visible effect';
  return `${points > 0 ? '+' : '−'}${Math.abs(points).toFixed(1)} pts`;
}

/** `0.71`; weights are between 0 and 1. */
export function formatWeight(w: number): string {
  return w >= 0.995 || w === 0 ? String(Math.round(w)) : w.toFixed(2);
}

/** Splits a label into lines of at most `maxChars` characters, at spaces (a longer word stays whole). */
export function wrapLabel(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Words for the factors of an evidence weight (`WeightFactor.factor`). */
export const WEIGHT_FACTOR_LABELS: Record<string, string> = {
  recency: 'recency',
  reviewer_reliability: 'reviewer reliability',
  reviewer_affiliation: 'reviewer affiliated',
  reviewer_concentration: 'reviewer concentrated on you',
  unverifiable: 'could not be verified',
  identity: 'contact identity',
  source: 'drawn or nominated',
  shared_contact: 'contact shared with other vendors',
  repeated_contact: 'same contact answered twice',
  burst: 'part of a burst',
  unreviewed: 'not reviewed yet',
  follow_up_source: 'who answered the follow-up',
  roster_cherry_picking: 'nominated while drawn clients answer far less favourably',
};

/** Words for the kind of an evidence item (`ExplanationItem.kind`). */
export const EVIDENCE_KIND_LABELS: Record<string, string> = {
  outcome: 'Outcome',
  reference: 'Reference',
  follow_up: 'Follow-up',
  case_study: 'Case study',
  reviewer_rating: 'Reviewer rating',
};

export type FlagSeverity = 'serious' | 'warning' | 'info';

/**
 * Severity in words and colour (the words carry the meaning; colour only repeats it).
 * `text` is dark enough for AA contrast on the light badge background.
 */
export const FLAG_SEVERITY: Record<FlagSeverity, { label: string; color: string; text: string; rank: number }> = {
  serious: { label: 'Serious', color: 'red', text: '#b02525', rank: 0 },
  warning: { label: 'Warning', color: 'yellow', text: '#7a4500', rank: 1 },
  info: { label: 'Note', color: 'gray', text: 'var(--mantine-color-gray-8)', rank: 2 },
};

export function flagSeverity(severity: string) {
  return FLAG_SEVERITY[severity as FlagSeverity] ?? FLAG_SEVERITY.info;
}
