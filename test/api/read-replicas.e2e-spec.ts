import { Client } from 'pg';
import { createTestDatabase } from '../support/database';
import { createDraft, nominate, vendorWithProfile } from '../support/factories';
import { SUBMIT } from '../support/ledger-flow';
import { createTestApp, type GraphQLClient, TEST_PASSWORD, type TestApp } from '../support/test-app';

// The app runs with DATABASE_URL = a primary and DATABASE_READ_URLS = a second database
// that stands in for a streaming replica. The test plays the replication: `catchUp()`
// copies the primary's tables to the replica, and between catch-ups the replica lags.
// What a request shows therefore tells which database it read.

const PROFILE = `query($id: ID!) { vendorProfile(vendorId: $id) { description } }`;
const SEARCH = `query($text: String) { searchVendors(input: { text: $text }) { totalCount nodes { id description } } }`;
const COMPARE = `query($ids: [ID!]!) {
  compareVendors(vendorIds: $ids) { vendor { id description signals { computedAt } } outcomes { caseStudyId } referenceSummary { nominatedRequested } }
}`;
// The public vendor page's reads (apps/web vendor-public PublicVendor).
const PAGE = `query($id: ID!) {
  vendorProfile(vendorId: $id) { description }
  vendorSignals(vendorId: $id) { computedAt }
  vendorCaseStudies(vendorId: $id) { id status }
  vendorReferenceSummary(vendorId: $id) { nominatedRequested }
}`;
const UPDATE_PROFILE = `mutation($input: UpdateVendorProfileInput!) { updateVendorProfile(input: $input) { description } }`;

interface Page {
  vendorProfile: { description: string };
  vendorSignals: { computedAt: string } | null;
  vendorCaseStudies: Array<{ id: string; status: string }>;
  vendorReferenceSummary: { nominatedRequested: number };
}

