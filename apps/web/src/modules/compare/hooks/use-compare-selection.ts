import { useCallback, useSyncExternalStore } from 'react';

export const COMPARE_LIMIT = 5;
const KEY = 'assay.compare';

export interface ComparedVendor {
  id: string;
  name: string;
}

const listeners = new Set<() => void>();
let cache: { raw: string | null; value: ComparedVendor[] } = { raw: null, value: [] };

function read(): ComparedVendor[] {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(KEY);
  } catch {
    raw = null;
  }
  if (raw === cache.raw) return cache.value;
  let value: ComparedVendor[] = [];
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (Array.isArray(parsed)) value = parsed.filter((v): v is ComparedVendor => typeof v?.id === 'string' && typeof v?.name === 'string').slice(0, COMPARE_LIMIT);
  } catch {
    value = [];
  }
  cache = { raw, value };
  return value;
}

function write(value: ComparedVendor[]): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(value));
  } catch {
    // Private mode without storage: the selection lasts as long as the page.
    cache = { raw: JSON.stringify(value), value };
  }
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

/**
 * The consultancies a buyer picked for comparison (at most five), kept in this
 * browser across pages; the compare page itself reads its ids from the URL.
 */
export function useCompareSelection() {
  const selected = useSyncExternalStore(subscribe, read, () => []);
  const toggle = useCallback((vendor: ComparedVendor) => {
    const current = read();
    if (current.some((v) => v.id === vendor.id)) write(current.filter((v) => v.id !== vendor.id));
    else if (current.length < COMPARE_LIMIT) write([...current, vendor]);
  }, []);
  const clear = useCallback(() => write([]), []);
  return {
    selected,
    isSelected: (id: string) => selected.some((v) => v.id === id),
    isFull: selected.length >= COMPARE_LIMIT,
    toggle,
    clear,
    /** `/compare?ids=a,b,c` for the current selection. */
    href: `/compare?ids=${selected.map((v) => v.id).join(',')}`,
  };
}
