// The buyer search statement, free of Nest and TypeORM so the benchmark's raw-SQL floor
// (tools/bench/floor-server.ts) runs exactly the SQL the API runs.
import { type Facet, type SearchFilters, type SearchSort, SHARE_THRESHOLDS, TEAM_SIZE_BUCKETS, VERIFIED_CASE_STUDY_THRESHOLDS } from './search.filters';
import type { VendorProfileColumns } from '../vendors/vendors.repository';

/** Collects positional parameters while a statement is assembled. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

// Missing signals sort last: every sort value of a vendor without signals is -1.
const SORT_EXPRESSIONS: Record<Exclude<SearchSort, 'best_match'>, string> = {
  assay_lower: 'COALESCE(v.assay_lower, -1)',
  assay_mean: 'COALESCE(v.assay_mean, -1)',
  evidence_depth: 'COALESCE(v.evidence_depth, -1)',
  recently_verified: 'COALESCE(extract(epoch FROM v.last_verified_at)::float8, -1)',
};

/**
 * The text match, as a CTE of matching vendor ids: full text (websearch syntax) or a trigram match
 * on the name for misspellings — `%` (similarity ≥ 0.3) and `<%` (word similarity ≥ 0.6),
 * pg_trgm's defaults, which the trigram index answers. Each kind of match is its own indexed scan
 * of `vendor_search_text` (a UNION, not an OR, so word similarity is computed only for the index's
 * candidates); MATERIALIZED so it runs once, with a row estimate the planner can join on.
 */
function textMatch(text: string | null, p: Params, sort: SearchSort): { cte: string; from: string; sortValue: string } {
  if (!text) return { cte: '', from: 'vendor_search v', sortValue: SORT_EXPRESSIONS[sort === 'best_match' ? 'assay_mean' : sort] };
  const q = p.add(text);
  const lowered = p.add(text.toLowerCase());
  const cte = `matched AS MATERIALIZED (
            SELECT vendor_id FROM vendor_search_text WHERE document @@ websearch_to_tsquery('english', ${q})
             UNION SELECT vendor_id FROM vendor_search_text WHERE search_name % ${lowered}
             UNION SELECT vendor_id FROM vendor_search_text WHERE ${lowered} <% search_name),`;
  if (sort !== 'best_match') return { cte, from: 'matched JOIN vendor_search v USING (vendor_id)', sortValue: SORT_EXPRESSIONS[sort] };
  // Best match: how the name matches (exact 3, starts with the query 2, close to it 1, only the
  // profile or case studies match 0), then the default score within a tier. One float, so the
  // keyset paging works unchanged: tier × 4 + (point estimate + 1), where mean + 1 lies in 0..2.
  return {
    cte,
    from: 'matched JOIN vendor_search v USING (vendor_id) JOIN vendor_search_text t USING (vendor_id)',
    sortValue: `(CASE WHEN t.search_name = ${lowered} THEN 3 WHEN starts_with(t.search_name, ${lowered}) THEN 2
                      WHEN t.search_name % ${lowered} OR ${lowered} <% t.search_name THEN 1 ELSE 0 END) * 4 + COALESCE(v.assay_mean, -1) + 1`,
  };
}

/** One SQL condition per filter ('true' when the filter is unset), on the narrow row `v`. */
function filterConditions(f: SearchFilters, p: Params): Record<Facet, string> {
  const teamSize = f.teamSizes.map((b) => {
    const [lo, hi] = TEAM_SIZE_BUCKETS[b];
    return hi === null ? `v.team_size >= ${lo}` : `v.team_size BETWEEN ${lo} AND ${hi}`;
  });
  return {
    capabilities: f.capabilities.length ? `v.capabilities && ${p.add(f.capabilities)}::text[]` : 'true',
    industries: f.industries.length ? `v.industries && ${p.add(f.industries)}::text[]` : 'true',
    regions: f.regions.length ? `v.regions && ${p.add(f.regions)}::text[]` : 'true',
    teamSizes: teamSize.length ? `(${teamSize.join(' OR ')})` : 'true',
    rateBands: f.rateBands.length ? `v.rate_band = ANY(${p.add(f.rateBands)}::text[])` : 'true',
    minVerifiedCaseStudies: f.minVerifiedCaseStudies != null ? `v.verified_case_studies >= ${p.add(f.minVerifiedCaseStudies)}::int` : 'true',
    minAssayLower: f.minAssayLower != null ? `COALESCE(v.assay_lower, -1) >= ${p.add(f.minAssayLower)}::float8` : 'true',
    minProductionDurability: f.minProductionDurability != null ? `COALESCE(v.production_durability_mean, -1) >= ${p.add(f.minProductionDurability)}::float8` : 'true',
    hideFlagged: f.hideFlagged ? 'v.flag_count = 0' : 'true',
  };
}

