import type { ExplanationItem, SignalKey, VendorSignals } from './types';

/** How many evidence items each signal's explanation keeps; the rest are counted, not stored. */
export const EXPLANATION_ITEMS_PER_SIGNAL = 12;

/** A vendor's explanations as stored: per signal the most influential items, and how many more there were. */
export interface CappedExplanations {
  items: Record<SignalKey, ExplanationItem[]>;
  more: Record<SignalKey, number>;
}

/** The signals document buyers read (search, compare, shortlists): every estimate and flag, no explanations, no trend. */
export type StoredVendorSignals = Omit<VendorSignals, 'explanations' | 'trend'>;

/**
 * Keeps the `perSignal` most influential items of each signal (the lists come sorted by
 * influence from `computeVendorSignals`) and counts the others ("and N more").
 */
export function capExplanations(explanations: VendorSignals['explanations'], perSignal = EXPLANATION_ITEMS_PER_SIGNAL): CappedExplanations {
  const items = {} as Record<SignalKey, ExplanationItem[]>;
  const more = {} as Record<SignalKey, number>;
  for (const key of Object.keys(explanations) as SignalKey[]) {
    const list = explanations[key];
    items[key] = list.slice(0, perSignal);
    more[key] = Math.max(0, list.length - perSignal);
  }
  return { items, more };
}

/**
 * The document without its explanations and trend (what the `vendor_signals.signals` column keeps;
 * the trend has its own column, read only by the vendor page).
 */
export function withoutExplanations(signals: VendorSignals): StoredVendorSignals {
  const { explanations: _explanations, trend: _trend, ...stored } = signals;
  return stored;
}