describe('Read replicas: buyer-side reads on DATABASE_READ_URLS, everything else on the primary', () => {
  let t: TestApp;
  let primary: Client;
  let replica: Client;
  let anonymous: GraphQLClient;
  let buyer: GraphQLClient;

  /** Replication, played by the test: the replica becomes a copy of the primary's tables. */
  async function catchUp(): Promise<void> {
    const tables = await primary.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'typeorm_migrations'`,
    );
    await replica.query('BEGIN');
    // As on a real replica, no triggers or foreign-key checks run while rows arrive.
    await replica.query('SET LOCAL session_replication_role = replica');
    for (const { name } of tables.rows) {
      const columns = await primary.query<{ name: string }>(
        `SELECT quote_ident(column_name) AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
        [name],
      );
      const list = columns.rows.map((c) => c.name).join(', ');
      const rows = await primary.query<{ rows: unknown[] }>(`SELECT COALESCE(jsonb_agg(to_jsonb(t)), '[]') AS rows FROM "${name}" t`);
      await replica.query(`DELETE FROM "${name}"`);
      await replica.query(`INSERT INTO "${name}" (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM jsonb_populate_recordset(NULL::"${name}", $1::jsonb)`, [JSON.stringify(rows.rows[0].rows)]);
    }
    await replica.query('COMMIT');
  }

  beforeAll(async () => {
    const [primaryUrl, replicaUrl] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    t = await createTestApp({ DATABASE_READ_URLS: replicaUrl }, { databaseUrl: primaryUrl });
    primary = new Client({ connectionString: primaryUrl });
    replica = new Client({ connectionString: replicaUrl });
    await Promise.all([primary.connect(), replica.connect()]);
    anonymous = t.client();
    buyer = await t.signedInClient({ email: 'buyer@replica-buyer.example' });
  });

  afterAll(async () => {
    await t?.close();
    await Promise.all([primary?.end(), replica?.end()]);
  });

  it('serves search, the public vendor profile and compare from the replica, while the vendor sees its own edit at once', async () => {
    const vendor = await vendorWithProfile(t, 'owner@lagging.example', 'Lagging Analytics', { description: 'Before the catch-up.', capabilities: ['forecasting'] });
    await catchUp();

    // The write goes to the primary, and the mutation answers from the primary (same transaction).
    const updated = await vendor.client.query<{ updateVendorProfile: { description: string } }>(UPDATE_PROFILE, { input: { vendorId: vendor.vendorId, description: 'Changed on the primary.' } });
    expect(updated.data?.updateVendorProfile.description).toBe('Changed on the primary.');
    const stored = async (db: Client) => (await db.query(`SELECT description FROM vendor_profiles WHERE organization_id = $1`, [vendor.vendorId])).rows[0].description;
    expect(await stored(primary)).toBe('Changed on the primary.');
    expect(await stored(replica)).toBe('Before the catch-up.');

    // Buyers, signed in or not, read the lagging replica.
    for (const client of [anonymous, buyer]) {
      const profile = await client.query<{ vendorProfile: { description: string } }>(PROFILE, { id: vendor.vendorId });
      expect(profile.data?.vendorProfile.description).toBe('Before the catch-up.');
      const search = await client.query<{ searchVendors: { nodes: Array<{ id: string; description: string }> } }>(SEARCH, { text: 'Lagging Analytics' });
      expect(search.data?.searchVendors.nodes.find((n) => n.id === vendor.vendorId)?.description).toBe('Before the catch-up.');
      const compare = await client.query<{ compareVendors: Array<{ vendor: { description: string } }> }>(COMPARE, { ids: [vendor.vendorId] });
      expect(compare.data?.compareVendors[0].vendor.description).toBe('Before the catch-up.');
    }
    // The vendor's own members read their vendor from the primary: read-your-writes.
    const own = await vendor.client.query<{ vendorProfile: { description: string } }>(PROFILE, { id: vendor.vendorId });
    expect(own.data?.vendorProfile.description).toBe('Changed on the primary.');

    await catchUp();
    const caughtUp = await anonymous.query<{ vendorProfile: { description: string } }>(PROFILE, { id: vendor.vendorId });
    expect(caughtUp.data?.vendorProfile.description).toBe('Changed on the primary.');
  });

  it('reads the vendor page of its own members from the primary: a submitted case study, its signals and references show at once', async () => {
    const vendor = await vendorWithProfile(t, 'owner@submitting.example', 'Submitting Analytics', { description: 'Forecasting for retailers.' });
    await catchUp();
    const draft = await createDraft(vendor.client, vendor.vendorId);
    expect((await nominate(vendor.client, draft.id, 'jane@acme-retail.example')).errors).toBeUndefined();
    const submitted = await vendor.client.query<{ submitCaseStudy: { status: string } }>(SUBMIT, { id: draft.id });
    expect(submitted.data?.submitCaseStudy.status).toBe('submitted');

    const own = await vendor.client.query<Page>(PAGE, { id: vendor.vendorId });
    expect(own.errors).toBeUndefined();
    expect(own.data?.vendorCaseStudies).toEqual([{ id: draft.id, status: 'submitted' }]);
    expect(own.data?.vendorSignals).not.toBeNull();
    expect(own.data?.vendorReferenceSummary.nominatedRequested).toBe(1);

    // Buyers see the replica, which has not caught up yet.
    const lagging = await anonymous.query<Page>(PAGE, { id: vendor.vendorId });
    expect(lagging.errors).toBeUndefined();
    expect(lagging.data).toMatchObject({ vendorCaseStudies: [], vendorSignals: null, vendorReferenceSummary: { nominatedRequested: 0 } });
    const compared = await buyer.query<{ compareVendors: Array<{ vendor: { signals: unknown }; outcomes: unknown[]; referenceSummary: { nominatedRequested: number } }> }>(COMPARE, { ids: [vendor.vendorId] });
    expect(compared.data?.compareVendors[0]).toMatchObject({ vendor: { signals: null }, outcomes: [], referenceSummary: { nominatedRequested: 0 } });

    await catchUp();
    const caughtUp = await anonymous.query<Page>(PAGE, { id: vendor.vendorId });
    expect(caughtUp.data?.vendorCaseStudies).toEqual([{ id: draft.id, status: 'submitted' }]);
    expect(caughtUp.data?.vendorSignals).not.toBeNull();
    expect(caughtUp.data?.vendorReferenceSummary.nominatedRequested).toBe(1);
    const comparedLater = await buyer.query<{ compareVendors: Array<{ outcomes: Array<{ caseStudyId: string }> }> }>(COMPARE, { ids: [vendor.vendorId] });
    expect(comparedLater.data?.compareVendors[0].outcomes).toEqual([{ caseStudyId: draft.id }]);
  });

  it('keeps sign-in, sessions and writes on the primary: an account newer than the replica signs in and works', async () => {
    await catchUp();
    const newcomer = t.client();
    const signUp = await newcomer.query(`mutation($input: SignUpInput!) { signUp(input: $input) { message } }`, {
      input: { email: 'newcomer@after-catch-up.example', password: TEST_PASSWORD, displayName: 'Newcomer' },
    });
    expect(signUp.errors).toBeUndefined();
    // The emailed link confirms the address (on the primary), as a newcomer would.
    const [mail] = await t.dataSource.query(`SELECT text_body FROM mail_messages WHERE to_address = 'newcomer@after-catch-up.example' AND text_body LIKE '%/v/%'`);
    expect((await newcomer.query(`mutation($token: String!) { verifyEmail(token: $token) { id } }`, { token: /\/v\/([A-Za-z0-9_-]+)/.exec(mail.text_body)![1] })).errors).toBeUndefined();
    expect((await replica.query(`SELECT count(*)::int AS n FROM users WHERE email = 'newcomer@after-catch-up.example'`)).rows[0].n).toBe(0);

    // Signing in looks the account up with a TypeORM find, which TypeORM would send to a replica by default.
    const again = t.client();
    const signIn = await again.query<{ signIn: { email: string } }>(`mutation($input: SignInInput!) { signIn(input: $input) { email } }`, {
      input: { email: 'newcomer@after-catch-up.example', password: TEST_PASSWORD },
    });
    expect(signIn.errors).toBeUndefined();
    const created = await again.query<{ createOrganization: { id: string } }>(`mutation { createOrganization(input: { name: "Newcomer Buyers", kind: buyer }) { id } }`);
    expect(created.errors).toBeUndefined();
    const me = await again.query<{ me: { email: string; memberships: Array<{ organization: { id: string } }> } }>(`{ me { email memberships { organization { id } } } }`);
    expect(me.data?.me.email).toBe('newcomer@after-catch-up.example');
    expect(me.data?.me.memberships.map((m) => m.organization.id)).toEqual([created.data!.createOrganization.id]);
  });

  it('returns every replica connection to the pool: 30 public vendor pages in a row (120 replica reads, pool of 10) all answer', async () => {
    const vendor = await vendorWithProfile(t, 'owner@popular.example', 'Popular Analytics', { description: 'Much visited.' });
    await catchUp();
    for (let i = 0; i < 30; i++) {
      const page = await anonymous.query<Page>(PAGE, { id: vendor.vendorId });
      expect(page.errors).toBeUndefined();
      expect(page.data?.vendorProfile.description).toBe('Much visited.');
    }
    const connections = await replica.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'assay-api'`);
    expect(connections.rows[0].n).toBeLessThanOrEqual(10);
  });
});
