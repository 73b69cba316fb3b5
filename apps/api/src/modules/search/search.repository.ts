import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';
import type { VendorSignalsEntity } from '../signals/entities/vendor-signals.entity';
import { signalsEntityFromRow } from '../signals/signals.mapper';
import { type Facet, type SearchFilters, type SearchSort, SHARE_THRESHOLDS, TEAM_SIZE_BUCKETS, VERIFIED_CASE_STUDY_THRESHOLDS } from './search.filters';

/** A vendor with its profile and (when it has any) its stored signals, from one row. */
export interface VendorSearchRow {
  id: string;
  name: string;
  slug: string;
  website: string | null;
  description: string;
  capabilities: string[];
  industries: string[];
  regions: string[];
  team_size: number | null;
  rate_band: string | null;
  signals: VendorSignalsEntity | null;
}

export interface SearchPageRow extends VendorSearchRow {
  sort_value: number;
  total_count: number;
}

export interface FacetCountRow {
  facet: Facet;
  key: string;
  n: number;
}

export interface ComparedOutcomeRow {
  vendor_id: string;
  case_study_id: string;
  case_study_title: string;
  case_study_status: string;
  production_status: string;
  metric_name: string;
  unit: string;
  direction: string;
  baseline_value: number;
  claimed_value: number;
  verified_value: number | null;
  verification_status: string;
}

/** Collects positional parameters while a statement is assembled. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

// Missing signals sort last: every sort value of a vendor without signals is -1.
const SORT_EXPRESSIONS: Record<SearchSort, string> = {
  assay_lower: 'COALESCE(s.assay_lower, -1)',
  assay_mean: 'COALESCE(s.assay_mean, -1)',
  evidence_depth: 'COALESCE(s.evidence_depth, -1)',
  recently_verified: 'COALESCE(extract(epoch FROM s.last_verified_at)::float8, -1)',
};

// The signals document travels without its explanations (most of its size); the `explanations` field loads them when asked.
const VENDOR_COLUMNS = `o.id, o.name, o.slug, o.website, COALESCE(p.description, '') AS description,
  COALESCE(p.capabilities, '{}') AS capabilities, COALESCE(p.industries, '{}') AS industries, COALESCE(p.regions, '{}') AS regions,
  p.team_size, p.rate_band,
  CASE WHEN s.vendor_id IS NOT NULL THEN jsonb_build_object(
    'vendor_id', s.vendor_id, 'assay_mean', s.assay_mean, 'assay_lower', s.assay_lower, 'assay_upper', s.assay_upper, 'evidence_depth', s.evidence_depth,
    'production_durability_mean', s.production_durability_mean, 'verified_case_studies', s.verified_case_studies, 'last_verified_at', s.last_verified_at,
    'flag_count', s.flag_count, 'signals', s.signals - 'explanations', 'config_version', s.config_version, 'inputs_version', s.inputs_version,
    'computed_at', s.computed_at) END AS signals_row`;

const FROM = `organizations o
  LEFT JOIN vendor_profiles p ON p.organization_id = o.id
  LEFT JOIN vendor_signals s ON s.vendor_id = o.id`;

/**
 * The text match, as a CTE and a condition on `o.id`: full-text match (websearch syntax) or a
 * trigram match on the name for misspellings — `%` (similarity ≥ 0.3) and `<%` (word similarity
 * ≥ 0.6), pg_trgm's default thresholds. The operators, unlike the similarity functions, are
 * answered by the trigram index. Each kind of match is its own indexed scan (a UNION, not an OR,
 * so the costly word similarity is computed only for the trigram index's candidates), and the CTE
 * is MATERIALIZED so it runs once, rather than row by row inside the join with the filters.
 */
function textMatch(text: string | null, p: Params): { cte: string; condition: string } {
  if (!text) return { cte: '', condition: 'true' };
  const q = p.add(text);
  const lowered = p.add(text.toLowerCase());
  return {
    cte: `text_matches AS MATERIALIZED (
           SELECT vendor_id FROM vendor_search_documents WHERE document @@ websearch_to_tsquery('english', ${q})
            UNION SELECT vendor_id FROM vendor_search_documents WHERE search_name % ${lowered}
            UNION SELECT vendor_id FROM vendor_search_documents WHERE ${lowered} <% search_name),`,
    condition: 'o.id IN (SELECT vendor_id FROM text_matches)',
  };
}