/** The page's vendors with what a result card shows. */
const PAGE_ROW = `json_build_object(
  'id', o.id, 'name', o.name, 'slug', o.slug, 'website', o.website, 'description', COALESCE(p.description, ''),
  'capabilities', COALESCE(p.capabilities, '{}'), 'industries', COALESCE(p.industries, '{}'), 'regions', COALESCE(p.regions, '{}'),
  'team_size', p.team_size, 'rate_band', p.rate_band, 'sort_value', page.sort_value,
  'signals_row', CASE WHEN s.vendor_id IS NOT NULL THEN jsonb_build_object(
    'vendor_id', s.vendor_id, 'assay_mean', s.assay_mean, 'assay_lower', s.assay_lower, 'assay_upper', s.assay_upper, 'evidence_depth', s.evidence_depth,
    'production_durability_mean', s.production_durability_mean, 'verified_case_studies', s.verified_case_studies, 'last_verified_at', s.last_verified_at,
    'flag_count', s.flag_count, 'signals', s.signals, 'config_version', s.config_version, 'inputs_version', s.inputs_version,
    'computed_at', s.computed_at) END)`;

export interface SearchStatementInput {
  filters: SearchFilters;
  sort: SearchSort;
  first: number;
  after: { value: number; id: string } | null;
  /**
   * Whether to count facets: false leaves them out; a snapshot string (from an earlier answer)
   * counts them only if some search row changed since that snapshot; true always counts them.
   */
  facets: boolean | string;
}

/** A page row as the statement returns it (JSON: timestamps inside `signals_row` are strings). */
export interface SearchStatementPageRow extends VendorProfileColumns {
  sort_value: number;
  signals_row: Record<string, unknown> | null;
}

export interface SearchStatementRow {
  total: number;
  /** Up to `first + 1` rows, best first (one more than the page tells whether there is a next page). */
  page: SearchStatementPageRow[] | null;
  /** [facet, key, count] triples; null when facets were not counted. */
  facets: Array<[Facet, string, number]> | null;
  /** The statement's snapshot (`pg_current_snapshot()`), for FacetCache. */
  snapshot: string;
}

/**
 * One statement for a search page: the text match and the filter flags are computed once per
 * matching vendor on the narrow `vendor_search` table, and the page (keyset on sort value DESC,
 * id ASC), the total and every facet's counts (each ignoring its own filter) come from that one
 * set. Only the page's rows read the wide columns. Returns one row (SearchStatementRow).
 */
