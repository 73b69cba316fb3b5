import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { badInput, notFound } from '../../common/errors';
import { groupBy, requestLoader } from '../../common/loaders';
import type { RequestContext } from '../../common/request-context';
import { parseInput } from '../../common/validation';
import { TransactionService } from '../../database/transaction.service';
import { signalsLoader } from '../signals/signals.resolver';
import type { VendorSummaryObject } from '../vendors/graphql/vendor.object';
import { CAPABILITIES, INDUSTRIES, RATE_BANDS, REGIONS } from '../vendors/taxonomy';
import type { ComparedOutcomeObject, FacetCountObject, ReferenceSummaryObject, VendorComparisonObject, VendorSearchFacetsObject, VendorSearchResultObject } from './graphql/search.object';
import { type SearchFilters, type SearchSort, searchInputSchema, SHARE_THRESHOLDS, TEAM_SIZE_BUCKETS, VERIFIED_CASE_STUDY_THRESHOLDS } from './search.filters';
import { type ComparedOutcomeRow, SearchRepository, type VendorSearchRow } from './search.repository';

export const COMPARE_LIMIT = 5;
const DEFAULT_PAGE_SIZE = 20;

const compareSchema = z
  .array(z.uuid({ error: 'This consultancy does not exist.' }))
  .min(1, 'Choose at least one consultancy to compare.')
  .max(COMPARE_LIMIT, `Compare at most ${COMPARE_LIMIT} consultancies at a time.`)
  .transform((ids) => [...new Set(ids)]);

function encodeCursor(sort: SearchSort, value: number, id: string): string {
  return Buffer.from(JSON.stringify([sort, value, id])).toString('base64url');
}

function decodeCursor(cursor: string, sort: SearchSort): { value: number; id: string } {
  try {
    const [s, value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown, unknown];
    if (s === sort && typeof value === 'number' && Number.isFinite(value) && typeof id === 'string' && z.uuid().safeParse(id).success) return { value, id };
  } catch {
    // fall through to the error below
  }
  throw badInput('This page link is no longer valid; start from the first page.', [{ field: 'after', message: 'Not a valid cursor for this sort order.' }], 'INVALID_CURSOR');
}

export function toVendorSummary(r: VendorSearchRow): VendorSummaryObject {
  return {
    id: r.id,
    name: r.name,
    slug: r.slug,
    website: r.website,
    description: r.description,
    capabilities: r.capabilities,
    industries: r.industries,
    regions: r.regions,
    teamSize: r.team_size,
    rateBand: r.rate_band,
  };
}

/** Every option of a facet, zero when nothing matches, in the taxonomy's order. */
function facet(keys: readonly string[], counts: Map<string, number>): FacetCountObject[] {
  return keys.map((key) => ({ key, count: counts.get(key) ?? 0 }));
}

@Injectable()
export class SearchService {
  constructor(
    private readonly tx: TransactionService,
    private readonly search: SearchRepository,
  ) {}

  /** The public consultancy search (anyone may run it). */
  async searchVendors(ctx: RequestContext, input: unknown): Promise<VendorSearchResultObject> {
    const args = parseInput(searchInputSchema, input ?? {});
    const sort: SearchSort = args.sort ?? 'assay_lower';
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const filters: SearchFilters = {
      text: args.text || null,
      capabilities: args.capabilities,
      industries: args.industries,
      regions: args.regions,
      teamSizes: args.teamSizes,
      rateBands: args.rateBands,
      minVerifiedCaseStudies: args.minVerifiedCaseStudies ?? null,
      minAssayLower: args.minAssayLower ?? null,
      minProductionDurability: args.minProductionDurability ?? null,
      hideFlagged: args.hideFlagged ?? false,
    };
    const rows = await this.search.searchPage(ctx, filters, sort, first, args.after ? decodeCursor(args.after, sort) : null);
    const page = rows.slice(0, first);
    this.primeSignals(ctx, page);
    const last = page[page.length - 1];
    return {
      nodes: page.map(toVendorSummary),
      hasNextPage: rows.length > first,
      endCursor: last && rows.length > first ? encodeCursor(sort, last.sort_value, last.id) : null,
      totalCount: rows[0]?.total_count ?? 0,
      filters,
    };
  }

