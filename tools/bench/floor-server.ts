// The raw-SQL floor: a bare node:http server with a pg Pool that answers the benchmark's
// three GraphQL requests with the same JSON as the API, from hand-written SQL — no
// framework, no GraphQL execution, no ORM. Search runs the product's own statement
// (search.sql.ts, the same text the API sends), or with FLOOR_SEARCH=baseline the frozen
// pre-vendor_search SQL (baseline.ts). It accepts only the web app's exact documents
// (FLOOR_DOCUMENTS, by operation name) and trusts the variables (the bench sends valid ones).
//   DATABASE_URL=… PORT=… FLOOR_DOCUMENTS='{"SearchVendors":"query …"}' [FLOOR_SEARCH=baseline] node floor-server.js
import * as http from 'node:http';
import { Pool } from 'pg';
import { defaultSearchSort, type SearchFilters, type SearchSort, type TeamSizeBucket } from '../../apps/api/src/modules/search/search.filters';
import { FacetCache, searchStatement, type SearchStatementRow } from '../../apps/api/src/modules/search/search.sql';
import { CAPABILITIES, INDUSTRIES, RATE_BANDS, REGIONS } from '../../apps/api/src/modules/vendors/taxonomy';
import { baselineSearch, type BaselineSearchInput } from './baseline';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.FLOOR_POOL_SIZE ?? 10), application_name: process.env.FLOOR_APPLICATION_NAME ?? 'assay-floor' });
const documents: Record<string, string> = JSON.parse(process.env.FLOOR_DOCUMENTS ?? '{}');

type Row = Record<string, unknown>;
type Json = Record<string, unknown>;

// Same buckets and thresholds as the product (apps/api/src/modules/search/search.filters.ts);
// the bench's equality check fails if they drift apart.
const TEAM_SIZE_BUCKETS: Record<string, [number, number | null]> = { '1_10': [1, 10], '11_50': [11, 50], '51_200': [51, 200], over_200: [201, null] };
const CASE_THRESHOLDS = [1, 3, 5, 10];
const SHARE_THRESHOLDS = [0.25, 0.5, 0.6, 0.75];

/** `baseline`: the frozen pre-vendor_search SQL (baseline.ts); otherwise the product's search statement. */
const SEARCH_MODE = process.env.FLOOR_SEARCH === 'baseline' ? 'baseline' : 'current';

const iso = (d: unknown): string | null => (d == null ? null : (d instanceof Date ? d : new Date(d as string)).toISOString());
const estimate = (e: Json) => ({ mean: e.mean, lower: e.lower, upper: e.upper, evidenceCount: e.evidenceCount, effectiveN: e.effectiveN });
const flags = (list: Json[]) => list.map((f) => ({ kind: f.kind, severity: f.severity, sentence: f.sentence, effect: f.effect }));

// ---------------------------------------------------------------------------
// SearchVendors
// ---------------------------------------------------------------------------

interface SearchInput extends BaselineSearchInput {
  sort?: string | null;
  first?: number | null;
}

/** The variables as the API's input schema leaves them (the bench sends only valid ones). */
function searchFilters(input: SearchInput): SearchFilters {
  const list = <T extends string>(v: string[] | null | undefined) => [...new Set(v ?? [])] as T[];
  return {
    text: input.text?.trim() || null,
    capabilities: list(input.capabilities),
    industries: list(input.industries),
    regions: list(input.regions),
    teamSizes: list<TeamSizeBucket>(input.teamSizes),
    rateBands: list(input.rateBands),
    minVerifiedCaseStudies: input.minVerifiedCaseStudies ?? null,
    minAssayLower: input.minAssayLower ?? null,
    minProductionDurability: input.minProductionDurability ?? null,
    hideFlagged: input.hideFlagged ?? false,
  };
}

interface FoundPage {
  total: number;
  /** Up to first + 1 rows: the card's columns, the signals document and its two columns. */
  rows: Array<{ id: string; sort_value: number; card: Row; signals: Json | null; verified_case_studies: unknown; last_verified_at: unknown }>;
  facets: Array<{ facet: string; key: string; n: number }>;
}

// Facet counts per search, used only while no search row changed since (checked by the statement), as in the API.
const facetCache = new FacetCache<Array<{ facet: string; key: string; n: number }>>();

