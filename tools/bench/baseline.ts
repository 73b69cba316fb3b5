// The frozen baseline of buyer search: the search SQL as it was before the narrow
// `vendor_search` table (commit a10f402, "Search text match as a materialised UNION of
// indexed scans"), copied verbatim from the floor server of that time, with the table it read
// (`vendor_search_documents`, which migration ReplaceVendorSearchDocuments dropped). The bench
// builds that table after seeding and runs the floor server a second time with
// FLOOR_SEARCH=baseline, so the old SQL and the new one are measured in the same run, on the
// same market, and checked to give the same answers. Do not change the SQL below.
import type { Client, Pool } from 'pg';

const TEAM_SIZE_BUCKETS: Record<string, [number, number | null]> = { '1_10': [1, 10], '11_50': [11, 50], '51_200': [51, 200], over_200: [201, null] };
const CASE_THRESHOLDS = [1, 3, 5, 10];
const SHARE_THRESHOLDS = [0.25, 0.5, 0.6, 0.75];
const SORTS: Record<string, string> = {
  assay_lower: 'COALESCE(s.assay_lower, -1)',
  assay_mean: 'COALESCE(s.assay_mean, -1)',
  evidence_depth: 'COALESCE(s.evidence_depth, -1)',
  recently_verified: 'COALESCE(extract(epoch FROM s.last_verified_at)::float8, -1)',
};

type Row = Record<string, unknown>;

export interface BaselineSearchInput {
  text?: string | null;
  capabilities?: string[] | null;
  industries?: string[] | null;
  regions?: string[] | null;
  teamSizes?: string[] | null;
  rateBands?: string[] | null;
  minVerifiedCaseStudies?: number | null;
  minAssayLower?: number | null;
  minProductionDurability?: number | null;
  hideFlagged?: boolean | null;
}

/**
 * `vendor_search_documents` as migration AddBuyerSearchAndShortlists defined it (same columns,
 * GIN indexes and document expression), filled once for every vendor.
 */
export async function createBaselineDocuments(client: Client): Promise<void> {
  await client.query(`CREATE TABLE vendor_search_documents (vendor_id uuid PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE, document tsvector NOT NULL, search_name text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`);
  await client.query(`
    INSERT INTO vendor_search_documents (vendor_id, document, search_name, updated_at)
    SELECT o.id,
           setweight(to_tsvector('english', o.name), 'A')
           || setweight(to_tsvector('english', coalesce(p.description, '')), 'B')
           || setweight(to_tsvector('english', coalesce((
                SELECT string_agg(cs.title || ' ' || cs.problem, ' ' ORDER BY cs.id)
                  FROM case_studies cs
                 WHERE cs.vendor_id = o.id AND cs.status NOT IN ('draft', 'withdrawn') AND cs.superseded_at IS NULL), '')), 'C'),
           lower(o.name), now()
      FROM organizations o LEFT JOIN vendor_profiles p ON p.organization_id = o.id
     WHERE o.kind = 'vendor'`);
  await client.query(`CREATE INDEX idx_vendor_search_documents_document ON vendor_search_documents USING gin (document)`);
  await client.query(`CREATE INDEX idx_vendor_search_documents_name_trgm ON vendor_search_documents USING gin (search_name gin_trgm_ops)`);
  await client.query(`VACUUM (ANALYZE) vendor_search_documents`);
}

/** Builds the WHERE conditions (one per filter, `true` when unset) into `params`. */
function conditions(input: BaselineSearchInput, params: unknown[]): { textCte: string; text: string; filters: Record<string, string> } {
  const p = (v: unknown) => `$${params.push(v)}`;
  const text = input.text?.trim() || null;
  const list = (v: string[] | null | undefined) => [...new Set(v ?? [])];
  const caps = list(input.capabilities);
  const inds = list(input.industries);
  const regs = list(input.regions);
  const bands = list(input.rateBands);
  const sizes = list(input.teamSizes).map((b) => {
    const [lo, hi] = TEAM_SIZE_BUCKETS[b];
    return hi === null ? `p.team_size >= ${lo}` : `p.team_size BETWEEN ${lo} AND ${hi}`;
  });
  const textSql = text
    ? (() => {
        const q = p(text);
        const lowered = p(text.toLowerCase());
        return `text_matches AS MATERIALIZED (
          SELECT vendor_id FROM vendor_search_documents WHERE document @@ websearch_to_tsquery('english', ${q})
          UNION SELECT vendor_id FROM vendor_search_documents WHERE search_name % ${lowered}
          UNION SELECT vendor_id FROM vendor_search_documents WHERE ${lowered} <% search_name),`;
      })()
    : '';
  return {
    textCte: textSql,
    text: textSql ? 'o.id IN (SELECT vendor_id FROM text_matches)' : 'true',
    filters: {
      capabilities: caps.length ? `p.capabilities && ${p(caps)}::text[]` : 'true',
      industries: inds.length ? `p.industries && ${p(inds)}::text[]` : 'true',
      regions: regs.length ? `p.regions && ${p(regs)}::text[]` : 'true',
      teamSizes: sizes.length ? `(${sizes.join(' OR ')})` : 'true',
      rateBands: bands.length ? `p.rate_band = ANY(${p(bands)}::text[])` : 'true',
      minVerifiedCaseStudies: input.minVerifiedCaseStudies != null ? `COALESCE(s.verified_case_studies, 0) >= ${p(input.minVerifiedCaseStudies)}::int` : 'true',
      minAssayLower: input.minAssayLower != null ? `COALESCE(s.assay_lower, -1) >= ${p(input.minAssayLower)}::float8` : 'true',
      minProductionDurability: input.minProductionDurability != null ? `COALESCE(s.production_durability_mean, -1) >= ${p(input.minProductionDurability)}::float8` : 'true',
      hideFlagged: input.hideFlagged ? 'COALESCE(s.flag_count, 0) = 0' : 'true',
    },
  };
}

