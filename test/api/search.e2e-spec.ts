import { Client } from 'pg';
import { drainEvidence } from '../support/evidence-outbox';
import { accreditedReviewer } from '../support/ledger-flow';
import { createDraft, rosterEntry, verifiedCaseStudyFor, vendorWithProfile } from '../support/factories';
import { createTestApp, GraphQLClient, TestApp } from '../support/test-app';

const SEARCH = `query($input: VendorSearchInput) {
  searchVendors(input: $input) {
    totalCount hasNextPage endCursor
    nodes { id name capabilities regions signals { assay { mean lower upper } evidenceDepth { mean } flags { kind } verifiedCaseStudies } }
    facets {
      capabilities { key count } industries { key count } regions { key count } teamSizes { key count } rateBands { key count }
      minVerifiedCaseStudies { key count } minAssayLower { key count } minProductionDurability { key count } hideFlagged { key count }
    }
  }
}`;

const COMPARE = `query($ids: [ID!]!) {
  compareVendors(vendorIds: $ids) {
    vendor { id name capabilities signals { assay { mean lower upper } verifiedDelivery { mean lower upper } productionDurability { mean lower upper } evidenceDepth { mean } flags { kind sentence } } }
    outcomes { caseStudyId caseStudyTitle metricName claimedValue verifiedValue verificationStatus }
    referenceSummary { nominatedRequested nominatedAnswered drawnRequested drawnAnswered wouldHireAgainYes wouldHireAgainAnswered }
  }
}`;

type SearchResult = {
  searchVendors: {
    totalCount: number;
    hasNextPage: boolean;
    endCursor: string | null;
    nodes: Array<{ id: string; name: string; signals: { assay: { mean: number; lower: number } } | null }>;
    facets: Record<string, Array<{ key: string; count: number }>>;
  };
};

// Counts every statement any pg client sends while `fn` runs (pool clients are pg Clients).
let statementCount = 0;
let counting = false;
const clientProto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
const originalQuery = clientProto.query;

async function statements(fn: () => Promise<unknown>): Promise<number> {
  statementCount = 0;
  counting = true;
  try {
    await fn();
  } finally {
    counting = false;
  }
  return statementCount;
}

