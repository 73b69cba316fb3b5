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
import { publicVendorLoader } from '../vendors/vendors.loaders';
import { type ReferenceSummaryRow, VendorsRepository } from '../vendors/vendors.repository';
import type { ComparedOutcomeObject, FacetCountObject, ReferenceSummaryObject, VendorComparisonObject, VendorSearchFacetsObject, VendorSearchResultObject } from './graphql/search.object';
import { defaultSearchSort, type SearchFilters, type SearchSort, searchInputSchema, SHARE_THRESHOLDS, TEAM_SIZE_BUCKETS, VERIFIED_CASE_STUDY_THRESHOLDS } from './search.filters';
import { type ComparedOutcomeRow, type FacetCountRow, SearchRepository, type VendorSearchRow } from './search.repository';

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

function toComparedOutcome(r: ComparedOutcomeRow): ComparedOutcomeObject {
  return {
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
  };
}

/** All zero for a vendor without references (or an id that is not a vendor). */
function toReferenceSummary(r: ReferenceSummaryRow | null): ReferenceSummaryObject {
  return {
    nominatedRequested: r?.nominated_requested ?? 0,
    nominatedAnswered: r?.nominated_answered ?? 0,
    drawnRequested: r?.drawn_requested ?? 0,
    drawnAnswered: r?.drawn_answered ?? 0,
    wouldHireAgainYes: r?.hire_again_yes ?? 0,
    wouldHireAgainAnswered: r?.hire_again_answered ?? 0,
  };
}

/** Every option of a facet, zero when nothing matches, in the taxonomy's order. */
function facet(keys: readonly string[], counts: Map<string, number>): FacetCountObject[] {
  return keys.map((key) => ({ key, count: counts.get(key) ?? 0 }));
}

/** Facet rows → every option of every facet, zero when nothing matches. */
function toFacets(rows: FacetCountRow[]): VendorSearchFacetsObject {
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

@Injectable()
export class SearchService {
  constructor(
    private readonly tx: TransactionService,
    private readonly search: SearchRepository,
    private readonly vendors: VendorsRepository,
  ) {}

  /**
   * The public consultancy search (anyone may run it): one statement for the page, the total and,
   * when `withFacets`, the facet counts.
   */
  async searchVendors(ctx: RequestContext, input: unknown, withFacets = true): Promise<VendorSearchResultObject> {
    const args = parseInput(searchInputSchema, input ?? {});
    const sort: SearchSort = args.sort ?? defaultSearchSort(args.text);
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
    const found = await this.search.search(ctx, filters, sort, first, args.after ? decodeCursor(args.after, sort) : null, withFacets);
    const page = found.rows.slice(0, first);
    this.primeSignals(ctx, page);
    const last = page[page.length - 1];
    return {
      nodes: page.map(toVendorSummary),
      hasNextPage: found.rows.length > first,
      endCursor: last && found.rows.length > first ? encodeCursor(sort, last.sort_value, last.id) : null,
      totalCount: found.total,
      filters,
      facets: found.facets ? toFacets(found.facets) : undefined,
    };
  }

  /** Counts per option of every filter, for the same search (when the search did not count them already). */
  async facets(ctx: RequestContext, result: VendorSearchResultObject): Promise<VendorSearchFacetsObject> {
    if (result.facets) return result.facets;
    const found = await this.search.search(ctx, result.filters, 'assay_lower', 1, null, true);
    return toFacets(found.facets!);
  }

  /**
   * Up to five consultancies side by side, in the order asked for (public): two statements
   * whatever the number — the vendors with signals and reference summaries, and their outcomes.
   */
  async compare(ctx: RequestContext, vendorIds: unknown): Promise<VendorComparisonObject[]> {
    const ids = parseInput(z.object({ vendorIds: compareSchema }), { vendorIds }).vendorIds;
    const [rows, outcomes] = await Promise.all([this.search.comparedVendors(ctx, ids), this.search.publicOutcomes(ctx, ids)]);
    if (rows.length !== ids.length) throw notFound('One of these consultancies');
    this.primeSignals(ctx, rows);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const outcomesOf = groupBy(ids, outcomes, (r) => r.vendor_id);
    return ids.map((id, i) => ({ vendor: toVendorSummary(byId.get(id)!), outcomes: outcomesOf[i].map(toComparedOutcome), referenceSummary: toReferenceSummary(byId.get(id)!) }));
  }

  /** Reference response summary of a vendor's public case studies (the public vendor page's statement, batched per request). */
  async referenceSummary(ctx: RequestContext, vendorId: string): Promise<ReferenceSummaryObject> {
    if (!z.uuid().safeParse(vendorId).success) throw notFound('This consultancy');
    return toReferenceSummary(await publicVendorLoader(ctx, this.vendors).load(vendorId));
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
