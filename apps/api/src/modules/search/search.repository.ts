import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';
import type { VendorSignalsEntity } from '../signals/entities/vendor-signals.entity';
import { signalsEntityFromRow } from '../signals/signals.mapper';
import { REFERENCE_SUMMARY_LATERAL, type ReferenceSummaryRow } from '../vendors/vendors.repository';
import type { Facet, SearchFilters, SearchSort } from './search.filters';
import type { VendorProfileColumns } from '../vendors/vendors.repository';
import { FacetCache, searchStatement, type SearchStatementRow } from './search.sql';

/** A vendor with its profile and (when it has any) its stored signals, from one row. */
export interface VendorSearchRow extends VendorProfileColumns {
  signals: VendorSignalsEntity | null;
}

export type ComparedVendorRow = VendorSearchRow & ReferenceSummaryRow;

export interface SearchPageRow extends VendorSearchRow {
  sort_value: number;
}

export interface SearchResultRows {
  /** Up to `first + 1` vendors, best first. */
  rows: SearchPageRow[];
  total: number;
  /** Null when the facets were not asked for. */
  facets: FacetCountRow[] | null;
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

// The stored signals (their explanations live in their own table; the `explanations` field loads them when asked).
const VENDOR_COLUMNS = `o.id, o.name, o.slug, o.website, COALESCE(p.description, '') AS description,
  COALESCE(p.capabilities, '{}') AS capabilities, COALESCE(p.industries, '{}') AS industries, COALESCE(p.regions, '{}') AS regions,
  p.team_size, p.rate_band,
  CASE WHEN s.vendor_id IS NOT NULL THEN jsonb_build_object(
    'vendor_id', s.vendor_id, 'assay_mean', s.assay_mean, 'assay_lower', s.assay_lower, 'assay_upper', s.assay_upper, 'evidence_depth', s.evidence_depth,
    'production_durability_mean', s.production_durability_mean, 'verified_case_studies', s.verified_case_studies, 'last_verified_at', s.last_verified_at,
    'flag_count', s.flag_count, 'signals', s.signals, 'config_version', s.config_version, 'inputs_version', s.inputs_version,
    'computed_at', s.computed_at) END AS signals_row`;

const FROM = `organizations o
  LEFT JOIN vendor_profiles p ON p.organization_id = o.id
  LEFT JOIN vendor_signals s ON s.vendor_id = o.id`;

function toVendorRow<T extends { signals_row: Record<string, unknown> | null }>(row: T): Omit<T, 'signals_row'> & { signals: VendorSignalsEntity | null } {
  const { signals_row, ...rest } = row;
  return { ...rest, signals: signals_row ? signalsEntityFromRow(signals_row) : null };
}

/** Buyer-side reads only: every statement goes through `tx.read`, so it runs on a read replica when one is configured. */
@Injectable()
export class SearchRepository {
  /** Per process, but never trusted blindly: see `search`. */
  private readonly facetCache = new FacetCache<FacetCountRow[]>();

  constructor(private readonly tx: TransactionService) {}

  /**
   * One statement per search (searchStatement): the page (keyset on sort value DESC, id ASC), the
   * total and, when asked, the facet counts, all from one pass over the matching narrow rows. Facet
   * counts are reused from an earlier identical search while no search row has changed since
   * (checked in the same statement against that search's snapshot), and recounted otherwise.
   */
  async search(ctx: RequestContext, filters: SearchFilters, sort: SearchSort, first: number, after: { value: number; id: string } | null, withFacets: boolean): Promise<SearchResultRows> {
    const key = withFacets ? FacetCache.key(filters) : '';
    const cached = withFacets ? this.facetCache.get(key) : undefined;
    const statement = searchStatement({ filters, sort, first, after, facets: withFacets ? (cached?.snapshot ?? true) : false });
    const [row]: SearchStatementRow[] = await this.tx.read(ctx, (m) => m.query(statement.text, statement.values));
    let facets: FacetCountRow[] | null = null;
    if (withFacets) {
      if (row.facets) {
        facets = row.facets.map(([facet, k, n]) => ({ facet, key: k, n }));
        this.facetCache.set(key, row.snapshot, facets);
      } else {
        facets = cached!.value;
      }
    }
    return { rows: (row.page ?? []).map((r) => ({ ...toVendorRow(r), sort_value: Number(r.sort_value) })), total: row.total, facets };
  }

  /** Vendors by id with profile and signals, in one statement (unknown ids are left out). */
  async vendorsByIds(ctx: RequestContext, ids: string[]): Promise<VendorSearchRow[]> {
    const rows: Array<Omit<VendorSearchRow, 'signals'> & { signals_row: Record<string, unknown> | null }> = await this.tx.read(ctx, (m) =>
      m.query(`SELECT ${VENDOR_COLUMNS} FROM ${FROM} WHERE o.kind = 'vendor' AND o.id = ANY($1::uuid[])`, [ids]),
    );
    return rows.map(toVendorRow);
  }

  /** Vendors by id with profile, signals and reference summary, as compare shows them, in one statement. */
  async comparedVendors(ctx: RequestContext, ids: string[]): Promise<ComparedVendorRow[]> {
    // The vendors' own members read it from the primary: they see their own writes at once.
    const rows: Array<Omit<ComparedVendorRow, 'signals'> & { signals_row: Record<string, unknown> | null }> = await this.tx.read(
      ctx,
      (m) => m.query(`SELECT ${VENDOR_COLUMNS}, refs.* FROM ${FROM} ${REFERENCE_SUMMARY_LATERAL} WHERE o.kind = 'vendor' AND o.id = ANY($1::uuid[])`, [ids]),
      { ownerOf: ids },
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
}