describe('Buyer search and compare', () => {
  let t: TestApp;
  let anonymous: GraphQLClient;
  let buyer: GraphQLClient;
  let newcomer: GraphQLClient;
  let reviewer: GraphQLClient;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    clientProto.query = function (this: unknown, ...args: unknown[]) {
      if (counting) statementCount++;
      return originalQuery.apply(this, args);
    };
    t = await createTestApp();
    anonymous = t.client();
    buyer = await t.signedInClient({ email: 'buyer@search-buyer.example' });
    newcomer = await t.signedInClient({ email: 'owner@newcomers.example' });
    const admin = await t.signedInClient({ email: 'admin@assay.test', platformRoles: ['admin'] });
    reviewer = await accreditedReviewer(t, admin, 'reviewer@search-reviewer.example');

    const lumen = await vendorWithProfile(t, 'owner@lumen.example', 'Lumen Analytics', { description: 'Forecasting and pricing models for retailers.', capabilities: ['forecasting', 'mlops'], industries: ['retail'], regions: ['europe'], teamSize: 25, rateBand: '1200_1600' });
    ids.lumen = lumen.vendorId;
    await verifiedCaseStudyFor(t, reviewer, lumen, 'lumen-a');
    await verifiedCaseStudyFor(t, reviewer, lumen, 'lumen-b', { title: 'Churn prediction for a telecom operator', client: { name: 'Secret Telecom Corp', domain: 'secret-telecom.example', anonymised: true, descriptor: 'A European telecom operator' } });
    await rosterEntry(t.dataSource, lumen.vendorId, { clientName: 'Rosterclient Holdings', clientDomain: 'rosterclient.example', contactName: 'Rita Roster', contactEmail: 'rita@rosterclient.example' });

    const quill = await vendorWithProfile(t, 'owner@quill.example', 'Quillfeather Labs', { description: 'Language models for insurers.', capabilities: ['nlp', 'llm_applications'], industries: ['insurance'], regions: ['europe', 'north_america'], teamSize: 8, rateBand: '800_1200' });
    ids.quill = quill.vendorId;
    await verifiedCaseStudyFor(t, reviewer, quill, 'quill-a', {}, 'partially_verified');
    await createDraft(quill.client, quill.vendorId, { title: 'Xylophone telemetry pipeline' });

    const orbit = await vendorWithProfile(t, 'owner@orbit.example', 'Orbit Vision', { description: 'Computer vision for factories.', capabilities: ['computer_vision'], industries: ['manufacturing'], regions: ['asia_pacific'], teamSize: 120, rateBand: 'over_2000' });
    ids.orbit = orbit.vendorId;
    for (let i = 0; i < 5; i++) {
      const v = await vendorWithProfile(t, `owner@plain${i}.example`, `Plain Data ${i}`, { description: 'General data science.', capabilities: i % 2 ? ['nlp'] : ['data_engineering'], regions: ['europe'], teamSize: 3 + i });
      ids[`plain${i}`] = v.vendorId;
    }
  }, 120_000);

  afterAll(async () => {
    clientProto.query = originalQuery;
    await t.close();
  });

  it('finds a consultancy by a misspelt name, and by words of its public case studies', async () => {
    const misspelt = await anonymous.query<SearchResult>(SEARCH, { input: { text: 'Quilfether' } });
    expect(misspelt.errors).toBeUndefined();
    expect(misspelt.data!.searchVendors.nodes.map((n) => n.name)).toContain('Quillfeather Labs');

    const byCaseStudy = await anonymous.query<SearchResult>(SEARCH, { input: { text: 'churn telecom' } });
    expect(byCaseStudy.data!.searchVendors.nodes.map((n) => n.name)).toEqual(['Lumen Analytics']);

    const phrase = await anonymous.query<SearchResult>(SEARCH, { input: { text: '"computer vision" -insurers' } });
    expect(phrase.data!.searchVendors.nodes.map((n) => n.name)).toEqual(['Orbit Vision']);
  });

  it('never finds a consultancy by its drafts, roster or an anonymised client’s name', async () => {
    for (const text of ['Xylophone', 'Rosterclient', 'Secret Telecom Corp', 'rita@rosterclient.example']) {
      const res = await anonymous.query<SearchResult>(SEARCH, { input: { text } });
      expect(res.errors).toBeUndefined();
      expect(res.data!.searchVendors.nodes.filter((n) => n.id === ids.lumen || n.id === ids.quill)).toEqual([]);
    }
  });

  it('ranks by the Assay score (point estimate) by default, vendors without signals last; the lower end on request', async () => {
    const res = await anonymous.query<SearchResult>(SEARCH, { input: { first: 20 } });
    const means = res.data!.searchVendors.nodes.map((n) => n.signals?.assay.mean ?? -1);
    expect(means).toEqual([...means].sort((a, b) => b - a));
    const cautious = await anonymous.query<SearchResult>(SEARCH, { input: { first: 20, sort: 'assay_lower' } });
    const lowers = cautious.data!.searchVendors.nodes.map((n) => n.signals?.assay.lower ?? -1);
    expect(lowers).toEqual([...lowers].sort((a, b) => b - a));
    expect(res.data!.searchVendors.nodes[0].signals).not.toBeNull();
    expect(res.data!.searchVendors.nodes.at(-1)!.signals).toBeNull();
  });

  it('ranks the exact name first for a text query (best match), the score within each kind of match, and pages by it', async () => {
    // Wavelet AI has the verified record; Wavelet Systems has none, but is the name the buyer typed.
    const ai = await vendorWithProfile(t, 'owner@wavelet-ai.example', 'Wavelet AI', { description: 'Wavelet systems for signal processing.', capabilities: ['recommender_systems'], regions: ['latin_america'] });
    await verifiedCaseStudyFor(t, reviewer, ai, 'wavelet-ai');
    const systems = await vendorWithProfile(t, 'owner@wavelet-systems.example', 'Wavelet Systems', { description: 'Signal processing.', capabilities: ['recommender_systems'], regions: ['latin_america'] });
    await drainEvidence(t);

    const byName = await anonymous.query<SearchResult>(SEARCH, { input: { text: 'Wavelet Systems' } });
    expect(byName.errors).toBeUndefined();
    expect(byName.data!.searchVendors.nodes.map((n) => n.id).slice(0, 2)).toEqual([systems.vendorId, ai.vendorId]);

    // Asked for the score order, the verified record comes first again.
    const byScore = await anonymous.query<SearchResult>(SEARCH, { input: { text: 'Wavelet Systems', sort: 'assay_lower' } });
    expect(byScore.data!.searchVendors.nodes.map((n) => n.id).slice(0, 2)).toEqual([ai.vendorId, systems.vendorId]);

    // Both names start with "wavelet": the same tier, so the score decides.
    const prefix = await anonymous.query<SearchResult>(SEARCH, { input: { text: 'wavelet' } });
    expect(prefix.data!.searchVendors.nodes.map((n) => n.id).slice(0, 2)).toEqual([ai.vendorId, systems.vendorId]);

    // Best match pages like every other order; without text it is the score order.
    const all = (await anonymous.query<SearchResult>(SEARCH, { input: { text: 'data', first: 100, sort: 'best_match' } })).data!.searchVendors.nodes.map((n) => n.id);
    expect(all.length).toBeGreaterThan(2);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof anonymous.query<SearchResult>>> = await anonymous.query<SearchResult>(SEARCH, { input: { text: 'data', first: 2, after } });
      expect(page.errors).toBeUndefined();
      seen.push(...page.data!.searchVendors.nodes.map((n) => n.id));
      after = page.data!.searchVendors.endCursor;
    } while (after);
    expect(seen).toEqual(all);
    const noText = await anonymous.query<SearchResult>(SEARCH, { input: { first: 100, sort: 'best_match' } });
    const lowers = noText.data!.searchVendors.nodes.map((n) => n.signals?.assay.lower ?? -1);
    expect(lowers).toEqual([...lowers].sort((a, b) => b - a));
  }, 60_000);

  it('applies filters and counts facets exactly as a direct SQL count does', async () => {
    const input = { capabilities: ['nlp', 'forecasting'], regions: ['europe'], minVerifiedCaseStudies: 1 };
    const res = await anonymous.query<SearchResult>(SEARCH, { input });
    expect(res.errors).toBeUndefined();
    const result = res.data!.searchVendors;
    const count = async (where: string) =>
      Number(
        (
          await t.dataSource.query(
            `SELECT count(*)::int AS n FROM organizations o JOIN vendor_profiles p ON p.organization_id = o.id LEFT JOIN vendor_signals s ON s.vendor_id = o.id WHERE o.kind = 'vendor' AND ${where}`,
          )
        )[0].n,
      );
    const capability = `p.capabilities && ARRAY['nlp','forecasting']`;
    const region = `'europe' = ANY(p.regions)`;
    const verified = `COALESCE(s.verified_case_studies, 0) >= 1`;
    expect(result.totalCount).toBe(await count(`${capability} AND ${region} AND ${verified}`));
    expect(result.totalCount).toBe(2);
    expect(new Set(result.nodes.map((n) => n.id))).toEqual(new Set([ids.lumen, ids.quill]));

    const facet = (name: string, key: string) => result.facets[name].find((f) => f.key === key)!.count;
    // A facet ignores its own filter and applies all the others.
    expect(facet('capabilities', 'nlp')).toBe(await count(`'nlp' = ANY(p.capabilities) AND ${region} AND ${verified}`));
    expect(facet('capabilities', 'computer_vision')).toBe(await count(`'computer_vision' = ANY(p.capabilities) AND ${region} AND ${verified}`));
    expect(facet('regions', 'north_america')).toBe(await count(`'north_america' = ANY(p.regions) AND ${capability} AND ${verified}`));
    expect(facet('minVerifiedCaseStudies', '1')).toBe(await count(`${capability} AND ${region} AND ${verified}`));
    expect(facet('minVerifiedCaseStudies', '3')).toBe(await count(`${capability} AND ${region} AND COALESCE(s.verified_case_studies, 0) >= 3`));
    expect(facet('teamSizes', '1_10')).toBe(await count(`${capability} AND ${region} AND ${verified} AND p.team_size BETWEEN 1 AND 10`));
    expect(facet('hideFlagged', 'unflagged')).toBe(await count(`${capability} AND ${region} AND ${verified} AND COALESCE(s.flag_count, 0) = 0`));
    expect(facet('minAssayLower', '0.25')).toBe(await count(`${capability} AND ${region} AND ${verified} AND COALESCE(s.assay_lower, -1) >= 0.25`));

    const narrowed = await anonymous.query<SearchResult>(SEARCH, { input: { ...input, teamSizes: ['11_50'], rateBands: ['1200_1600'], hideFlagged: true, minProductionDurability: 0 } });
    expect(narrowed.data!.searchVendors.nodes.map((n) => n.name)).toEqual(['Lumen Analytics']);
  });

  it('refuses bad filters with a sentence, naming the field', async () => {
    const res = await anonymous.query(SEARCH, { input: { capabilities: ['astrology'], minAssayLower: 2 } });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.fields?.map((f) => f.field).sort()).toEqual(['capabilities', 'minAssayLower']);
    const cursor = await anonymous.query(SEARCH, { input: { after: 'not-a-cursor' } });
    expect(cursor.errors?.[0].extensions?.reason).toBe('INVALID_CURSOR');
  });

  it.each(['assay_lower', 'assay_mean', 'evidence_depth', 'recently_verified'])('pages by %s without duplicates or gaps while consultancies are added', async (sort) => {
    const before = await anonymous.query<SearchResult>(SEARCH, { input: { first: 100, sort } });
    const all = before.data!.searchVendors.nodes.map((n) => n.id);
    const seen: string[] = [];
    let after: string | null = null;
    let round = 0;
    do {
      const page: Awaited<ReturnType<typeof anonymous.query<SearchResult>>> = await anonymous.query<SearchResult>(SEARCH, { input: { first: 3, sort, after } });
      expect(page.errors).toBeUndefined();
      seen.push(...page.data!.searchVendors.nodes.map((n) => n.id));
      after = page.data!.searchVendors.endCursor;
      // Someone lists a new consultancy between page loads.
      const created = await newcomer.query(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, { input: { name: `Newcomer ${sort} ${round++}`, kind: 'vendor' } });
      expect(created.errors).toBeUndefined();
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of all) expect(seen).toContain(id);
  }, 30_000);

  it('compares up to five consultancies, in the order asked, with claimed vs verified outcomes', async () => {
    const res = await anonymous.query<{ compareVendors: Array<{ vendor: { id: string; signals: unknown }; outcomes: Array<{ caseStudyTitle: string; claimedValue: number; verifiedValue: number | null }>; referenceSummary: { nominatedRequested: number; wouldHireAgainYes: number } }> }>(COMPARE, {
      ids: [ids.quill, ids.lumen, ids.orbit],
    });
    expect(res.errors).toBeUndefined();
    const [quill, lumen, orbit] = res.data!.compareVendors;
    expect([quill.vendor.id, lumen.vendor.id, orbit.vendor.id]).toEqual([ids.quill, ids.lumen, ids.orbit]);
    expect(lumen.outcomes).toHaveLength(2);
    expect(lumen.outcomes[0]).toMatchObject({ claimedValue: 21, verifiedValue: 21.5 });
    expect(lumen.referenceSummary).toMatchObject({ nominatedRequested: 2, wouldHireAgainYes: 2 });
    // Drafts stay private.
    expect(quill.outcomes.map((o) => o.caseStudyTitle)).not.toContain('Xylophone telemetry pipeline');
    expect(orbit.vendor.signals).toBeNull();
    expect(JSON.stringify(res.data)).not.toMatch(/Secret Telecom|secret-telecom|Rosterclient|rita@/);

    const tooMany = await anonymous.query(COMPARE, { ids: Object.values(ids).slice(0, 6) });
    expect(tooMany.errors?.[0].message).toBe('Compare at most 5 consultancies at a time.');
    const unknown = await anonymous.query(COMPARE, { ids: [ids.lumen, '00000000-0000-4000-8000-000000000000'] });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('keeps anonymised clients anonymised and drafts hidden on the public vendor page', async () => {
    const res = await anonymous.query<{ vendorCaseStudies: Array<{ title: string; status: string; client: { displayName: string; name: string | null; domain: string | null } }> }>(
      `query($id: ID!) { vendorCaseStudies(vendorId: $id) { title status client { displayName name domain } } }`,
      { id: ids.lumen },
    );
    const churn = res.data!.vendorCaseStudies.find((c) => c.title.startsWith('Churn'))!;
    expect(churn.client).toEqual({ displayName: 'A European telecom operator', name: null, domain: null });
    const quill = await buyer.query<{ vendorCaseStudies: Array<{ status: string }> }>(`query($id: ID!) { vendorCaseStudies(vendorId: $id) { status } }`, { id: ids.quill });
    expect(quill.data!.vendorCaseStudies.map((c) => c.status)).not.toContain('draft');
    const roster = await buyer.query(`query($id: ID!) { rosterEntries(vendorId: $id) { totalCount } }`, { id: ids.lumen });
    expect(roster.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it.each([
    ['anonymous', () => anonymous],
    ['signed-in', () => buyer],
  ])('spends at most 4 SQL statements on a search page or a comparison, whatever their size (%s)', async (who, client) => {
    await client().query(SEARCH, { input: { first: 1 } }); // warm up (first request per client)
    for (const first of [2, 20, 100]) {
      const n = await statements(() => client().query(SEARCH, { input: { first, text: 'data', capabilities: ['nlp', 'data_engineering', 'forecasting'], regions: ['europe'] } }));
      expect(n).toBeGreaterThanOrEqual(1); // the counter sees the statements
      expect(n).toBeLessThanOrEqual(4);
      // The page, the total and the facets come from one statement (a signed-in viewer adds the session's).
      if (who === 'anonymous') expect(n).toBe(1);
    }
    for (const count of [1, 3, 5]) {
      const chosen = [ids.lumen, ids.quill, ids.orbit, ids.plain0, ids.plain1].slice(0, count);
      const n = await statements(() => client().query(COMPARE, { ids: chosen }));
      expect(n).toBeLessThanOrEqual(4);
      // Vendors with signals and reference summaries, and their outcomes.
      if (who === 'anonymous') expect(n).toBe(2);
    }
  });
});
