import { RequestContext } from '../../apps/api/src/common/request-context';
import { RosterRepository } from '../../apps/api/src/modules/vendors/roster.repository';
import { countRows, createTestApp, GraphQLClient, TestApp } from '../support/test-app';

const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const IMPORT = `mutation($input: ImportRosterInput!) { importRoster(input: $input) { imported totalEntries } }`;
const ENTRIES = `query($vendorId: ID!, $first: Int, $after: String) {
  rosterEntries(vendorId: $vendorId, first: $first, after: $after) {
    totalCount hasNextPage endCursor
    nodes { id clientName clientDomain contactName contactEmail projectStartedOn projectEndedOn }
  }
}`;
const REMOVE = `mutation($input: RemoveRosterEntryInput!) { removeRosterEntry(input: $input) }`;

const HEADER = 'client_name,client_domain,contact_name,contact_email,project_started_on,project_ended_on';

interface RowError {
  field: string;
  message: string;
  row: number;
  column: string | null;
}

async function importOk(client: GraphQLClient, vendorId: string, csv: string): Promise<void> {
  const res = await client.query(IMPORT, { input: { vendorId, csv } });
  if (res.errors) throw new Error(`roster import failed in test setup: ${JSON.stringify(res.errors[0])}`);
}

async function aVendor(t: TestApp, slug: string): Promise<{ id: string; owner: GraphQLClient }> {
  const owner = await t.signedInClient({ email: `owner@${slug}.example` });
  const res = await owner.query<{ createOrganization: { id: string } }>(CREATE_ORG, { input: { name: `${slug} Labs`, kind: 'vendor' } });
  if (res.errors) throw new Error(res.errors[0].message);
  return { id: res.data!.createOrganization.id, owner };
}

/** A roster of `n` distinct engagements; client `i` is at `client{i}.{suffix}`. */
function rosterCsv(n: number, suffix = 'example', domainOf = (i: number) => `client${i}.${suffix}`): string {
  const rows = Array.from({ length: n }, (_, i) => `Client ${i},${domainOf(i)},Contact ${i},contact${i}@${domainOf(i)},2022-0${(i % 9) + 1}-01,2023-01-31`);
  return [HEADER, ...rows].join('\n');
}

function tomorrow(): string {
  return new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
}