/** The product's one statement (apps/api/src/modules/search/search.sql.ts). */
async function currentSearch(input: SearchInput, sort: string, first: number): Promise<FoundPage> {
  const filters = searchFilters(input);
  const key = FacetCache.key(filters);
  const cached = facetCache.get(key);
  const statement = searchStatement({ filters, sort: sort as SearchSort, first, after: null, facets: cached?.snapshot ?? true });
  const row = (await pool.query(statement.text, statement.values)).rows[0] as SearchStatementRow;
  let facets = cached?.value ?? [];
  if (row.facets) {
    facets = row.facets.map(([facet, k, n]) => ({ facet, key: k, n }));
    facetCache.set(key, row.snapshot, facets);
  }
  return {
    total: row.total,
    rows: (row.page ?? []).map((r) => ({
      id: r.id,
      sort_value: r.sort_value,
      card: r as unknown as Row,
      signals: (r.signals_row?.signals as Json | undefined) ?? null,
      verified_case_studies: r.signals_row?.verified_case_studies,
      last_verified_at: r.signals_row?.last_verified_at,
    })),
    facets,
  };
}

/** The frozen baseline's two statements (baseline.ts). */
async function frozenSearch(input: SearchInput, sort: string, first: number): Promise<FoundPage> {
  const found = await baselineSearch(pool, input, sort, first);
  return {
    total: (found.page[0]?.total as number | undefined) ?? 0,
    rows: found.page.map((r) => ({ id: r.id as string, sort_value: r.sort_value as number, card: r, signals: (r.signals as Json | null) ?? null, verified_case_studies: r.verified_case_studies, last_verified_at: r.last_verified_at })),
    facets: found.facets as FoundPage['facets'],
  };
}

/** The signals a search result shows. */
function searchSignals(s: Json, r: { verified_case_studies: unknown; last_verified_at: unknown }): Json {
  const range = (e: Json) => ({ mean: e.mean, lower: e.lower, upper: e.upper });
  return {
    assay: range(s.assay as Json),
    productionDurability: range(s.productionDurability as Json),
    clientEndorsement: { evidenceCount: (s.clientEndorsement as Json).evidenceCount },
    evidenceDepth: { mean: (s.evidenceDepth as Json).mean },
    flags: flags(s.flags as Json[]),
    verifiedCaseStudies: r.verified_case_studies,
    lastVerifiedAt: iso(r.last_verified_at),
  };
}

async function searchVendors(variables: Json): Promise<Json> {
  const input = (variables.input ?? {}) as SearchInput;
  // The frozen baseline predates "best match"; the product's default follows the API's (defaultSearchSort).
  const sort = input.sort ?? (SEARCH_MODE === 'baseline' ? 'assay_lower' : defaultSearchSort(input.text?.trim() || null));
  const first = input.first ?? 20;
  const found = await (SEARCH_MODE === 'baseline' ? frozenSearch : currentSearch)(input, sort, first);
  const rows = found.rows;
  const page = rows.slice(0, first);
  const last = page[page.length - 1];
  const counts = new Map<string, Map<string, number>>();
  for (const r of found.facets) {
    const key = r.facet.startsWith('min') ? String(Number(r.key)) : r.key;
    (counts.get(r.facet) ?? counts.set(r.facet, new Map()).get(r.facet)!).set(key, r.n);
  }
  const facet = (name: string, keys: readonly string[]) => keys.map((key) => ({ key, count: counts.get(name)?.get(key) ?? 0 }));
  return {
    searchVendors: {
      totalCount: found.total,
      hasNextPage: rows.length > first,
      endCursor: last && rows.length > first ? Buffer.from(JSON.stringify([sort, last.sort_value, last.id])).toString('base64url') : null,
      nodes: page.map(({ card: r, signals, ...columns }) => ({
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
        signals: signals ? searchSignals(signals, columns) : null,
      })),
      facets: {
        capabilities: facet('capabilities', Object.keys(CAPABILITIES)),
        industries: facet('industries', INDUSTRIES),
        regions: facet('regions', REGIONS),
        teamSizes: facet('teamSizes', Object.keys(TEAM_SIZE_BUCKETS)),
        rateBands: facet('rateBands', RATE_BANDS),
        minVerifiedCaseStudies: facet('minVerifiedCaseStudies', CASE_THRESHOLDS.map(String)),
        minAssayLower: facet('minAssayLower', SHARE_THRESHOLDS.map(String)),
        minProductionDurability: facet('minProductionDurability', SHARE_THRESHOLDS.map(String)),
        hideFlagged: facet('hideFlagged', ['unflagged', 'flagged']),
      },
    },
  };
}

