import DataLoader from 'dataloader';
import type { RequestContext } from './request-context';

/**
 * A per-request DataLoader, created on first use and kept on the context, so a
 * list of N parents costs one query per relation instead of N.
 */
export function requestLoader<K, V>(ctx: RequestContext, name: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
  let loader = ctx.loaders.get(name) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(batch, { maxBatchSize: 1000 });
    ctx.loaders.set(name, loader);
  }
  return loader;
}

/** Groups rows by a key in the order of `keys` (for one-to-many loaders). */
export function groupBy<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}