/** One SQL condition per filter ('true' when the filter is unset). */
function filterConditions(f: SearchFilters, p: Params): Record<Facet, string> {
  const teamSize = f.teamSizes.map((b) => {
    const [lo, hi] = TEAM_SIZE_BUCKETS[b];
    return hi === null ? `p.team_size >= ${lo}` : `p.team_size BETWEEN ${lo} AND ${hi}`;
  });
  return {
    capabilities: f.capabilities.length ? `p.capabilities && ${p.add(f.capabilities)}::text[]` : 'true',
    industries: f.industries.length ? `p.industries && ${p.add(f.industries)}::text[]` : 'true',
    regions: f.regions.length ? `p.regions && ${p.add(f.regions)}::text[]` : 'true',
    teamSizes: teamSize.length ? `(${teamSize.join(' OR ')})` : 'true',
    rateBands: f.rateBands.length ? `p.rate_band = ANY(${p.add(f.rateBands)}::text[])` : 'true',
    minVerifiedCaseStudies: f.minVerifiedCaseStudies != null ? `COALESCE(s.verified_case_studies, 0) >= ${p.add(f.minVerifiedCaseStudies)}::int` : 'true',
    minAssayLower: f.minAssayLower != null ? `COALESCE(s.assay_lower, -1) >= ${p.add(f.minAssayLower)}::float8` : 'true',
    minProductionDurability: f.minProductionDurability != null ? `COALESCE(s.production_durability_mean, -1) >= ${p.add(f.minProductionDurability)}::float8` : 'true',
    hideFlagged: f.hideFlagged ? 'COALESCE(s.flag_count, 0) = 0' : 'true',
  };
}

function toVendorRow<T extends { signals_row: Record<string, unknown> | null }>(row: T): Omit<T, 'signals_row'> & { signals: VendorSignalsEntity | null } {
  const { signals_row, ...rest } = row;
  return { ...rest, signals: signals_row ? signalsEntityFromRow(signals_row) : null };
}

/** Buyer-side reads only: every statement goes through `tx.read`, so it runs on a read replica when one is configured. */
@Injectable()
export class SearchRepository {
  constructor(private readonly tx: TransactionService) {}

  /**
   * One statement per page: keyset pagination on (sort value DESC, id ASC), so pages
   * neither repeat nor skip vendors while others are added; the total comes from a
   * window over the filtered set.
   */
  async searchPage(ctx: RequestContext, filters: SearchFilters, sort: SearchSort, first: number, after: { value: number; id: string } | null): Promise<SearchPageRow[]> {
    const p = new Params();
    const text = textMatch(filters.text, p);
    const where = [`o.kind = 'vendor'`, text.condition, ...Object.values(filterConditions(filters, p))].join(' AND ');
    let keyset = '';
    if (after) {
      const value = p.add(after.value);
      keyset = `WHERE sort_value < ${value}::float8 OR (sort_value = ${value}::float8 AND id > ${p.add(after.id)}::uuid)`;
    }
    const limit = p.add(first + 1);
    const rows: Array<Omit<SearchPageRow, 'signals'> & { signals_row: Record<string, unknown> | null; total_count: string }> = await this.tx.read(ctx, (m) =>
      m.query(
        // Filter, count and rank on narrow columns; only the page's rows read the wide ones. (Building
        // `to_jsonb(s)` for every match detoasted every vendor's signals document on each search.)
        `WITH ${text.cte} filtered AS (
           SELECT o.id, ${SORT_EXPRESSIONS[sort]} AS sort_value, count(*) OVER () AS total_count
             FROM ${FROM}
            WHERE ${where}),
         page AS (
           SELECT * FROM filtered ${keyset}
            ORDER BY sort_value DESC, id ASC LIMIT ${limit})
         SELECT ${VENDOR_COLUMNS}, page.sort_value, page.total_count
           FROM page
           JOIN organizations o ON o.id = page.id
           LEFT JOIN vendor_profiles p ON p.organization_id = o.id
           LEFT JOIN vendor_signals s ON s.vendor_id = o.id
          ORDER BY page.sort_value DESC, page.id ASC`,
        p.values,
      ),
    );
    return rows.map((r) => ({ ...toVendorRow(r), total_count: Number(r.total_count), sort_value: Number(r.sort_value) }));
  }

