import * as flow from '../support/ledger-flow';
import { createDraft, nominate, vendorWithProfile } from '../support/factories';
import { createTestApp, GraphQLClient, TestApp } from '../support/test-app';

const FLAG = `mutation($input: FlagAnonymityLeakInput!) { flagAnonymityLeak(input: $input) { id caseStudyId fields note open } }`;
const FLAGS = `query($id: ID!) { caseStudyAnonymityFlags(caseStudyId: $id) { id fields note open } }`;

type Flag = { id: string; caseStudyId: string; fields: string[]; note: string; open: boolean };

describe('Reviewers flag an anonymity leak', () => {
  let t: TestApp;
  let reviewer: GraphQLClient;
  let otherReviewer: GraphQLClient;
  let vendor: { client: GraphQLClient; vendorId: string };
  let caseStudyId: string;
  let taskId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.signedInClient({ email: 'admin@flags.test', platformRoles: ['admin'] });
    reviewer = await flow.accreditedReviewer(t, admin, 'rhea@flag-review.example');
    otherReviewer = await flow.accreditedReviewer(t, admin, 'otto@flag-review.example');
    vendor = await vendorWithProfile(t, 'owner@flagged-vendor.example', 'Flagged Vendor Ltd');
    // The automatic check finds the client's name and domain; a product name slips through, and the reviewer sees it.
    const draft = await createDraft(vendor.client, vendor.vendorId, {
      client: { name: 'Hidden Grocer', domain: 'hidden-grocer.example', anonymised: true, descriptor: 'A European grocer' },
      problem: 'Stock-outs in the FreshBasket app, the grocer’s own brand.',
    });
    caseStudyId = draft.id;
    await nominate(vendor.client, draft.id, 'jane@hidden-grocer.example');
    const submitted = await vendor.client.query(flow.SUBMIT, { id: draft.id });
    expect(submitted.errors).toBeUndefined();
    const outcomeIds = (await t.dataSource.query(`SELECT id FROM outcome_claims WHERE case_study_id = $1 ORDER BY position`, [draft.id])).map((r: { id: string }) => r.id);
    const token = await flow.mailedToken(t, 'jane@hidden-grocer.example', '/r/');
    expect((await t.client().query(flow.ANSWER, { token, input: flow.answerInput(outcomeIds) })).errors).toBeUndefined();
    const [task] = await t.dataSource.query(`SELECT id FROM verification_tasks WHERE case_study_id = $1 AND kind = 'primary'`, [draft.id]);
    taskId = task.id;
  }, 120_000);
  afterAll(() => t.close());

  it('refuses a flag on a task nobody holds, then lets the holder flag where and why', async () => {
    const unclaimed = await reviewer.query(FLAG, { input: { taskId, fields: ['problem'], note: 'Names the FreshBasket app.' } });
    expect(unclaimed.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(unclaimed.errors?.[0].extensions?.reason).toBe('NOT_LEASEHOLDER');

    const rhea = (await reviewer.query<{ me: { id: string } }>(`{ me { id } }`)).data!.me.id;
    expect((await (await flow.testAdmin(t)).query(flow.ASSIGN, { taskId, reviewerId: rhea })).errors).toBeUndefined();
    expect((await reviewer.query(flow.CLAIM, { taskId })).errors).toBeUndefined();
    const byOther = await otherReviewer.query(FLAG, { input: { taskId, fields: ['problem'], note: 'Names the FreshBasket app.' } });
    expect(byOther.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const flagged = await reviewer.query<{ flagAnonymityLeak: Flag }>(FLAG, { input: { taskId, fields: ['problem', 'problem'], note: '  Names the FreshBasket app, the client’s brand.  ' } });
    expect(flagged.errors).toBeUndefined();
    expect(flagged.data!.flagAnonymityLeak).toMatchObject({ caseStudyId, fields: ['problem'], note: 'Names the FreshBasket app, the client’s brand.', open: true });

    const again = await reviewer.query(FLAG, { input: { taskId, fields: ['title'], note: 'Also the title.' } });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(again.errors?.[0].extensions?.reason).toBe('ALREADY_FLAGGED');
  });

  it('refuses bad input with a sentence per field', async () => {
    const res = await reviewer.query(FLAG, { input: { taskId, fields: [], note: 'x' } });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((res.errors?.[0].extensions?.fields as Array<{ field: string }>).map((f) => f.field).sort()).toEqual(['fields', 'note']);
    const notATask = await reviewer.query(FLAG, { input: { taskId: 'not-a-task', fields: ['title'], note: 'Names it.' } });
    expect(notATask.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('shows the flag to the vendor (not who flagged it), and closes it when a revision supersedes the flagged text', async () => {
    const seen = await vendor.client.query<{ caseStudyAnonymityFlags: Flag[] }>(FLAGS, { id: caseStudyId });
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.caseStudyAnonymityFlags).toEqual([expect.objectContaining({ fields: ['problem'], open: true })]);

    const stranger = await t.signedInClient({ email: 'someone@elsewhere.example' });
    expect((await stranger.query(FLAGS, { id: caseStudyId })).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // What submitting a fixed revision does to the flagged one (the revision flow itself is tested in case-studies.e2e-spec.ts).
    await t.dataSource.query(`UPDATE case_studies SET superseded_at = now() WHERE id = $1`, [caseStudyId]);
    const after = await vendor.client.query<{ caseStudyAnonymityFlags: Flag[] }>(FLAGS, { id: caseStudyId });
    expect(after.data!.caseStudyAnonymityFlags).toEqual([expect.objectContaining({ open: false })]);
  });
});