// ---------------------------------------------------------------------------
// Shared by the vendor page and compare
// ---------------------------------------------------------------------------

/** The VendorSignalFields fragment from the stored row (explanations live in their own table). */
function signalFields(r: Row): Json | null {
  if (!r.signals) return null;
  const s = r.signals as Json;
  return {
    assay: estimate(s.assay as Json),
    verifiedDelivery: estimate(s.verifiedDelivery as Json),
    claimAccuracy: estimate(s.claimAccuracy as Json),
    productionDurability: estimate(s.productionDurability as Json),
    clientEndorsement: estimate(s.clientEndorsement as Json),
    handover: estimate(s.handover as Json),
    referenceResponseRate: estimate(s.referenceResponseRate as Json),
    evidenceDepth: estimate(s.evidenceDepth as Json),
    flags: flags(s.flags as Json[]),
    verifiedCaseStudies: r.verified_case_studies,
    lastVerifiedAt: iso(r.last_verified_at),
    computedAt: iso(r.computed_at),
    configVersion: r.config_version,
  };
}

/** `history`, `trend` and `explanations` of VendorSignals, as the public vendor page asks for them. */
function signalDetails(r: Row): Json {
  const history = ((r.history as Json[] | null) ?? []).map((h) => ({
    computedAt: iso(h.computedAt),
    assayMean: h.assayMean,
    assayLower: h.assayLower,
    assayUpper: h.assayUpper,
    verifiedCaseStudies: h.verifiedCaseStudies,
  }));
  const items = ((r.explanations as Json | null)?.items ?? {}) as Record<string, Json[]>;
  const explanations = Object.entries(items).map(([signal, list]) => ({
    signal,
    items: list.map((i) => ({ evidenceId: i.evidenceId, caseStudyId: i.caseStudyId ?? null, kind: i.kind, weight: i.weight, factors: i.factors, effect: i.effect, sentence: i.sentence })),
  }));
  const t = r.trend as Json | null;
  const trendWindow = (w: Json) => ({ mean: w.mean, lower: w.lower, upper: w.upper, outcomes: w.outcomes, caseStudies: w.caseStudies });
  const trend = t && {
    windowDays: t.windowDays,
    since: iso(t.since),
    comparable: t.comparable,
    departs: t.departs,
    declining: t.declining,
    recent: trendWindow(t.recent as Json),
    earlier: trendWindow(t.earlier as Json),
  };
  return { history, trend, explanations };
}

const JOINS = `LEFT JOIN vendor_profiles p ON p.organization_id = o.id
  LEFT JOIN vendor_signals s ON s.vendor_id = o.id`;

const PUBLIC_CASE_STUDY = `cs.status NOT IN ('draft', 'withdrawn') AND cs.superseded_at IS NULL`;

