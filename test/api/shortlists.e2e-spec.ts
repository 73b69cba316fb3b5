import { RequestContext } from '../../apps/api/src/common/request-context';
import { ShortlistsService } from '../../apps/api/src/modules/shortlists/shortlists.service';
import { verifiedCaseStudyFor, vendorWithProfile } from '../support/factories';
import { accreditedReviewer } from '../support/ledger-flow';
import { countRows, createTestApp, GraphQLClient, TestApp } from '../support/test-app';

const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id } }`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { id } }`;
const CREATE = `mutation($input: CreateShortlistInput!) { createShortlist(input: $input) { id name organizationId } }`;
const ADD = `mutation($input: AddToShortlistInput!) { addToShortlist(input: $input) { id vendorId note changedSinceDigest } }`;
const NOTE = `mutation($input: UpdateShortlistNoteInput!) { updateShortlistNote(input: $input) { id note } }`;
const MINE = `{ myShortlists { id name organizationName items { id note changedSinceDigest vendor { id name signals { assay { lower } } } } } }`;

type Mine = { myShortlists: Array<{ id: string; name: string; items: Array<{ id: string; note: string; changedSinceDigest: boolean; vendor: { id: string; name: string } | null }> }> };

async function invitationToken(t: TestApp, email: string): Promise<string> {
  const rows: Array<{ text_body: string }> = await t.dataSource.query(`SELECT text_body FROM mail_messages WHERE to_address = $1 ORDER BY created_at DESC LIMIT 1`, [email]);
  const match = /token=([A-Za-z0-9_-]+)/.exec(rows[0]?.text_body ?? '');
  if (!match) throw new Error(`no invitation mail for ${email}`);
  return match[1];
}

describe(ShortlistsService.name, () => {
  let t: TestApp;
  let owner: GraphQLClient;
  let member: GraphQLClient;
  let outsider: GraphQLClient;
  let buyerOrgId: string;
  let vendor: { client: GraphQLClient; vendorId: string };
  let reviewer: GraphQLClient;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await t.signedInClient({ email: 'owner@harbor-buyer.example' });
    buyerOrgId = (await owner.query<{ createOrganization: { id: string } }>(CREATE_ORG, { input: { name: 'Harbor Retail', kind: 'buyer' } })).data!.createOrganization.id;
    await owner.query(INVITE, { input: { organizationId: buyerOrgId, email: 'member@harbor-buyer.example', role: 'member' } });
    member = await t.signedInClient({ email: 'member@harbor-buyer.example' });
    const accepted = await member.query(ACCEPT, { input: { token: await invitationToken(t, 'member@harbor-buyer.example') } });
    if (accepted.errors) throw new Error(accepted.errors[0].message);
    outsider = await t.signedInClient({ email: 'someone@elsewhere.example' });
    vendor = await vendorWithProfile(t, 'owner@tern.example', 'Tern Analytics', { description: 'Forecasting.', capabilities: ['forecasting'] });
    const admin = await t.signedInClient({ email: 'admin@assay.test', platformRoles: ['admin'] });
    reviewer = await accreditedReviewer(t, admin, 'reviewer@shortlist-reviewer.example');
  }, 60_000);

  afterAll(() => t.close());

  it('keeps one set of lists and notes for every member of the buyer organization', async () => {
    const created = await owner.query<{ createShortlist: { id: string } }>(CREATE, { input: { organizationId: buyerOrgId, name: 'Forecasting 2027' } });
    expect(created.errors).toBeUndefined();
    const shortlistId = created.data!.createShortlist.id;
    const added = await owner.query<{ addToShortlist: { id: string } }>(ADD, { input: { shortlistId, vendorId: vendor.vendorId, note: 'Strong retail record.' } });
    expect(added.errors).toBeUndefined();

    const seen = await member.query<Mine>(MINE);
    const list = seen.data!.myShortlists.find((l) => l.id === shortlistId)!;
    expect(list.items).toEqual([expect.objectContaining({ note: 'Strong retail record.', vendor: expect.objectContaining({ name: 'Tern Analytics' }) })]);
    const edited = await member.query(NOTE, { input: { itemId: list.items[0].id, note: 'Call them in January.' } });
    expect(edited.errors).toBeUndefined();
    expect((await owner.query<Mine>(MINE)).data!.myShortlists[0].items[0].note).toBe('Call them in January.');
  });

  it('refuses outsiders, duplicates and vendor organizations, writing nothing', async () => {
    const [list] = (await owner.query<Mine>(MINE)).data!.myShortlists;
    const before = await countRows(t.dataSource, 'shortlist_items');
    const listsBefore = await countRows(t.dataSource, 'shortlists');

    const intruder = await outsider.query(ADD, { input: { shortlistId: list.id, vendorId: vendor.vendorId } });
    expect(intruder.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await outsider.query<Mine>(MINE)).data!.myShortlists).toEqual([]);
    const peek = await outsider.query(`query($id: ID!) { shortlists(organizationId: $id) { id } }`, { id: buyerOrgId });
    expect(peek.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const duplicate = await owner.query(ADD, { input: { shortlistId: list.id, vendorId: vendor.vendorId } });
    expect(duplicate.errors?.[0].extensions?.reason).toBe('ALREADY_SHORTLISTED');

    const vendorList = await vendor.client.query(CREATE, { input: { organizationId: vendor.vendorId, name: 'Competitors' } });
    expect(vendorList.errors?.[0].extensions?.reason).toBe('NOT_A_BUYER');
    const blank = await owner.query(CREATE, { input: { organizationId: buyerOrgId, name: '  ' } });
    expect(blank.errors?.[0].extensions?.fields).toEqual([{ field: 'name', message: 'Give the shortlist a name.' }]);

    expect(await countRows(t.dataSource, 'shortlist_items')).toBe(before);
    expect(await countRows(t.dataSource, 'shortlists')).toBe(listsBefore);
  });

  it('mails every member a weekly digest when a shortlisted vendor’s signals change, once', async () => {
    const digests = () => countRows(t.dataSource, 'mail_messages', `subject LIKE 'Assay: %shortlisted%'`);
    const service = t.app.get(ShortlistsService);
    expect(await service.sendWeeklyDigests(RequestContext.system())).toBe(0);

    await verifiedCaseStudyFor(t, reviewer, vendor, 'tern-a');
    expect((await owner.query<Mine>(MINE)).data!.myShortlists[0].items[0].changedSinceDigest).toBe(true);

    expect(await service.sendWeeklyDigests(RequestContext.system())).toBe(2);
    const mails: Array<{ to_address: string; text_body: string }> = await t.dataSource.query(`SELECT to_address, text_body FROM mail_messages WHERE subject LIKE 'Assay: %shortlisted%' ORDER BY to_address`);
    expect(mails.map((m) => m.to_address)).toEqual(['member@harbor-buyer.example', 'owner@harbor-buyer.example']);
    expect(mails[0].text_body).toMatch(/Tern Analytics \(on “Forecasting 2027”\): Assay lower bound none → \d+%/);

    expect(await service.sendWeeklyDigests(RequestContext.system())).toBe(0);
    expect(await digests()).toBe(2);
    expect((await owner.query<Mine>(MINE)).data!.myShortlists[0].items[0].changedSinceDigest).toBe(false);
  });
});