const JOINS = `LEFT JOIN vendor_profiles p ON p.organization_id = o.id
  LEFT JOIN vendor_signals s ON s.vendor_id = o.id`;

/** The page: filter and rank on narrow columns, then read the wide ones for the 21 rows kept. */
async function searchPage(pool: Pool, input: BaselineSearchInput, sort: string, first: number): Promise<Row[]> {
  const params: unknown[] = [];
  const c = conditions(input, params);
  const where = [`o.kind = 'vendor'`, c.text, ...Object.values(c.filters)].join(' AND ');
  params.push(first + 1);
  const { rows } = await pool.query(
    `WITH ${c.textCte} page AS (
       SELECT o.id, ${SORTS[sort]} AS sort_value, count(*) OVER () AS total
         FROM organizations o ${JOINS}
        WHERE ${where}
        ORDER BY sort_value DESC, o.id LIMIT $${params.length})
     SELECT page.id, page.sort_value, page.total::int AS total, o.name, o.slug, o.website, COALESCE(p.description, '') AS description,
            COALESCE(p.capabilities, '{}') AS capabilities, COALESCE(p.industries, '{}') AS industries, COALESCE(p.regions, '{}') AS regions,
            p.team_size, p.rate_band, s.signals - 'explanations' AS signals, s.verified_case_studies, s.last_verified_at
       FROM page JOIN organizations o ON o.id = page.id ${JOINS}
      ORDER BY page.sort_value DESC, page.id`,
    params,
  );
  return rows;
}

/** Facet counts: every facet ignores its own filter, like the product's. */
async function facetCounts(pool: Pool, input: BaselineSearchInput): Promise<Row[]> {
  const params: unknown[] = [];
  const c = conditions(input, params);
  const names = Object.keys(c.filters);
  const others = (facet: string) =>
    names
      .filter((f) => f !== facet)
      .map((f) => `f_${f}`)
      .join(' AND ');
  const buckets = Object.entries(TEAM_SIZE_BUCKETS)
    .map(([key, [lo, hi]]) => `('${key}', ${lo}, ${hi ?? 'NULL'}::int)`)
    .join(', ');
  const caseThresholds = `$${params.push(CASE_THRESHOLDS)}::int[]`;
  const shareThresholds = `$${params.push(SHARE_THRESHOLDS)}::float8[]`;
  const { rows } = await pool.query(
    `WITH ${c.textCte} base AS (
       SELECT COALESCE(p.capabilities, '{}') AS capabilities, COALESCE(p.industries, '{}') AS industries, COALESCE(p.regions, '{}') AS regions,
              p.team_size, p.rate_band, COALESCE(s.verified_case_studies, 0) AS vcs, COALESCE(s.assay_lower, -1) AS al,
              COALESCE(s.production_durability_mean, -1) AS pd, COALESCE(s.flag_count, 0) AS fc,
              ${names.map((f) => `(${c.filters[f]}) AS f_${f}`).join(', ')}
         FROM organizations o ${JOINS}
        WHERE o.kind = 'vendor' AND ${c.text})
     SELECT 'capabilities' AS facet, k AS key, count(*)::int AS n FROM base, unnest(capabilities) k WHERE ${others('capabilities')} GROUP BY k
     UNION ALL SELECT 'industries', k, count(*)::int FROM base, unnest(industries) k WHERE ${others('industries')} GROUP BY k
     UNION ALL SELECT 'regions', k, count(*)::int FROM base, unnest(regions) k WHERE ${others('regions')} GROUP BY k
     UNION ALL SELECT 'teamSizes', b.key, count(*)::int FROM base JOIN (VALUES ${buckets}) b(key, lo, hi) ON team_size >= b.lo AND (b.hi IS NULL OR team_size <= b.hi) WHERE ${others('teamSizes')} GROUP BY b.key
     UNION ALL SELECT 'rateBands', rate_band, count(*)::int FROM base WHERE rate_band IS NOT NULL AND ${others('rateBands')} GROUP BY rate_band
     UNION ALL SELECT 'minVerifiedCaseStudies', t::text, count(*)::int FROM base JOIN unnest(${caseThresholds}) t ON vcs >= t WHERE ${others('minVerifiedCaseStudies')} GROUP BY t
     UNION ALL SELECT 'minAssayLower', t::text, count(*)::int FROM base JOIN unnest(${shareThresholds}) t ON al >= t WHERE ${others('minAssayLower')} GROUP BY t
     UNION ALL SELECT 'minProductionDurability', t::text, count(*)::int FROM base JOIN unnest(${shareThresholds}) t ON pd >= t WHERE ${others('minProductionDurability')} GROUP BY t
     UNION ALL SELECT 'hideFlagged', CASE WHEN fc = 0 THEN 'unflagged' ELSE 'flagged' END, count(*)::int FROM base WHERE ${others('hideFlagged')} GROUP BY 2`,
    params,
  );
  return rows;
}

/**
 * The baseline's two statements, run concurrently as the floor ran them: the page rows (each with
 * `total`, the wide columns and the signals document) and the facet rows (`facet`, `key`, `n`).
 */
export async function baselineSearch(pool: Pool, input: BaselineSearchInput, sort: string, first: number): Promise<{ page: Row[]; facets: Row[] }> {
  const [page, facets] = await Promise.all([searchPage(pool, input, sort, first), facetCounts(pool, input)]);
  return { page, facets };
}
