import { countRows, createTestApp, TestApp } from '../support/test-app';

const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name kind slug } }`;
const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id email role } }`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { id name } }`;
const DETAILS = `query($id: ID!) { organization(id: $id) { id name myRole members { email role } pendingInvitations { email } } }`;

async function invitationToken(t: TestApp, email: string): Promise<string> {
  const rows: Array<{ text_body: string }> = await t.dataSource.query(`SELECT text_body FROM mail_messages WHERE to_address = $1 ORDER BY created_at DESC LIMIT 1`, [email]);
  const match = /token=([A-Za-z0-9_-]+)/.exec(rows[0]?.text_body ?? '');
  if (!match) throw new Error(`no invitation mail for ${email}`);
  return match[1];
}

describe('Organizations (API e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('creates a vendor organization with the creator as owner and an empty vendor profile', async () => {
    const owner = await t.signedInClient({ email: 'owner@lumen.example' });
    const res = await owner.query<{ createOrganization: { id: string; slug: string } }>(CREATE, { input: { name: 'Lumen Analytics', kind: 'vendor', website: 'https://lumen.example' } });
    expect(res.errors).toBeUndefined();
    const id = res.data!.createOrganization.id;
    expect(res.data!.createOrganization.slug).toBe('lumen-analytics');
    const details = await owner.query<{ organization: { myRole: string; members: Array<{ email: string }> } }>(DETAILS, { id });
    expect(details.data?.organization).toMatchObject({ myRole: 'owner', members: [{ email: 'owner@lumen.example', role: 'owner' }] });
    expect(await countRows(t.dataSource, 'vendor_profiles', 'organization_id = $1', [id])).toBe(1);
  });

  it('refuses an organization without a name, with a per-field message and no write', async () => {
    const user = await t.signedInClient({ email: 'noname@example.com' });
    const before = await countRows(t.dataSource, 'organizations');
    const res = await user.query(CREATE, { input: { name: '   ', kind: 'buyer', website: 'not a url' } });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.fields?.map((f) => f.field).sort()).toEqual(['name', 'website']);
    expect(await countRows(t.dataSource, 'organizations')).toBe(before);
  });

  it('invites by email: the invitee receives a link, accepts it once, and becomes a member', async () => {
    const owner = await t.signedInClient({ email: 'owner@kestrel.example' });
    const org = await owner.query<{ createOrganization: { id: string } }>(CREATE, { input: { name: 'Kestrel Labs', kind: 'vendor' } });
    const id = org.data!.createOrganization.id;
    const invited = await owner.query(INVITE, { input: { organizationId: id, email: 'Member@Kestrel.example', role: 'member' } });
    expect(invited.errors).toBeUndefined();
    const token = await invitationToken(t, 'member@kestrel.example');

    const member = await t.signedInClient({ email: 'member@kestrel.example' });
    const accepted = await member.query(ACCEPT, { input: { token } });
    expect(accepted.errors).toBeUndefined();
    const details = await member.query<{ organization: { myRole: string; members: unknown[] } }>(DETAILS, { id });
    expect(details.data?.organization.myRole).toBe('member');
    expect(details.data?.organization.members).toHaveLength(2);

    const again = await member.query(ACCEPT, { input: { token } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'TOKEN_USED' });
  });

  it('refuses an invitation accepted by someone it was not sent to', async () => {
    const owner = await t.signedInClient({ email: 'owner@helix.example' });
    const org = await owner.query<{ createOrganization: { id: string } }>(CREATE, { input: { name: 'Helix AI', kind: 'vendor' } });
    await owner.query(INVITE, { input: { organizationId: org.data!.createOrganization.id, email: 'right@helix.example', role: 'member' } });
    const token = await invitationToken(t, 'right@helix.example');
    const intruder = await t.signedInClient({ email: 'wrong@elsewhere.example' });
    const res = await intruder.query(ACCEPT, { input: { token } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'WRONG_RECIPIENT' });
    expect(await countRows(t.dataSource, 'memberships', 'organization_id = $1', [org.data!.createOrganization.id])).toBe(1);
  });

  it('refuses a tampered invitation token with NOT_FOUND', async () => {
    const user = await t.signedInClient({ email: 'tamper@example.com' });
    const res = await user.query(ACCEPT, { input: { token: 'A'.repeat(43) } });
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses an invitation from a non-member with FORBIDDEN and sends nothing', async () => {
    const owner = await t.signedInClient({ email: 'owner@prism.example' });
    const org = await owner.query<{ createOrganization: { id: string } }>(CREATE, { input: { name: 'Prism Data', kind: 'vendor' } });
    const stranger = await t.signedInClient({ email: 'stranger@example.com' });
    const mails = await countRows(t.dataSource, 'mail_messages');
    const res = await stranger.query(INVITE, { input: { organizationId: org.data!.createOrganization.id, email: 'friend@example.com', role: 'owner' } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_MEMBER' });
    expect(await countRows(t.dataSource, 'invitations')).toBe(await countRows(t.dataSource, 'invitations', 'email <> $1', ['friend@example.com']));
    expect(await countRows(t.dataSource, 'mail_messages')).toBe(mails);
  });

  it('refuses an invitation from a plain member (owners only)', async () => {
    const owner = await t.signedInClient({ email: 'owner@vector.example' });
    const org = await owner.query<{ createOrganization: { id: string } }>(CREATE, { input: { name: 'Vector Systems', kind: 'vendor' } });
    const id = org.data!.createOrganization.id;
    await owner.query(INVITE, { input: { organizationId: id, email: 'plain@vector.example', role: 'member' } });
    const plain = await t.signedInClient({ email: 'plain@vector.example' });
    await plain.query(ACCEPT, { input: { token: await invitationToken(t, 'plain@vector.example') } });
    const res = await plain.query(INVITE, { input: { organizationId: id, email: 'another@vector.example', role: 'member' } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OWNER_ONLY' });
  });

  it('hides an organization from non-members and anonymous users', async () => {
    const owner = await t.signedInClient({ email: 'owner@sable.example' });
    const org = await owner.query<{ createOrganization: { id: string } }>(CREATE, { input: { name: 'Sable Consulting', kind: 'vendor' } });
    const outsider = await t.signedInClient({ email: 'outsider@example.com' });
    expect((await outsider.query(DETAILS, { id: org.data!.createOrganization.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.client().query(DETAILS, { id: org.data!.createOrganization.id })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an unauthenticated organization create', async () => {
    const res = await t.client().query(CREATE, { input: { name: 'Ghost', kind: 'vendor' } });
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