describe('Client roster (API e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('imports a good CSV in one go and lists it to the vendor’s members, page by page', async () => {
    const vendor = await aVendor(t, 'juniper');
    const csv = [
      HEADER,
      'Acme Retail,acme-retail.example,Jane Doe,Jane.Doe@Acme-Retail.example,2023-01-10,2023-09-30',
      '"Beta Logistics, Ltd.",beta-logistics.example,Bo Smith,bo@beta-logistics.example,2024-02-01,',
      'Gamma Energy,gamma.example,Gil Ray,gil@gamma.example,2022-05-01,2022-12-31',
    ].join('\r\n');
    const res = await vendor.owner.query(IMPORT, { input: { vendorId: vendor.id, csv } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.importRoster).toEqual({ imported: 3, totalEntries: 3 });

    const page1 = await vendor.owner.query<{ rosterEntries: { nodes: Array<Record<string, unknown>>; hasNextPage: boolean; endCursor: string; totalCount: number } }>(ENTRIES, {
      vendorId: vendor.id,
      first: 2,
    });
    expect(page1.data?.rosterEntries).toMatchObject({ totalCount: 3, hasNextPage: true });
    expect(page1.data?.rosterEntries.nodes[0]).toMatchObject({
      clientName: 'Acme Retail',
      clientDomain: 'acme-retail.example',
      contactEmail: 'jane.doe@acme-retail.example',
      projectStartedOn: '2023-01-10',
      projectEndedOn: '2023-09-30',
    });
    expect(page1.data?.rosterEntries.nodes[1]).toMatchObject({ clientName: 'Beta Logistics, Ltd.', projectEndedOn: null });
    const page2 = await vendor.owner.query<{ rosterEntries: { nodes: Array<{ clientName: string }>; hasNextPage: boolean } }>(ENTRIES, {
      vendorId: vendor.id,
      first: 2,
      after: page1.data!.rosterEntries.endCursor,
    });
    expect(page2.data?.rosterEntries.nodes.map((n) => n.clientName)).toEqual(['Gamma Energy']);
    expect(page2.data?.rosterEntries.hasNextPage).toBe(false);
  });

  it('refuses a CSV with broken rows with a row-by-row report, and imports nothing', async () => {
    const vendor = await aVendor(t, 'lattice');
    const csv = [
      HEADER, // row 1
      'Acme,acme.example,Jane,jane@acme.example,2023-01-10,2023-09-30', // row 2: fine
      'Beta,beta.example,Bo,bo-at-beta.example,2023-01-10,2023-09-30', // row 3: bad email
      'Gamma,,Gil,gil@gamma.example,2023-01-10,2023-09-30', // row 4: missing domain
      'Delta,delta.example,Dee,dee@delta.example,2023-09-30,2023-01-10', // row 5: end before start
      `Epsilon,eps.example,Eve,eve@eps.example,${tomorrow()},`, // row 6: future start
      'Zeta,zeta.example,Zed,zed@zeta.example,2023-02-30,', // row 7: no such date
    ].join('\n');
    const res = await vendor.owner.query(IMPORT, { input: { vendorId: vendor.id, csv } });
    const error = res.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ROSTER_CSV_ROWS_INVALID' });
    expect(error?.message).toMatch(/Nothing was imported: 5 rows have problems/);
    const fields = error?.extensions?.fields as RowError[];
    expect(fields.map((f) => [f.row, f.column, f.field])).toEqual([
      [3, 'contact_email', 'rows[3].contact_email'],
      [4, 'client_domain', 'rows[4].client_domain'],
      [5, 'project_ended_on', 'rows[5].project_ended_on'],
      [6, 'project_started_on', 'rows[6].project_started_on'],
      [7, 'project_started_on', 'rows[7].project_started_on'],
    ]);
    expect(fields[0].message).toMatch(/bo-at-beta\.example/);
    expect(fields[2].message).toMatch(/cannot end/);
    expect(fields[3].message).toMatch(/in the future/);
    expect(await countRows(t.dataSource, 'roster_entries', 'vendor_id = $1', [vendor.id])).toBe(0);
  });

  it('refuses a wrong column header as row 1, and imports nothing', async () => {
    const vendor = await aVendor(t, 'monolith');
    const csv = ['client_name,client_domain,contact_name,email,project_started_on,project_ended_on', 'Acme,acme.example,Jane,jane@acme.example,2023-01-10,'].join('\n');
    const res = await vendor.owner.query(IMPORT, { input: { vendorId: vendor.id, csv } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ROSTER_CSV_HEADER_INVALID' });
    expect((res.errors?.[0].extensions?.fields as RowError[]).map((f) => [f.row, f.column, f.message])).toEqual([
      [1, null, 'Unknown column “email”.'],
      [1, 'contact_email', 'The column “contact_email” is missing.'],
    ]);
    expect(await countRows(t.dataSource, 'roster_entries', 'vendor_id = $1', [vendor.id])).toBe(0);
  });

  it('refuses engagements already on the roster and more than 2,000 rows, importing nothing', async () => {
    const vendor = await aVendor(t, 'nimbus');
    expect((await vendor.owner.query(IMPORT, { input: { vendorId: vendor.id, csv: rosterCsv(3) } })).errors).toBeUndefined();
    const again = await vendor.owner.query(IMPORT, { input: { vendorId: vendor.id, csv: rosterCsv(4) } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ROSTER_CSV_ROWS_INVALID' });
    expect((again.errors?.[0].extensions?.fields as RowError[]).map((f) => f.row)).toEqual([2, 3, 4]);

    const tooMany = await vendor.owner.query(IMPORT, { input: { vendorId: vendor.id, csv: rosterCsv(2001, 'big') } });
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ROSTER_CSV_TOO_MANY_ROWS' });
    expect(await countRows(t.dataSource, 'roster_entries', 'vendor_id = $1', [vendor.id])).toBe(3);
  });

  it('keeps the roster from other vendors, buyers and anonymous visitors: no reading, importing or removing', async () => {
    const vendor = await aVendor(t, 'outlier');
    await importOk(vendor.owner, vendor.id, rosterCsv(2));
    const rival = await aVendor(t, 'rival-outlier');
    const buyer = await t.signedInClient({ email: 'buyer@initech.example' });
    await buyer.query(CREATE_ORG, { input: { name: 'Initech', kind: 'buyer' } });
    const anonymous = t.client();
    const entryId = ((await t.dataSource.query(`SELECT id FROM roster_entries WHERE vendor_id = $1 LIMIT 1`, [vendor.id])) as Array<{ id: string }>)[0].id;

    for (const [who, client, code] of [
      ['rival', rival.owner, 'FORBIDDEN'],
      ['buyer', buyer, 'FORBIDDEN'],
      ['anonymous', anonymous, 'UNAUTHENTICATED'],
    ] as const) {
      const read = await client.query(ENTRIES, { vendorId: vendor.id });
      expect([who, read.errors?.[0].extensions?.code, read.data?.rosterEntries ?? null]).toEqual([who, code, null]);
      const imported = await client.query(IMPORT, { input: { vendorId: vendor.id, csv: rosterCsv(1, 'intruder') } });
      expect([who, imported.errors?.[0].extensions?.code]).toEqual([who, code]);
      const removed = await client.query(REMOVE, { input: { id: entryId } });
      expect([who, removed.errors?.[0].extensions?.code]).toEqual([who, code]);
    }
    expect(await countRows(t.dataSource, 'roster_entries', 'vendor_id = $1', [vendor.id])).toBe(2);
    expect(await countRows(t.dataSource, 'roster_entries', `client_domain LIKE '%.intruder'`)).toBe(0);

    const admin = await t.signedInClient({ email: 'admin@assay-roster.example', platformRoles: ['admin'] });
    expect((await admin.query<{ rosterEntries: { totalCount: number } }>(ENTRIES, { vendorId: vendor.id })).data?.rosterEntries.totalCount).toBe(2);
    const removed = await vendor.owner.query(REMOVE, { input: { id: entryId } });
    expect(removed.data?.removeRosterEntry).toBe(entryId);
    expect(await countRows(t.dataSource, 'roster_entries', 'vendor_id = $1', [vendor.id])).toBe(1);
  });

  describe('drawing references', () => {
    const system = RequestContext.system();

    it('draws uniformly at random, only from the vendor’s own roster, without repeats', async () => {
      const vendor = await aVendor(t, 'redwood');
      const other = await aVendor(t, 'redwood-rival');
      await importOk(vendor.owner, vendor.id, rosterCsv(10, 'redwood.example'));
      await importOk(other.owner, other.id, rosterCsv(10, 'rival.example'));
      const own = new Set(((await t.dataSource.query(`SELECT id FROM roster_entries WHERE vendor_id = $1`, [vendor.id])) as Array<{ id: string }>).map((r) => r.id));

      const roster = t.app.get(RosterRepository);
      const draws = 600;
      const count = 3;
      const tally = new Map<string, number>();
      for (let i = 0; i < draws; i++) {
        const drawn = await roster.drawRosterEntries(system, vendor.id, undefined, count);
        expect(drawn).toHaveLength(count);
        expect(new Set(drawn.map((d) => d.id)).size).toBe(count);
        for (const d of drawn) {
          expect(own.has(d.id)).toBe(true);
          expect(d.vendorId).toBe(vendor.id);
          tally.set(d.id, (tally.get(d.id) ?? 0) + 1);
        }
      }
      // Each of the 10 entries is drawn with probability 3/10: expected 180 of 600, sd ≈ 11.2.
      expect(tally.size).toBe(10);
      const expected = (draws * count) / 10;
      for (const n of tally.values()) expect(Math.abs(n - expected)).toBeLessThan(5 * Math.sqrt(draws * 0.3 * 0.7));
      const chiSquare = [...tally.values()].reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
      // 9 degrees of freedom; P(χ² > 33.7) ≈ 0.0001 for a fair draw.
      expect(chiSquare).toBeLessThan(33.7);
    }, 60_000);

    it('draws only engagements with the case study’s client, never another client’s contacts', async () => {
      const vendor = await aVendor(t, 'wavelet');
      const domainOf = (i: number) => (i < 2 ? (i === 0 ? 'globex.example' : 'eu.globex.example') : `client${i}.example`);
      await importOk(vendor.owner, vendor.id, rosterCsv(8, 'example', domainOf));
      const roster = t.app.get(RosterRepository);

      for (let i = 0; i < 20; i++) {
        const two = await roster.drawRosterEntries(system, vendor.id, 'Globex.example', 2);
        expect(two.map((d) => d.clientDomain).sort()).toEqual(['eu.globex.example', 'globex.example']);
        expect(two.every((d) => d.matchesClientDomain)).toBe(true);
      }
      // Asked for four, the client has two: two, and none of another client's six (they were not on the project).
      const four = await roster.drawRosterEntries(system, vendor.id, 'globex.example', 4);
      expect(four.map((d) => d.clientDomain).sort()).toEqual(['eu.globex.example', 'globex.example']);
      expect(await roster.drawRosterEntries(system, vendor.id, 'initech.example', 3)).toEqual([]);
      expect(await roster.drawRosterEntries(system, vendor.id, 'globex.example', 0)).toEqual([]);
      expect(await roster.drawRosterEntries(system, vendor.id, null, 50)).toHaveLength(8);
    });

    it('uses the random numbers it is given, so a draw can be replayed', async () => {
      const vendor = await aVendor(t, 'xylem');
      await importOk(vendor.owner, vendor.id, rosterCsv(5, 'xylem.example'));
      const roster = t.app.get(RosterRepository);
      const fixed = () => {
        const sequence = [4, 0, 2];
        return (max: number) => (sequence.shift() ?? 0) % max;
      };
      const a = await roster.drawRosterEntries(system, vendor.id, undefined, 3, fixed());
      const b = await roster.drawRosterEntries(system, vendor.id, undefined, 3, fixed());
      expect(a.map((d) => d.id)).toEqual(b.map((d) => d.id));
    });
  });
});
