import { CASE_STUDY_FIELDS, caseStudyInput, createDraft, nominate, rosterEntry, vendorWithOwner, verifiedDomain } from '../support/factories';
import { countRows, createTestApp, GraphQLClient, TestApp } from '../support/test-app';

const CREATE = `mutation($input: CreateCaseStudyInput!) { createCaseStudy(input: $input) { ${CASE_STUDY_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateCaseStudyInput!) { updateCaseStudy(input: $input) { ${CASE_STUDY_FIELDS} } }`;
const GET = `query($id: ID!) { caseStudy(id: $id) { ${CASE_STUDY_FIELDS} references { source status contactEmail identityStrength } } }`;
const SUBMIT = `mutation($id: ID!) { submitCaseStudy(id: $id) { ${CASE_STUDY_FIELDS} } }`;
const REVISE = `mutation($id: ID!) { reviseCaseStudy(id: $id) { ${CASE_STUDY_FIELDS} } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawCaseStudy(id: $id) { status } }`;

type CS = { id: string; status: string; version: number; revision: number; lineageId: string; supersedesId: string | null; supersededAt: string | null; client: { displayName: string; name: string | null; domain: string | null }; references: Array<{ source: string; status: string; contactEmail: string | null }> | null };

describe('Case studies (API e2e)', () => {
  let t: TestApp;
  let owner: GraphQLClient;
  let vendorId: string;
  let otherVendor: GraphQLClient;
  let buyer: GraphQLClient;

  beforeAll(async () => {
    t = await createTestApp();
    ({ client: owner, vendorId } = await vendorWithOwner(t, 'owner@meridian.example', 'Meridian ML'));
    ({ client: otherVendor } = await vendorWithOwner(t, 'owner@rival.example', 'Rival AI'));
    buyer = await t.signedInClient({ email: 'buyer@acme.example' });
    await buyer.query(`mutation { createOrganization(input: { name: "Acme Buyers", kind: buyer }) { id } }`);
    await verifiedDomain(t.dataSource, vendorId, 'meridian.example');
  }, 30_000);
  afterAll(() => t.close());

  it('creates a draft with structured outcome claims for a member of the vendor', async () => {
    const res = await owner.query<{ createCaseStudy: CS }>(CREATE, { input: caseStudyInput(vendorId) });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createCaseStudy).toMatchObject({ status: 'draft', revision: 1, editable: true, outcomes: [{ metricName: 'Forecast error (WAPE)', direction: 'lower_is_better', verificationStatus: 'pending' }] });
    expect(res.data!.createCaseStudy.lineageId).toBe(res.data!.createCaseStudy.id);
  });

  it.each([
    ['a claimed value that is no improvement', { outcomes: [{ ...(caseStudyInput('x').outcomes as object[])[0], claimedValue: 40 }] }, 'outcomes[0].claimedValue'],
    ['a measurement date in the future', { outcomes: [{ ...(caseStudyInput('x').outcomes as object[])[0], measuredAt: '2999-01-01' }] }, 'outcomes[0].measuredAt'],
    ['a missing unit', { outcomes: [{ ...(caseStudyInput('x').outcomes as object[])[0], unit: '  ' }] }, 'outcomes[0].unit'],
    ['eleven outcomes', { outcomes: Array.from({ length: 11 }, () => (caseStudyInput('x').outcomes as object[])[0]) }, 'outcomes'],
    ['an end before the start', { endedOn: '2023-01-01' }, 'endedOn'],
    ['an anonymised client without a descriptor', { client: { name: 'Acme', domain: 'acme.example', anonymised: true, descriptor: null } }, 'client.descriptor'],
    ['a client domain with a path', { client: { name: 'Acme', domain: 'https://acme.example/about', anonymised: false } }, 'client.domain'],
    ['a go-live date missing for a system in production', { productionSince: null }, 'productionSince'],
  ])('refuses %s with a per-field message and writes nothing', async (_label, overrides, field) => {
    const before = await countRows(t.dataSource, 'case_studies');
    const res = await owner.query(CREATE, { input: caseStudyInput(vendorId, overrides) });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.fields?.map((f) => f.field)).toContain(field);
    expect(await countRows(t.dataSource, 'case_studies')).toBe(before);
    expect(await countRows(t.dataSource, 'outcome_claims')).toBe(await countRows(t.dataSource, 'outcome_claims'));
  });

  it('refuses a non-finite number before it reaches the service', async () => {
    const res = await owner.query(CREATE, { input: caseStudyInput(vendorId, { outcomes: [{ ...(caseStudyInput('x').outcomes as object[])[0], claimedValue: 'NaN' }] }) });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('hides drafts from other vendors, buyers and anonymous users, and refuses their edits without writing', async () => {
    const draft = await createDraft(owner, vendorId);
    for (const outsider of [otherVendor, buyer, t.client()]) {
      expect((await outsider.query(GET, { id: draft.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const edit = await outsider.query(UPDATE, { input: { ...caseStudyInput(vendorId, { title: 'Hijacked' }), vendorId: undefined, id: draft.id, expectedVersion: draft.version } });
      expect(['NOT_FOUND', 'UNAUTHENTICATED']).toContain(edit.errors?.[0].extensions?.code);
      const submit = await outsider.query(SUBMIT, { id: draft.id });
      expect(['NOT_FOUND', 'UNAUTHENTICATED']).toContain(submit.errors?.[0].extensions?.code);
    }
    expect(await countRows(t.dataSource, 'case_studies', `title = 'Hijacked'`)).toBe(0);
    expect(await countRows(t.dataSource, 'case_studies', `id = $1 AND status = 'draft'`, [draft.id])).toBe(1);
    const create = await otherVendor.query(CREATE, { input: caseStudyInput(vendorId) });
    expect(create.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_MEMBER' });
  });

  it('refuses a stale edit so concurrent changes are not lost', async () => {
    const draft = await createDraft(owner, vendorId);
    const first = await owner.query(UPDATE, { input: { ...caseStudyInput(vendorId, { title: 'First edit' }), vendorId: undefined, id: draft.id, expectedVersion: draft.version } });
    expect(first.errors).toBeUndefined();
    const stale = await owner.query(UPDATE, { input: { ...caseStudyInput(vendorId, { title: 'Stale edit' }), vendorId: undefined, id: draft.id, expectedVersion: draft.version } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
  });

  it('records a self-reference as refused with the reason, and accepts a client-domain reference as strong', async () => {
    const draft = await createDraft(owner, vendorId);
    const self = await nominate(owner, draft.id, 'pal@meridian.example');
    expect(self.data?.nominateReference).toMatchObject({ status: 'refused', identityStrength: 'self' });
    expect(self.data?.nominateReference.identityReason).toMatch(/own/i);
    const strong = await nominate(owner, draft.id, 'jane@acme-retail.example');
    expect(strong.data?.nominateReference).toMatchObject({ status: 'pending', identityStrength: 'strong' });
    const weak = await nominate(owner, draft.id, 'someone@gmail.com', 'Free Mailer');
    expect(weak.data?.nominateReference).toMatchObject({ status: 'pending', identityStrength: 'weak' });
    expect(weak.data?.nominateReference.identityFlags).toContain('free_mail');
    const bad = await nominate(owner, draft.id, 'not-an-email');
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('flags a contact that another vendor already used', async () => {
    const rival = await vendorWithOwner(t, 'owner@reuse.example', 'Reuse Labs');
    const theirs = await createDraft(rival.client, rival.vendorId);
    await nominate(rival.client, theirs.id, 'shared.contact@acme-retail.example');
    const ours = await createDraft(owner, vendorId);
    const res = await nominate(owner, ours.id, 'Shared.Contact+x@acme-retail.example');
    expect(res.data?.nominateReference.identityFlags).toContain('reused_contact');
  });

  it('refuses to submit without a usable reference, and writes nothing', async () => {
    const draft = await createDraft(owner, vendorId);
    await nominate(owner, draft.id, 'boss@meridian.example');
    const res = await owner.query(SUBMIT, { id: draft.id });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_REFERENCES' });
    expect(await countRows(t.dataSource, 'case_studies', `id = $1 AND status = 'draft'`, [draft.id])).toBe(1);
  });

  it('submits: draws references from the roster at random, hides who was drawn from the vendor, and freezes the case study', async () => {
    const { client, vendorId: v } = await vendorWithOwner(t, 'owner@roster.example', 'Roster Analytics');
    for (let i = 0; i < 4; i++) await rosterEntry(t.dataSource, v, { clientName: 'Acme Retail', clientDomain: 'acme-retail.example', contactName: `Contact ${i}`, contactEmail: `contact${i}@acme-retail.example` });
    const draft = await createDraft(client, v);
    await nominate(client, draft.id, 'nominee@acme-retail.example');
    const submitted = await client.query<{ submitCaseStudy: CS }>(SUBMIT, { id: draft.id });
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.submitCaseStudy.status).toBe('submitted');

    const view = await client.query<{ caseStudy: CS }>(GET, { id: draft.id });
    const refs = view.data!.caseStudy.references!;
    expect(refs.filter((r) => r.source === 'drawn')).toHaveLength(2);
    expect(refs.filter((r) => r.source === 'drawn').every((r) => r.contactEmail === null)).toBe(true);
    expect(refs.find((r) => r.source === 'nominated')?.contactEmail).toBe('nominee@acme-retail.example');

    const edit = await client.query(UPDATE, { input: { ...caseStudyInput(v, { title: 'Changed after submit' }), vendorId: undefined, id: draft.id, expectedVersion: submitted.data!.submitCaseStudy.version } });
    expect(edit.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'CASE_STUDY_NOT_EDITABLE' });
    const again = await client.query(SUBMIT, { id: draft.id });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('corrects a submitted case study through a new revision that keeps the history', async () => {
    const draft = await createDraft(owner, vendorId);
    await nominate(owner, draft.id, 'ref@acme-retail.example');
    await owner.query(SUBMIT, { id: draft.id });
    const revision = await owner.query<{ reviseCaseStudy: CS }>(REVISE, { id: draft.id });
    expect(revision.data!.reviseCaseStudy).toMatchObject({ status: 'draft', revision: 2, lineageId: draft.id, supersedesId: draft.id });
    const second = await owner.query(REVISE, { id: draft.id });
    expect(second.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'REVISION_ALREADY_OPEN' });

    const r2 = revision.data!.reviseCaseStudy;
    await owner.query(UPDATE, { input: { ...caseStudyInput(vendorId, { title: 'Corrected title' }), vendorId: undefined, id: r2.id, expectedVersion: r2.version } });
    await nominate(owner, r2.id, 'ref2@acme-retail.example');
    expect((await owner.query(SUBMIT, { id: r2.id })).errors).toBeUndefined();

    const history = await owner.query<{ caseStudyRevisions: CS[] }>(`query($id: ID!) { caseStudyRevisions(id: $id) { id revision status supersededAt } }`, { id: r2.id });
    expect(history.data!.caseStudyRevisions.map((r) => r.revision)).toEqual([1, 2]);
    expect(history.data!.caseStudyRevisions[0].supersededAt).not.toBeNull();
  });

  it('shows buyers an anonymised client only by its descriptor', async () => {
    const draft = await createDraft(owner, vendorId, { client: { name: 'Secret Bank plc', domain: 'secretbank.example', anonymised: true, descriptor: 'a European bank' } });
    await nominate(owner, draft.id, 'cfo@secretbank.example');
    await owner.query(SUBMIT, { id: draft.id });
    const asBuyer = await buyer.query<{ caseStudy: CS }>(GET, { id: draft.id });
    expect(asBuyer.data!.caseStudy.client).toEqual({ displayName: 'a European bank', anonymised: true, name: null, domain: null });
    expect(asBuyer.data!.caseStudy.references).toBeNull();
    expect(JSON.stringify(asBuyer)).not.toMatch(/Secret Bank|secretbank/);
    const asOwner = await owner.query<{ caseStudy: CS }>(GET, { id: draft.id });
    expect(asOwner.data!.caseStudy.client.name).toBe('Secret Bank plc');
  });

  it('withdraws a case study: it leaves the public view and nothing leaves withdrawn', async () => {
    const draft = await createDraft(owner, vendorId);
    await nominate(owner, draft.id, 'w@acme-retail.example');
    await owner.query(SUBMIT, { id: draft.id });
    expect((await owner.query(WITHDRAW, { id: draft.id })).data).toEqual({ withdrawCaseStudy: { status: 'withdrawn' } });
    expect((await buyer.query(GET, { id: draft.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await owner.query(WITHDRAW, { id: draft.id })).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await owner.query(REVISE, { id: draft.id })).errors?.[0].extensions?.code).toBe('CONFLICT');
  });
});
