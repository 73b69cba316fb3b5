import type { TaxonomyQuery } from '../../../gql/graphql';

export interface TaxonomyLabels {
  capability: (key: string) => string;
  industry: (key: string) => string;
  region: (key: string) => string;
  rateBand: (key: string) => string;
}

/** `public_sector` → `Public sector`, for when the taxonomy has not loaded. */
const humanize = (key: string) => key.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

function lookup(entries: ReadonlyArray<{ key: string; label: string }> | undefined) {
  const map = new Map(entries?.map((e) => [e.key, e.label]));
  return (key: string) => map.get(key) ?? humanize(key);
}

/** Labels for the keys vendors store; falls back to a readable form of the key. */
export function taxonomyLabels(taxonomy: TaxonomyQuery['taxonomy'] | undefined): TaxonomyLabels {
  return {
    capability: lookup(taxonomy?.capabilities),
    industry: lookup(taxonomy?.industries),
    region: lookup(taxonomy?.regions),
    rateBand: lookup(taxonomy?.rateBands),
  };
}