export function searchStatement(input: SearchStatementInput): { text: string; values: unknown[] } {
  const p = new Params();
  const { filters, sort, first, after } = input;
  const text = textMatch(filters.text, p, sort);
  const conditions = filterConditions(filters, p);
  const facetNames = Object.keys(conditions) as Facet[];
  const flags = facetNames.map((f) => `(${conditions[f]}) AS f_${f}`).join(', ');
  const all = facetNames.map((f) => `f_${f}`).join(' AND ');
  // A vendor failing two filters counts in no facet (each facet lifts only its own filter), so
  // only vendors failing at most one reach the aggregates.
  const active = facetNames.filter((f) => conditions[f] !== 'true');
  const failedAtMostOne = active.length > 1 ? `WHERE ${active.map((f) => `(NOT COALESCE(${conditions[f]}, false))::int`).join(' + ')} <= 1` : '';
  const others = (facet: Facet) =>
    facetNames
      .filter((f) => f !== facet)
      .map((f) => `f_${f}`)
      .join(' AND ');
  let keyset = '';
  if (after) {
    const value = p.add(after.value);
    keyset = `AND (sort_value < ${value}::float8 OR (sort_value = ${value}::float8 AND id > ${p.add(after.id)}::uuid))`;
  }
  const limit = p.add(first + 1);

  let facetsCte = '';
  let facetsColumn = 'NULL::jsonb';
  if (input.facets !== false) {
    const buckets = Object.entries(TEAM_SIZE_BUCKETS)
      .map(([key, [lo, hi]]) => `('${key}', ${lo}, ${hi ?? 'NULL'}::int)`)
      .join(', ');
    const caseThresholds = p.add(VERIFIED_CASE_STUDY_THRESHOLDS);
    const shareThresholds = p.add(SHARE_THRESHOLDS);
    // With a snapshot, the facets are counted only if a search row was written by a transaction
    // that snapshot did not see (refreshed_xid is indexed; only recent writers are looked at).
    const since = typeof input.facets === 'string' ? p.add(input.facets) : null;
    const stale = since
      ? `EXISTS (SELECT 1 FROM vendor_search WHERE refreshed_xid >= pg_snapshot_xmin(${since}::pg_snapshot)::text::bigint
                   AND NOT pg_visible_in_snapshot(refreshed_xid::text::xid8, ${since}::pg_snapshot))`
      : 'true';
    facetsCte = `,
      facet_counts AS (
        SELECT 'capabilities' AS facet, k AS key, count(*)::int AS n FROM base, unnest(capabilities) k WHERE ${others('capabilities')} GROUP BY k
        UNION ALL SELECT 'industries', k, count(*)::int FROM base, unnest(industries) k WHERE ${others('industries')} GROUP BY k
        UNION ALL SELECT 'regions', k, count(*)::int FROM base, unnest(regions) k WHERE ${others('regions')} GROUP BY k
        UNION ALL SELECT 'teamSizes', b.key, count(*)::int FROM base JOIN (VALUES ${buckets}) b(key, lo, hi) ON team_size >= b.lo AND (b.hi IS NULL OR team_size <= b.hi)
                   WHERE ${others('teamSizes')} GROUP BY b.key
        UNION ALL SELECT 'rateBands', rate_band, count(*)::int FROM base WHERE rate_band IS NOT NULL AND ${others('rateBands')} GROUP BY rate_band
        UNION ALL SELECT 'minVerifiedCaseStudies', t::text, count(*)::int FROM base JOIN unnest(${caseThresholds}::int[]) t ON vcs >= t WHERE ${others('minVerifiedCaseStudies')} GROUP BY t
        UNION ALL SELECT 'minAssayLower', t::text, count(*)::int FROM base JOIN unnest(${shareThresholds}::float8[]) t ON al >= t WHERE ${others('minAssayLower')} GROUP BY t
        UNION ALL SELECT 'minProductionDurability', t::text, count(*)::int FROM base JOIN unnest(${shareThresholds}::float8[]) t ON pd >= t WHERE ${others('minProductionDurability')} GROUP BY t
        UNION ALL SELECT 'hideFlagged', CASE WHEN fc = 0 THEN 'unflagged' ELSE 'flagged' END, count(*)::int FROM base WHERE ${others('hideFlagged')} GROUP BY 2)`;
    // A scalar subquery runs only when its CASE branch is taken: cached facets cost one index probe.
    facetsColumn = `CASE WHEN ${stale} THEN (SELECT COALESCE(jsonb_agg(jsonb_build_array(facet, key, n)), '[]') FROM facet_counts) END`;
  }

  const sql = `WITH ${text.cte}
      base AS MATERIALIZED (
        SELECT v.vendor_id AS id, (${text.sortValue})::float8 AS sort_value, v.capabilities, v.industries, v.regions, v.team_size, v.rate_band,
               v.verified_case_studies AS vcs, COALESCE(v.assay_lower, -1) AS al, COALESCE(v.production_durability_mean, -1) AS pd, v.flag_count AS fc, ${flags}
          FROM ${text.from}
         ${failedAtMostOne}),
      page AS (
        SELECT id, sort_value FROM base WHERE ${all} ${keyset}
         ORDER BY sort_value DESC, id ASC LIMIT ${limit})${facetsCte}
    SELECT (SELECT count(*)::int FROM base WHERE ${all}) AS total,
           (SELECT json_agg(${PAGE_ROW} ORDER BY page.sort_value DESC, page.id ASC)
              FROM page
              JOIN organizations o ON o.id = page.id
              LEFT JOIN vendor_profiles p ON p.organization_id = o.id
              LEFT JOIN vendor_signals s ON s.vendor_id = o.id) AS page,
           ${facetsColumn} AS facets,
           pg_current_snapshot()::text AS snapshot`;
  return { text: sql, values: p.values };
}

/**
 * Facet counts per search (text and filters), each with the snapshot it was counted in. An entry
 * is only a hint: the search statement recounts whenever any search row changed since that
 * snapshot, so every process answers from what PostgreSQL holds now, never from a stale copy.
 * Bounded; the oldest entries go first.
 */
export class FacetCache<V> {
  private readonly entries = new Map<string, { snapshot: string; value: V }>();
  constructor(private readonly maxEntries = 2000) {}

  static key(filters: SearchFilters): string {
    return JSON.stringify([
      filters.text,
      [...filters.capabilities].sort(),
      [...filters.industries].sort(),
      [...filters.regions].sort(),
      [...filters.teamSizes].sort(),
      [...filters.rateBands].sort(),
      filters.minVerifiedCaseStudies,
      filters.minAssayLower,
      filters.minProductionDurability,
      filters.hideFlagged,
    ]);
  }

  get(key: string): { snapshot: string; value: V } | undefined {
    return this.entries.get(key);
  }

  set(key: string, snapshot: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { snapshot, value });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
