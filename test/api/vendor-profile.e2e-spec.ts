import { RequestContext } from '../../apps/api/src/common/request-context';
import { VendorDomainsRepository } from '../../apps/api/src/modules/vendors/vendor-domains.repository';
import { countRows, createTestApp, GraphQLClient, TestApp } from '../support/test-app';

const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id } }`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { id } }`;
const PROFILE = `query($vendorId: ID!) { vendorProfile(vendorId: $vendorId) { id name website description capabilities industries regions teamSize rateBand foundedYear } }`;
const UPDATE = `mutation($input: UpdateVendorProfileInput!) {
  updateVendorProfile(input: $input) { id name website description capabilities industries regions teamSize rateBand foundedYear }
}`;
const ADD_DOMAIN = `mutation($input: AddVendorDomainInput!) { addVendorDomain(input: $input) { id domain verificationEmail status linkExpiresAt } }`;
const VERIFY = `mutation($input: VerifyVendorDomainInput!) { verifyVendorDomain(input: $input) { domain vendorId vendorName verifiedAt } }`;
const DOMAINS = `query($vendorId: ID!) { vendorDomains(vendorId: $vendorId) { id domain status verifiedAt } }`;
const REMOVE_DOMAIN = `mutation($input: RemoveVendorDomainInput!) { removeVendorDomain(input: $input) }`;

interface Vendor {
  id: string;
  owner: GraphQLClient;
}

/** A vendor organization with its owner signed in (each test makes its own). */
async function aVendor(t: TestApp, slug: string): Promise<Vendor> {
  const owner = await t.signedInClient({ email: `owner@${slug}.example` });
  const res = await owner.query<{ createOrganization: { id: string } }>(CREATE_ORG, { input: { name: `${slug} Analytics`, kind: 'vendor' } });
  if (res.errors) throw new Error(res.errors[0].message);
  return { id: res.data!.createOrganization.id, owner };
}