  /** Counts per option of every filter, for the same search. */
  async facets(ctx: RequestContext, filters: SearchFilters): Promise<VendorSearchFacetsObject> {
    const rows = await this.search.facetCounts(ctx, filters);
    const counts = (name: string) => new Map(rows.filter((r) => r.facet === name).map((r) => [String(name.startsWith('min') ? Number(r.key) : r.key), r.n]));
    return {
      capabilities: facet(Object.keys(CAPABILITIES), counts('capabilities')),
      industries: facet(INDUSTRIES, counts('industries')),
      regions: facet(REGIONS, counts('regions')),
      teamSizes: facet(Object.keys(TEAM_SIZE_BUCKETS), counts('teamSizes')),
      rateBands: facet(RATE_BANDS, counts('rateBands')),
      minVerifiedCaseStudies: facet(VERIFIED_CASE_STUDY_THRESHOLDS.map(String), counts('minVerifiedCaseStudies')),
      minAssayLower: facet(SHARE_THRESHOLDS.map(String), counts('minAssayLower')),
      minProductionDurability: facet(SHARE_THRESHOLDS.map(String), counts('minProductionDurability')),
      hideFlagged: facet(['unflagged', 'flagged'], counts('hideFlagged')),
    };
  }

  /** Up to five consultancies side by side, in the order asked for (public). */
  async compare(ctx: RequestContext, vendorIds: unknown): Promise<VendorComparisonObject[]> {
    const ids = parseInput(z.object({ vendorIds: compareSchema }), { vendorIds }).vendorIds;
    const rows = await this.search.vendorsByIds(ctx, ids);
    if (rows.length !== ids.length) throw notFound('One of these consultancies');
    this.primeSignals(ctx, rows);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => ({ vendor: toVendorSummary(byId.get(id)!) }));
  }

  /** Claimed vs verified outcomes of a vendor's public case studies, batched per request. */
  outcomes(ctx: RequestContext, vendorId: string): Promise<ComparedOutcomeObject[]> {
    const loader = requestLoader<string, ComparedOutcomeRow[]>(ctx, 'search.publicOutcomes', async (ids) =>
      groupBy(ids, await this.search.publicOutcomes(ctx, ids), (r) => r.vendor_id),
    );
    return loader.load(vendorId).then((rows) =>
      rows.map((r) => ({
        caseStudyId: r.case_study_id,
        caseStudyTitle: r.case_study_title,
        caseStudyStatus: r.case_study_status,
        productionStatus: r.production_status,
        metricName: r.metric_name,
        unit: r.unit,
        direction: r.direction,
        baselineValue: r.baseline_value,
        claimedValue: r.claimed_value,
        verifiedValue: r.verified_value,
        verificationStatus: r.verification_status,
      })),
    );
  }

  /** Reference response summary of a vendor's public case studies, batched per request. */
  async referenceSummary(ctx: RequestContext, vendorId: string): Promise<ReferenceSummaryObject> {
    if (!z.uuid().safeParse(vendorId).success) throw notFound('This consultancy');
    const loader = requestLoader<string, Awaited<ReturnType<SearchRepository['referenceSummary']>>>(ctx, 'search.referenceSummary', async (ids) =>
      groupBy(ids, await this.search.referenceSummary(ctx, ids), (r) => r.vendor_id),
    );
    const rows = await loader.load(vendorId);
    const of = (source: string) => rows.find((r) => r.source === source);
    return {
      nominatedRequested: of('nominated')?.requested ?? 0,
      nominatedAnswered: of('nominated')?.answered ?? 0,
      drawnRequested: of('drawn')?.requested ?? 0,
      drawnAnswered: of('drawn')?.answered ?? 0,
      wouldHireAgainYes: rows.reduce((n, r) => n + r.hire_again_yes, 0),
      wouldHireAgainAnswered: rows.reduce((n, r) => n + r.hire_again_answered, 0),
    };
  }

  /** A vendor as the directory lists it, batched per request (null when it is not a vendor). */
  async vendorSummary(ctx: RequestContext, vendorId: string): Promise<VendorSummaryObject | null> {
    const loader = requestLoader<string, VendorSearchRow | null>(ctx, 'search.vendorById', async (ids) => {
      const rows = await this.search.vendorsByIds(ctx, [...ids]);
      this.primeSignals(ctx, rows);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    const row = await loader.load(vendorId);
    return row ? toVendorSummary(row) : null;
  }

  /** The page's rows already carry the signals: the `signals` field resolver needs no statement. */
  private primeSignals(ctx: RequestContext, rows: VendorSearchRow[]): void {
    const loader = signalsLoader(ctx, this.tx);
    for (const r of rows) loader.clear(r.id).prime(r.id, r.signals);
  }
}