async function referenceSummaries(vendorIds: string[]): Promise<Map<string, Json>> {
  const { rows } = await pool.query(
    `SELECT cs.vendor_id,
            count(*) FILTER (WHERE rr.source = 'nominated' AND rr.status <> 'refused')::int AS nominated_requested,
            count(*) FILTER (WHERE rr.source = 'nominated' AND rr.status = 'answered')::int AS nominated_answered,
            count(*) FILTER (WHERE rr.source = 'drawn' AND rr.status <> 'refused')::int AS drawn_requested,
            count(*) FILTER (WHERE rr.source = 'drawn' AND rr.status = 'answered')::int AS drawn_answered,
            count(*) FILTER (WHERE resp.would_hire_again IS TRUE)::int AS yes,
            count(resp.would_hire_again)::int AS answered
       FROM case_studies cs
       JOIN reference_requests rr ON rr.case_study_id = cs.id
       LEFT JOIN reference_responses resp ON resp.reference_request_id = rr.id AND NOT resp.declined
      WHERE cs.vendor_id = ANY($1::uuid[]) AND ${PUBLIC_CASE_STUDY}
      GROUP BY cs.vendor_id`,
    [vendorIds],
  );
  const out = new Map<string, Json>();
  for (const id of vendorIds) out.set(id, { nominatedRequested: 0, nominatedAnswered: 0, drawnRequested: 0, drawnAnswered: 0, wouldHireAgainYes: 0, wouldHireAgainAnswered: 0 });
  for (const r of rows) {
    out.set(r.vendor_id, {
      nominatedRequested: r.nominated_requested,
      nominatedAnswered: r.nominated_answered,
      drawnRequested: r.drawn_requested,
      drawnAnswered: r.drawn_answered,
      wouldHireAgainYes: r.yes,
      wouldHireAgainAnswered: r.answered,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------
// CompareVendors
// ---------------------------------------------------------------------------

async function compareVendors(variables: Json): Promise<Json> {
  const ids = [...new Set(variables.ids as string[])];
  const [vendors, outcomes, summaries] = await Promise.all([
    pool.query(
      `SELECT o.id, o.name, COALESCE(p.capabilities, '{}') AS capabilities, COALESCE(p.industries, '{}') AS industries, COALESCE(p.regions, '{}') AS regions,
              p.team_size, p.rate_band, s.signals, s.verified_case_studies, s.last_verified_at, s.computed_at, s.config_version
         FROM organizations o ${JOINS}
        WHERE o.kind = 'vendor' AND o.id = ANY($1::uuid[])`,
      [ids],
    ),
    pool.query(
      `SELECT cs.vendor_id, cs.id, cs.title, cs.status, cs.production_status, oc.metric_name, oc.unit, oc.direction, oc.baseline_value, oc.claimed_value, oc.verified_value, oc.verification_status
         FROM case_studies cs JOIN outcome_claims oc ON oc.case_study_id = cs.id
        WHERE cs.vendor_id = ANY($1::uuid[]) AND ${PUBLIC_CASE_STUDY}
        ORDER BY cs.submitted_at, cs.id, oc.position`,
      [ids],
    ),
    referenceSummaries(ids),
  ]);
  if (vendors.rows.length !== ids.length) throw new Error('One of these consultancies was not found.');
  const byId = new Map<string, Row>(vendors.rows.map((r: Row) => [r.id as string, r]));
  const outcomesBy = new Map<string, Json[]>();
  for (const r of outcomes.rows as Row[]) {
    const list = outcomesBy.get(r.vendor_id as string) ?? outcomesBy.set(r.vendor_id as string, []).get(r.vendor_id as string)!;
    list.push({
      caseStudyId: r.id,
      caseStudyTitle: r.title,
      caseStudyStatus: r.status,
      productionStatus: r.production_status,
      metricName: r.metric_name,
      unit: r.unit,
      direction: r.direction,
      baselineValue: r.baseline_value,
      claimedValue: r.claimed_value,
      verifiedValue: r.verified_value,
      verificationStatus: r.verification_status,
    });
  }
  return {
    compareVendors: ids.map((id) => {
      const v = byId.get(id)!;
      return {
        vendor: { id, name: v.name, capabilities: v.capabilities, industries: v.industries, regions: v.regions, teamSize: v.team_size, rateBand: v.rate_band, signals: signalFields(v) },
        outcomes: outcomesBy.get(id) ?? [],
        referenceSummary: summaries.get(id),
      };
    }),
  };
}

// ---------------------------------------------------------------------------
// PublicVendor (the public vendor page)
// ---------------------------------------------------------------------------

async function publicVendor(variables: Json): Promise<Json> {
  const vendorId = variables.vendorId as string;
  const [profile, caseStudies, summaries, details] = await Promise.all([
    pool.query(
      `SELECT o.id, o.name, o.website, COALESCE(p.description, '') AS description, COALESCE(p.capabilities, '{}') AS capabilities, COALESCE(p.industries, '{}') AS industries,
              COALESCE(p.regions, '{}') AS regions, p.team_size, p.rate_band, p.founded_year,
              s.signals, s.verified_case_studies, s.last_verified_at, s.computed_at, s.config_version
         FROM organizations o ${JOINS}
        WHERE o.id = $1 AND o.kind = 'vendor'`,
      [vendorId],
    ),
    pool.query(
      `SELECT cs.id, cs.title, cs.status, cs.client_name, cs.client_anonymised, cs.client_descriptor, cs.problem, cs.approach, cs.started_on::text AS started_on,
              cs.ended_on::text AS ended_on, cs.production_status, cs.production_since::text AS production_since, cs.retired_on::text AS retired_on, cs.handover,
              cs.submitted_at, cs.verified_at, oc.id AS outcome_id, oc.metric_name, oc.unit, oc.direction, oc.baseline_value, oc.claimed_value, oc.verified_value, oc.verification_status
         FROM case_studies cs LEFT JOIN outcome_claims oc ON oc.case_study_id = cs.id
        WHERE cs.vendor_id = $1 AND ${PUBLIC_CASE_STUDY}
        ORDER BY cs.created_at DESC, cs.id, oc.position`,
      [vendorId],
    ),
    referenceSummaries([vendorId]),
    // What the page shows to explain the score: its explanations, history and trend, one statement (as the API).
    pool.query(
      `SELECT e.explanations, (SELECT vs.trend FROM vendor_signals vs WHERE vs.vendor_id = $1) AS trend,
              (SELECT json_agg(json_build_object('computedAt', s.computed_at, 'assayMean', s.assay_mean, 'assayLower', s.assay_lower,
                                                 'assayUpper', s.assay_upper, 'verifiedCaseStudies', s.verified_case_studies) ORDER BY s.computed_at)
                 FROM vendor_signal_snapshots s WHERE s.vendor_id = $1) AS history
         FROM (SELECT $1::uuid AS vendor_id) v LEFT JOIN vendor_signal_explanations e ON e.vendor_id = v.vendor_id`,
      [vendorId],
    ),
  ]);
  const p = profile.rows[0] as Row | undefined;
  if (!p) throw new Error('This consultancy was not found.');
  const studies: Json[] = [];
  let current: Json | null = null;
  for (const r of caseStudies.rows as Row[]) {
    if (!current || current.id !== r.id) {
      current = {
        id: r.id,
        title: r.title,
        status: r.status,
        // The public sees the descriptor of an anonymised client, never its name.
        client: { displayName: r.client_anonymised ? (r.client_descriptor ?? 'An undisclosed client') : r.client_name, anonymised: r.client_anonymised },
        problem: r.problem,
        approach: r.approach,
        startedOn: r.started_on,
        endedOn: r.ended_on,
        productionStatus: r.production_status,
        productionSince: r.production_since,
        retiredOn: r.retired_on,
        handover: r.handover,
        submittedAt: iso(r.submitted_at),
        verifiedAt: iso(r.verified_at),
        outcomes: [] as Json[],
      };
      studies.push(current);
    }
    if (r.outcome_id) {
      (current.outcomes as Json[]).push({
        id: r.outcome_id,
        metricName: r.metric_name,
        unit: r.unit,
        direction: r.direction,
        baselineValue: r.baseline_value,
        claimedValue: r.claimed_value,
        verifiedValue: r.verified_value,
        verificationStatus: r.verification_status,
      });
    }
  }
  return {
    vendorProfile: {
      id: p.id,
      name: p.name,
      website: p.website,
      description: p.description,
      capabilities: p.capabilities,
      industries: p.industries,
      regions: p.regions,
      teamSize: p.team_size,
      rateBand: p.rate_band,
      foundedYear: p.founded_year,
    },
    vendorSignals: signalFields(p) && { ...signalFields(p), ...signalDetails(details.rows[0] as Row) },
    vendorCaseStudies: studies,
    vendorReferenceSummary: summaries.get(vendorId),
  };
}

// ---------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------

const HANDLERS: Record<string, (variables: Json) => Promise<Json>> = { SearchVendors: searchVendors, CompareVendors: compareVendors, PublicVendor: publicVendor };

function send(res: http.ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') return send(res, 200, '{"status":"ok"}');
  if (req.method !== 'POST' || req.url !== '/graphql') return send(res, 404, '{"errors":[{"message":"Not found."}]}');
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    let request: { operationName?: string; query?: string; variables?: Json };
    try {
      request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return send(res, 400, '{"errors":[{"message":"The body is not JSON."}]}');
    }
    const name = request.operationName ?? '';
    const handler = HANDLERS[name];
    if (!handler || documents[name] !== request.query) return send(res, 400, '{"errors":[{"message":"The floor answers only the benchmark\'s documents."}]}');
    handler(request.variables ?? {}).then(
      (data) => send(res, 200, JSON.stringify({ data })),
      (e: unknown) => send(res, 500, JSON.stringify({ errors: [{ message: e instanceof Error ? e.message : String(e) }] })),
    );
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1');

const stop = () => {
  server.close();
  void pool.end().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
