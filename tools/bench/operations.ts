// The three buyer-side operations the benchmark drives, with the web app's own GraphQL
// documents (as codegen compiled them from apps/web/src/modules/**/graphql) and varied
// variables, pre-serialised so the load generator spends no time building bodies.
import { print } from 'graphql';
import { CompareVendorsDocument, PublicVendorDocument, SearchVendorsDocument } from '../../apps/web/src/gql/graphql';
import { CAPABILITIES, INDUSTRIES, RATE_BANDS, REGIONS } from '../../apps/api/src/modules/vendors/taxonomy';

export type OperationName = 'search' | 'vendor' | 'compare';

export interface Operation {
  name: OperationName;
  /** What the web app calls it (the GraphQL operation name). */
  operationName: string;
  query: string;
  /** Request bodies, each `{"operationName","query","variables"}`; the load cycles through them. */
  bodies: string[];
}

/** The documents the floor server accepts, by operation name. */
export function documents(): Record<string, string> {
  return {
    SearchVendors: print(SearchVendorsDocument),
    PublicVendor: print(PublicVendorDocument),
    CompareVendors: print(CompareVendorsDocument),
  };
}

/** Words buyers type: capabilities, problems, industries, vendor names, misspelt names and web-search syntax. */
const SEARCH_TEXTS = [
  'forecasting', 'demand forecasting', 'computer vision', 'recommender', 'retrieval-augmented assistant', 'MLOps platform', 'data pipelines', 'pricing experiments',
  'claims triage', 'churn', 'fraud detection', 'defect detection', 'energy load', 'contract clause', 'personalisation', 'model monitoring', 'insurers', 'retailers',
  'hospital', 'streaming', 'Kestrel', 'Lumen Analytics', 'Meridian Labs', 'Helix', 'Quantile Research', 'Kestral', 'Meridain', 'Nimbus Anlytics', 'Tesselate',
  '"demand forecasting" -energy', 'uplift OR experiments', 'LLM agents', 'shelf monitoring', 'feature store',
];
const SORTS = ['assay_lower', 'assay_lower', 'assay_lower', 'assay_mean', 'evidence_depth', 'recently_verified'];
const TEAM_SIZES = ['1_10', '11_50', '51_200', 'over_200'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function some<T>(r: () => number, items: readonly T[], max: number): T[] {
  const n = 1 + Math.floor(r() * max);
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(r() * pool.length), 1)[0]);
  return out;
}

/** A buyer search: 20 per page, always a text query, and one to three filters. */
function searchInput(r: () => number): Record<string, unknown> {
  const input: Record<string, unknown> = { text: SEARCH_TEXTS[Math.floor(r() * SEARCH_TEXTS.length)], first: 20 };
  const filters: Array<() => void> = [
    () => (input.capabilities = some(r, Object.keys(CAPABILITIES), 2)),
    () => (input.regions = some(r, REGIONS, 2)),
    () => (input.industries = some(r, INDUSTRIES, 3)),
    () => (input.teamSizes = some(r, TEAM_SIZES, 2)),
    () => (input.rateBands = some(r, RATE_BANDS, 2)),
    () => (input.minVerifiedCaseStudies = [1, 3, 5][Math.floor(r() * 3)]),
    () => (input.minAssayLower = [0.25, 0.5][Math.floor(r() * 2)]),
    () => (input.hideFlagged = true),
  ];
  for (const apply of some(r, filters, 3)) apply();
  // Always a score order, named even where the product's default (best match, with a text query)
  // would apply: the frozen baseline (baseline.ts) predates best match and must answer the same
  // requests, and the figures stay comparable with earlier runs (the same draws, the same load).
  input.sort = r() < 0.4 ? SORTS[Math.floor(r() * SORTS.length)] : 'assay_lower';
  return input;
}

const body = (operationName: string, query: string, variables: Record<string, unknown>): string => JSON.stringify({ operationName, query, variables });

/** The operations with `count` request bodies each, over the given vendors (deterministic for a seed). */
export function operations(vendorIds: readonly string[], count = 1000, seed = 7): Operation[] {
  if (vendorIds.length < 5) throw new Error('The benchmark needs at least 5 vendors.');
  const docs = documents();
  const r = rng(seed);
  const vendor = () => vendorIds[Math.floor(r() * vendorIds.length)];
  const fiveVendors = () => {
    const ids = new Set<string>();
    while (ids.size < 5) ids.add(vendor());
    return [...ids];
  };
  return [
    { name: 'search', operationName: 'SearchVendors', query: docs.SearchVendors, bodies: Array.from({ length: count }, () => body('SearchVendors', docs.SearchVendors, { input: searchInput(r) })) },
    { name: 'vendor', operationName: 'PublicVendor', query: docs.PublicVendor, bodies: Array.from({ length: count }, () => body('PublicVendor', docs.PublicVendor, { vendorId: vendor() })) },
    { name: 'compare', operationName: 'CompareVendors', query: docs.CompareVendors, bodies: Array.from({ length: count }, () => body('CompareVendors', docs.CompareVendors, { ids: fiveVendors() })) },
  ];
}