  /** Every facet's counts in one statement; each facet ignores its own filter so its options stay visible. */
  async facetCounts(ctx: RequestContext, filters: SearchFilters): Promise<FacetCountRow[]> {
    const p = new Params();
    const text = textMatch(filters.text, p);
    const conditions = filterConditions(filters, p);
    const flags = Object.entries(conditions)
      .map(([facet, condition]) => `(${condition}) AS f_${facet}`)
      .join(', ');
    const others = (facet: Facet) =>
      (Object.keys(conditions) as Facet[])
        .filter((f) => f !== facet)
        .map((f) => `f_${f}`)
        .join(' AND ');
    const buckets = Object.entries(TEAM_SIZE_BUCKETS)
      .map(([key, [lo, hi]]) => `('${key}', ${lo}, ${hi ?? 'NULL'}::int)`)
      .join(', ');
    const caseThresholds = p.add(VERIFIED_CASE_STUDY_THRESHOLDS);
    const shareThresholds = p.add(SHARE_THRESHOLDS);
    const rows: Array<{ facet: Facet; key: string; n: number }> = await this.tx.read(ctx, (m) =>
      m.query(
        `WITH ${text.cte} base AS (
           SELECT o.id, COALESCE(p.capabilities, '{}') AS capabilities, COALESCE(p.industries, '{}') AS industries, COALESCE(p.regions, '{}') AS regions,
                  p.team_size, p.rate_band, COALESCE(s.verified_case_studies, 0) AS vcs, COALESCE(s.assay_lower, -1) AS al,
                  COALESCE(s.production_durability_mean, -1) AS pd, COALESCE(s.flag_count, 0) AS fc, ${flags}
             FROM ${FROM}
            WHERE o.kind = 'vendor' AND ${text.condition})
         SELECT 'capabilities' AS facet, k AS key, count(*)::int AS n FROM base, unnest(capabilities) k WHERE ${others('capabilities')} GROUP BY k
         UNION ALL SELECT 'industries', k, count(*)::int FROM base, unnest(industries) k WHERE ${others('industries')} GROUP BY k
         UNION ALL SELECT 'regions', k, count(*)::int FROM base, unnest(regions) k WHERE ${others('regions')} GROUP BY k
         UNION ALL SELECT 'teamSizes', b.key, count(*)::int FROM base JOIN (VALUES ${buckets}) b(key, lo, hi) ON team_size >= b.lo AND (b.hi IS NULL OR team_size <= b.hi)
                    WHERE ${others('teamSizes')} GROUP BY b.key
         UNION ALL SELECT 'rateBands', rate_band, count(*)::int FROM base WHERE rate_band IS NOT NULL AND ${others('rateBands')} GROUP BY rate_band
         UNION ALL SELECT 'minVerifiedCaseStudies', t::text, count(*)::int FROM base JOIN unnest(${caseThresholds}::int[]) t ON vcs >= t WHERE ${others('minVerifiedCaseStudies')} GROUP BY t
         UNION ALL SELECT 'minAssayLower', t::text, count(*)::int FROM base JOIN unnest(${shareThresholds}::float8[]) t ON al >= t WHERE ${others('minAssayLower')} GROUP BY t
         UNION ALL SELECT 'minProductionDurability', t::text, count(*)::int FROM base JOIN unnest(${shareThresholds}::float8[]) t ON pd >= t WHERE ${others('minProductionDurability')} GROUP BY t
         UNION ALL SELECT 'hideFlagged', CASE WHEN fc = 0 THEN 'unflagged' ELSE 'flagged' END, count(*)::int FROM base WHERE ${others('hideFlagged')} GROUP BY 2`,
        p.values,
      ),
    );
    return rows;
  }

  /** Vendors by id with profile and signals, in one statement (unknown ids are left out). */
  async vendorsByIds(ctx: RequestContext, ids: string[]): Promise<VendorSearchRow[]> {
    const rows: Array<Omit<VendorSearchRow, 'signals'> & { signals_row: Record<string, unknown> | null }> = await this.tx.read(ctx, (m) =>
      m.query(`SELECT ${VENDOR_COLUMNS} FROM ${FROM} WHERE o.kind = 'vendor' AND o.id = ANY($1::uuid[])`, [ids]),
    );
    return rows.map(toVendorRow);
  }

  /** Claimed and verified values of every outcome in the vendors' public case studies. */
  async publicOutcomes(ctx: RequestContext, vendorIds: readonly string[]): Promise<ComparedOutcomeRow[]> {
    return this.tx.read(ctx, (m) =>
      m.query(
        `SELECT cs.vendor_id, cs.id AS case_study_id, cs.title AS case_study_title, cs.status AS case_study_status, cs.production_status,
                oc.metric_name, oc.unit, oc.direction, oc.baseline_value::float8 AS baseline_value, oc.claimed_value::float8 AS claimed_value,
                oc.verified_value::float8 AS verified_value, oc.verification_status
           FROM case_studies cs JOIN outcome_claims oc ON oc.case_study_id = cs.id
          WHERE cs.vendor_id = ANY($1::uuid[]) AND cs.status NOT IN ('draft', 'withdrawn') AND cs.superseded_at IS NULL
          ORDER BY cs.submitted_at, cs.id, oc.position`,
        [[...vendorIds]],
      ),
    );
  }

  /** How references of the vendor's public case studies went: nominated vs drawn, answered, would hire again. */
  async referenceSummary(ctx: RequestContext, vendorIds: readonly string[]): Promise<Array<{ vendor_id: string; source: string; requested: number; answered: number; hire_again_yes: number; hire_again_answered: number }>> {
    // The vendor's own members read it (on their public page) from the primary: they see their own writes at once.
    return this.tx.read(
      ctx,
      (m) =>
        m.query(
          `SELECT cs.vendor_id, rr.source,
                  count(*) FILTER (WHERE rr.status <> 'refused')::int AS requested,
                  count(*) FILTER (WHERE rr.status = 'answered')::int AS answered,
                  count(*) FILTER (WHERE resp.would_hire_again IS TRUE)::int AS hire_again_yes,
                  count(resp.would_hire_again)::int AS hire_again_answered
             FROM case_studies cs
             JOIN reference_requests rr ON rr.case_study_id = cs.id
             LEFT JOIN reference_responses resp ON resp.reference_request_id = rr.id AND NOT resp.declined
            WHERE cs.vendor_id = ANY($1::uuid[]) AND cs.status NOT IN ('draft', 'withdrawn') AND cs.superseded_at IS NULL
            GROUP BY cs.vendor_id, rr.source`,
          [[...vendorIds]],
        ),
      { ownerOf: vendorIds },
    );
  }
}