async function latestToken(t: TestApp, to: string, path: string): Promise<string> {
  const rows: Array<{ text_body: string }> = await t.dataSource.query(`SELECT text_body FROM mail_messages WHERE to_address = $1 ORDER BY created_at DESC LIMIT 1`, [to]);
  const match = new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`).exec(rows[0]?.text_body ?? '');
  if (!match) throw new Error(`no mail with a ${path} link for ${to}`);
  return match[1];
}

const GOOD_PROFILE = {
  description: 'We build forecasting systems that planners keep using.',
  capabilities: ['forecasting', 'mlops', 'forecasting'],
  industries: ['retail', 'logistics'],
  regions: ['europe'],
  teamSize: 24,
  rateBand: '1200_1600',
  website: 'https://northwind.example',
  foundedYear: 2015,
};

describe('Vendor profile and domain ownership (API e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('profile', () => {
    it('lets a member update the profile, which anyone can then read', async () => {
      const vendor = await aVendor(t, 'northwind');
      await vendor.owner.query(INVITE, { input: { organizationId: vendor.id, email: 'analyst@northwind.example', role: 'member' } });
      const member = await t.signedInClient({ email: 'analyst@northwind.example' });
      await member.query(ACCEPT, { input: { token: await latestToken(t, 'analyst@northwind.example', '/invitations/accept') } });

      const res = await member.query(UPDATE, { input: { vendorId: vendor.id, ...GOOD_PROFILE } });
      expect(res.errors).toBeUndefined();
      expect(res.data?.updateVendorProfile).toMatchObject({ ...GOOD_PROFILE, capabilities: ['forecasting', 'mlops'] });

      const read = await t.client().query(PROFILE, { vendorId: vendor.id });
      expect(read.data?.vendorProfile).toMatchObject({ id: vendor.id, name: 'northwind Analytics', teamSize: 24, website: 'https://northwind.example' });
    });

    it('keeps fields that were left out and clears fields sent as null', async () => {
      const vendor = await aVendor(t, 'fathom');
      await vendor.owner.query(UPDATE, { input: { vendorId: vendor.id, ...GOOD_PROFILE } });
      const res = await vendor.owner.query(UPDATE, { input: { vendorId: vendor.id, description: 'Causal inference first.', teamSize: null } });
      expect(res.errors).toBeUndefined();
      expect(res.data?.updateVendorProfile).toMatchObject({ description: 'Causal inference first.', teamSize: null, capabilities: ['forecasting', 'mlops'], rateBand: '1200_1600' });
    });

    it('refuses a member of another vendor, a buyer and an anonymous visitor, and writes nothing', async () => {
      const vendor = await aVendor(t, 'kestrelx');
      await vendor.owner.query(UPDATE, { input: { vendorId: vendor.id, description: 'Original.' } });
      const other = await aVendor(t, 'rivalx');
      const buyer = await t.signedInClient({ email: 'buyer@acme-retail.example' });
      await buyer.query(CREATE_ORG, { input: { name: 'Acme Retail', kind: 'buyer' } });
      const attempt = { input: { vendorId: vendor.id, description: 'Hijacked.' } };

      expect((await other.owner.query(UPDATE, attempt)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_MEMBER' });
      expect((await buyer.query(UPDATE, attempt)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_MEMBER' });
      expect((await t.client().query(UPDATE, attempt)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(await countRows(t.dataSource, 'vendor_profiles', 'organization_id = $1 AND description = $2', [vendor.id, 'Original.'])).toBe(1);
    });

    it('refuses bad input with a message per field and writes nothing', async () => {
      const vendor = await aVendor(t, 'quarryx');
      await vendor.owner.query(UPDATE, { input: { vendorId: vendor.id, ...GOOD_PROFILE } });
      const before = await t.dataSource.query(`SELECT description, capabilities, team_size, updated_at FROM vendor_profiles WHERE organization_id = $1`, [vendor.id]);

      const res = await vendor.owner.query(UPDATE, {
        input: { vendorId: vendor.id, capabilities: ['nlp', 'quantum_magic'], teamSize: -3, website: 'http://quarry.example', description: 'x'.repeat(2001) },
      });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const fields = Object.fromEntries((res.errors?.[0].extensions?.fields ?? []).map((f) => [f.field, f.message]));
      expect(Object.keys(fields).sort()).toEqual(['capabilities', 'description', 'teamSize', 'website']);
      expect(fields.capabilities).toContain('“quantum_magic”');
      expect(fields.website).toMatch(/https:\/\//);
      expect(fields.description).toMatch(/2,000 characters/);
      expect(await t.dataSource.query(`SELECT description, capabilities, team_size, updated_at FROM vendor_profiles WHERE organization_id = $1`, [vendor.id])).toEqual(before);
      expect(await countRows(t.dataSource, 'organizations', 'id = $1 AND website = $2', [vendor.id, GOOD_PROFILE.website])).toBe(1);
    });

    it('says NOT_FOUND for a buyer organization or an unknown id', async () => {
      const buyer = await t.signedInClient({ email: 'buyer@globex.example' });
      const org = await buyer.query<{ createOrganization: { id: string } }>(CREATE_ORG, { input: { name: 'Globex', kind: 'buyer' } });
      expect((await t.client().query(PROFILE, { vendorId: org.data!.createOrganization.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await t.client().query(PROFILE, { vendorId: 'not-a-uuid' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('domain ownership', () => {
    it('mails a link to the address, verifies the domain once, and counts it as the vendor’s own', async () => {
      const vendor = await aVendor(t, 'lumen');
      const added = await vendor.owner.query<{ addVendorDomain: { id: string; domain: string; status: string } }>(ADD_DOMAIN, {
        input: { vendorId: vendor.id, email: ' IT@Lumen.example ' },
      });
      expect(added.errors).toBeUndefined();
      expect(added.data?.addVendorDomain).toMatchObject({ domain: 'lumen.example', verificationEmail: 'it@lumen.example', status: 'pending' });
      const verifiedDomains = () => t.app.get(VendorDomainsRepository).verifiedDomains(RequestContext.system(), vendor.id);
      expect(await verifiedDomains()).toEqual([]);

      const mail: Array<{ subject: string; text_body: string }> = await t.dataSource.query(`SELECT subject, text_body FROM mail_messages WHERE to_address = 'it@lumen.example'`);
      expect(mail).toHaveLength(1);
      expect(mail[0].subject).toContain('lumen.example');
      const token = await latestToken(t, 'it@lumen.example', '/vendor-domains/verify');
      // Only the SHA-256 of the token is stored.
      expect(await countRows(t.dataSource, 'vendor_domains', 'token_hash = $1', [token])).toBe(0);
      expect(await countRows(t.dataSource, 'vendor_domains', `token_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')`, [token])).toBe(1);

      const verified = await t.client().query(VERIFY, { input: { token } });
      expect(verified.errors).toBeUndefined();
      expect(verified.data?.verifyVendorDomain).toMatchObject({ domain: 'lumen.example', vendorId: vendor.id, vendorName: 'lumen Analytics' });
      expect(await verifiedDomains()).toEqual(['lumen.example']);
      const listed = await vendor.owner.query(DOMAINS, { vendorId: vendor.id });
      expect(listed.data?.vendorDomains).toMatchObject([{ domain: 'lumen.example', status: 'verified' }]);

      const again = await t.client().query(VERIFY, { input: { token } });
      expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'TOKEN_USED' });
    });

    it('refuses a tampered link with NOT_FOUND and writes nothing', async () => {
      const vendor = await aVendor(t, 'helixd');
      await vendor.owner.query(ADD_DOMAIN, { input: { vendorId: vendor.id, email: 'it@helixd.example' } });
      const token = await latestToken(t, 'it@helixd.example', '/vendor-domains/verify');
      const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
      const res = await t.client().query(VERIFY, { input: { token: tampered } });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'INVALID_TOKEN' });
      expect(await countRows(t.dataSource, 'vendor_domains', 'organization_id = $1 AND verified_at IS NOT NULL', [vendor.id])).toBe(0);
    });

    it('refuses an expired link with TOKEN_EXPIRED and writes nothing', async () => {
      const vendor = await aVendor(t, 'sablex');
      const added = await vendor.owner.query<{ addVendorDomain: { id: string } }>(ADD_DOMAIN, { input: { vendorId: vendor.id, email: 'it@sablex.example' } });
      await t.dataSource.query(`UPDATE vendor_domains SET token_expires_at = now() - interval '1 minute' WHERE id = $1`, [added.data!.addVendorDomain.id]);
      const res = await t.client().query(VERIFY, { input: { token: await latestToken(t, 'it@sablex.example', '/vendor-domains/verify') } });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOKEN_EXPIRED' });
      expect(await countRows(t.dataSource, 'vendor_domains', 'id = $1 AND verified_at IS NULL', [added.data!.addVendorDomain.id])).toBe(1);
      const listed = await vendor.owner.query(DOMAINS, { vendorId: vendor.id });
      expect(listed.data?.vendorDomains).toMatchObject([{ domain: 'sablex.example', status: 'expired' }]);
    });

    it('sends a new link when a pending domain is added again; the old link stops working', async () => {
      const vendor = await aVendor(t, 'tandem');
      await vendor.owner.query(ADD_DOMAIN, { input: { vendorId: vendor.id, email: 'it@tandem.example' } });
      const first = await latestToken(t, 'it@tandem.example', '/vendor-domains/verify');
      await vendor.owner.query(ADD_DOMAIN, { input: { vendorId: vendor.id, email: 'ops@tandem.example' } });
      const second = await latestToken(t, 'ops@tandem.example', '/vendor-domains/verify');
      expect(await countRows(t.dataSource, 'vendor_domains', 'organization_id = $1', [vendor.id])).toBe(1);
      expect((await t.client().query(VERIFY, { input: { token: first } })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await t.client().query(VERIFY, { input: { token: second } })).errors).toBeUndefined();
    });

    it('refuses a free-mail domain with a clear reason and sends nothing', async () => {
      const vendor = await aVendor(t, 'umbra');
      const mails = await countRows(t.dataSource, 'mail_messages');
      const res = await vendor.owner.query(ADD_DOMAIN, { input: { vendorId: vendor.id, email: 'founder@gmail.com' } });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FREE_MAIL_DOMAIN', fields: [{ field: 'email' }] });
      expect(res.errors?.[0].message).toMatch(/gmail\.com is a free email provider/);
      expect(await countRows(t.dataSource, 'vendor_domains', 'organization_id = $1', [vendor.id])).toBe(0);
      expect(await countRows(t.dataSource, 'mail_messages')).toBe(mails);
    });

    it('refuses a domain another vendor has verified, with CONFLICT, at claim and at verification', async () => {
      const first = await aVendor(t, 'meridian');
      const second = await aVendor(t, 'copycat');
      // The second vendor claims first, but the first vendor verifies first.
      await second.owner.query(ADD_DOMAIN, { input: { vendorId: second.id, email: 'sales@meridian.example' } });
      const secondToken = await latestToken(t, 'sales@meridian.example', '/vendor-domains/verify');
      await first.owner.query(ADD_DOMAIN, { input: { vendorId: first.id, email: 'it@meridian.example' } });
      expect((await t.client().query(VERIFY, { input: { token: await latestToken(t, 'it@meridian.example', '/vendor-domains/verify') } })).errors).toBeUndefined();

      const late = await t.client().query(VERIFY, { input: { token: secondToken } });
      expect(late.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DOMAIN_CLAIMED' });
      const mails = await countRows(t.dataSource, 'mail_messages');
      const claim = await second.owner.query(ADD_DOMAIN, { input: { vendorId: second.id, email: 'ceo@meridian.example' } });
      expect(claim.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DOMAIN_CLAIMED' });
      expect(await countRows(t.dataSource, 'mail_messages')).toBe(mails);
      expect(await countRows(t.dataSource, 'vendor_domains', 'domain = $1 AND verified_at IS NOT NULL', ['meridian.example'])).toBe(1);
    });

    it('lets only one of two vendors win when both confirm the same domain at the same moment', async () => {
      const a = await aVendor(t, 'racer-a');
      const b = await aVendor(t, 'racer-b');
      await a.owner.query(ADD_DOMAIN, { input: { vendorId: a.id, email: 'a@photo-finish.example' } });
      await b.owner.query(ADD_DOMAIN, { input: { vendorId: b.id, email: 'b@photo-finish.example' } });
      const tokens = [await latestToken(t, 'a@photo-finish.example', '/vendor-domains/verify'), await latestToken(t, 'b@photo-finish.example', '/vendor-domains/verify')];
      const results = await Promise.all(tokens.map((token) => t.client().query(VERIFY, { input: { token } })));
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.find((r) => r.errors)?.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DOMAIN_CLAIMED' });
      expect(await countRows(t.dataSource, 'vendor_domains', 'domain = $1 AND verified_at IS NOT NULL', ['photo-finish.example'])).toBe(1);
    });

    it('shows domains to members and admins only, and refuses claims from outsiders', async () => {
      const vendor = await aVendor(t, 'orbital');
      await vendor.owner.query(ADD_DOMAIN, { input: { vendorId: vendor.id, email: 'it@orbital.example' } });
      const outsider = await t.signedInClient({ email: 'someone@outside.example' });
      const admin = await t.signedInClient({ email: 'admin@assay.example', platformRoles: ['admin'] });
      expect((await outsider.query(DOMAINS, { vendorId: vendor.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await t.client().query(DOMAINS, { vendorId: vendor.id })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect((await admin.query(DOMAINS, { vendorId: vendor.id })).data?.vendorDomains).toHaveLength(1);
      const res = await outsider.query(ADD_DOMAIN, { input: { vendorId: vendor.id, email: 'it@outside.example' } });
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await countRows(t.dataSource, 'vendor_domains', 'domain = $1', ['outside.example'])).toBe(0);
    });

    it('lets members remove a pending domain but keeps a verified one on record', async () => {
      const vendor = await aVendor(t, 'parallax');
      const pending = await vendor.owner.query<{ addVendorDomain: { id: string } }>(ADD_DOMAIN, { input: { vendorId: vendor.id, email: 'it@old-parallax.example' } });
      const removed = await vendor.owner.query(REMOVE_DOMAIN, { input: { id: pending.data!.addVendorDomain.id } });
      expect(removed.data?.removeVendorDomain).toBe(pending.data!.addVendorDomain.id);

      const kept = await vendor.owner.query<{ addVendorDomain: { id: string } }>(ADD_DOMAIN, { input: { vendorId: vendor.id, email: 'it@parallax.example' } });
      await t.client().query(VERIFY, { input: { token: await latestToken(t, 'it@parallax.example', '/vendor-domains/verify') } });
      const refused = await vendor.owner.query(REMOVE_DOMAIN, { input: { id: kept.data!.addVendorDomain.id } });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'DOMAIN_VERIFIED' });
      expect(await countRows(t.dataSource, 'vendor_domains', 'organization_id = $1', [vendor.id])).toBe(1);
    });
  });
});
