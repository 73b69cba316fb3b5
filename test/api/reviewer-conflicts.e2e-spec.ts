// Conflicts of interest from facts: a reviewer who is a member of the vendor's
// organisation can neither take, hold nor record a verdict on its case studies,
// and a reviewer who joins a vendor gives up the verdicts recorded on it.
import { createDraft, nominate, vendorWithOwner } from '../support/factories';
import { accreditedReviewer, ANSWER, answerInput, ASSIGN, CLAIM, mailedToken, SUBMIT, VERDICT, verdictInput } from '../support/ledger-flow';
import { countRows, createTestApp, GraphQLClient, TestApp } from '../support/test-app';

const STATUS = `query($id: ID!) { caseStudy(id: $id) { status outcomes { verificationStatus } } }`;

jest.setTimeout(60_000);

describe('Reviewer conflicts from memberships (API e2e)', () => {
  let t: TestApp;
  let admin: GraphQLClient;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signedInClient({ email: 'admin@conflicts.example', platformRoles: ['admin'] });
  });
  afterAll(() => t.close());

  async function submittedCaseStudy(vendor: { client: GraphQLClient; vendorId: string }, slug: string) {
    const draft = await createDraft(vendor.client, vendor.vendorId);
    const contact = `jane@${slug}-client.example`;
    expect((await nominate(vendor.client, draft.id, contact)).errors).toBeUndefined();
    expect((await vendor.client.query(SUBMIT, { id: draft.id })).errors).toBeUndefined();
    const outcomeIds = (await t.dataSource.query(`SELECT id FROM outcome_claims WHERE case_study_id = $1 ORDER BY position`, [draft.id])).map((r: { id: string }) => r.id);
    const token = await mailedToken(t, contact, '/r/');
    expect((await t.client().query(ANSWER, { token, input: answerInput(outcomeIds) })).errors).toBeUndefined();
    const tasks: Array<{ id: string }> = await t.dataSource.query(`SELECT id FROM verification_tasks WHERE case_study_id = $1 AND status IN ('open', 'offered')`, [draft.id]);
    return { caseStudyId: draft.id, taskId: tasks[0].id, outcomeIds };
  }

  async function userId(email: string): Promise<string> {
    return (await t.dataSource.query(`SELECT id FROM users WHERE email = $1`, [email]))[0].id;
  }

  async function join(vendor: { client: GraphQLClient; vendorId: string }, member: GraphQLClient, email: string): Promise<void> {
    const invited = await vendor.client.query(`mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id } }`, { input: { organizationId: vendor.vendorId, email, role: 'member' } });
    expect(invited.errors).toBeUndefined();
    const rows: Array<{ text_body: string }> = await t.dataSource.query(`SELECT text_body FROM mail_messages WHERE to_address = $1 AND text_body LIKE '%/invitations/accept?token=%' ORDER BY created_at DESC LIMIT 1`, [email]);
    const token = /token=([A-Za-z0-9_-]+)/.exec(rows[0].text_body)![1];
    const accepted = await member.query(`mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { id } }`, { input: { token } });
    expect(accepted.errors).toBeUndefined();
  }

  /** An admin offers the task to this reviewer (the draw is random; a test names who). */
  async function offer(taskId: string, email: string) {
    return admin.query(ASSIGN, { taskId, reviewerId: await userId(email) });
  }

  it('never offers a task to a member of the vendor’s organisation, and refuses them with the reason', async () => {
    const vendor = await vendorWithOwner(t, 'owner@member-vendor.example', 'Member Vendor Ltd');
    const reviewer = await accreditedReviewer(t, admin, 'rita@independent-one.example');
    await join(vendor, reviewer, 'rita@independent-one.example');
    const cs = await submittedCaseStudy(vendor, 'claim');

    // The draw at submission passed over them; an admin naming them is refused with the reason.
    expect(await countRows(t.dataSource, 'task_offers', 'task_id = $1 AND reviewer_id = $2', [cs.taskId, await userId('rita@independent-one.example')])).toBe(0);
    const named = await offer(cs.taskId, 'rita@independent-one.example');
    expect(named.errors?.[0]).toMatchObject({ message: expect.stringContaining('You are a member of the vendor’s organisation (Member Vendor Ltd)'), extensions: { code: 'FORBIDDEN', reason: 'REVIEWER_AFFILIATED_WITH_VENDOR' } });
    const claim = await reviewer.query(CLAIM, { taskId: cs.taskId });
    expect(claim.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'TASK_NOT_OFFERED' });
    expect(await countRows(t.dataSource, 'task_offers', 'task_id = $1 AND reviewer_id = $2', [cs.taskId, await userId('rita@independent-one.example')])).toBe(0);
  });

  it('refuses the verdict of a reviewer who joined the vendor while holding the task, and writes nothing', async () => {
    const vendor = await vendorWithOwner(t, 'owner@holding-vendor.example', 'Holding Vendor Ltd');
    const reviewer = await accreditedReviewer(t, admin, 'hugo@independent-two.example');
    const cs = await submittedCaseStudy(vendor, 'hold');
    expect((await offer(cs.taskId, 'hugo@independent-two.example')).errors).toBeUndefined();
    expect((await reviewer.query(CLAIM, { taskId: cs.taskId })).errors).toBeUndefined();
    await join(vendor, reviewer, 'hugo@independent-two.example');

    const verdict = await reviewer.query(VERDICT, { input: verdictInput(cs.taskId, cs.outcomeIds) });
    expect(verdict.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', reason: 'REVIEWER_AFFILIATED_WITH_VENDOR' } });
    expect(await countRows(t.dataSource, 'verdicts', 'case_study_id = $1', [cs.caseStudyId])).toBe(0);
  });

  it('re-queues, for a new verdict, the verdicts a reviewer recorded before joining the vendor', async () => {
    const vendor = await vendorWithOwner(t, 'owner@later-vendor.example', 'Later Vendor Ltd');
    const reviewer = await accreditedReviewer(t, admin, 'lena@independent-three.example');
    const cs = await submittedCaseStudy(vendor, 'later');
    expect((await offer(cs.taskId, 'lena@independent-three.example')).errors).toBeUndefined();
    expect((await reviewer.query(CLAIM, { taskId: cs.taskId })).errors).toBeUndefined();
    expect((await reviewer.query(VERDICT, { input: verdictInput(cs.taskId, cs.outcomeIds) })).errors).toBeUndefined();
    expect((await vendor.client.query<{ caseStudy: { status: string } }>(STATUS, { id: cs.caseStudyId })).data?.caseStudy.status).toBe('verified');

    await join(vendor, reviewer, 'lena@independent-three.example');

    const after = await vendor.client.query<{ caseStudy: { status: string; outcomes: Array<{ verificationStatus: string }> } }>(STATUS, { id: cs.caseStudyId });
    expect(after.data?.caseStudy).toEqual({ status: 'submitted', outcomes: [{ verificationStatus: 'pending' }] });
    const newTask: Array<{ id: string }> = await t.dataSource.query(`SELECT id FROM verification_tasks WHERE case_study_id = $1 AND status IN ('open', 'offered') AND kind = 'primary'`, [cs.caseStudyId]);
    expect(newTask).toHaveLength(1);
    // The new task is for someone else: the reviewer who joined cannot be offered it.
    expect((await offer(newTask[0].id, 'lena@independent-three.example')).errors?.[0].extensions?.reason).toBe('REVIEWER_AFFILIATED_WITH_VENDOR');
    const other = await accreditedReviewer(t, admin, 'omar@independent-four.example');
    expect((await offer(newTask[0].id, 'omar@independent-four.example')).errors).toBeUndefined();
    expect((await other.query(CLAIM, { taskId: newTask[0].id })).errors).toBeUndefined();
    // The old verdict stays on record.
    expect(await countRows(t.dataSource, 'verdicts', 'case_study_id = $1 AND reviewer_id = $2', [cs.caseStudyId, await userId('lena@independent-three.example')])).toBe(1);
  });

  it('refuses an admin who is a member of the vendor from resolving its dispute', async () => {
    const vendor = await vendorWithOwner(t, 'owner@dispute-vendor.example', 'Dispute Vendor Ltd');
    const reviewer = await accreditedReviewer(t, admin, 'dora@independent-five.example');
    const cs = await submittedCaseStudy(vendor, 'dispute');
    await offer(cs.taskId, 'dora@independent-five.example');
    await reviewer.query(CLAIM, { taskId: cs.taskId });
    const verdict = await reviewer.query<{ submitVerdict: { id: string } }>(VERDICT, { input: verdictInput(cs.taskId, cs.outcomeIds, 'refuted', 32) });
    const opened = await vendor.client.query<{ disputeVerdict: { id: string } }>(`mutation($input: DisputeVerdictInput!) { disputeVerdict(input: $input) { id } }`, {
      input: { verdictId: verdict.data!.submitVerdict.id, reason: 'The reviewer read the wrong dashboard for the forecast error.' },
    });
    expect(opened.errors).toBeUndefined();
    const insider = await t.signedInClient({ email: 'insider-admin@conflicts.example', platformRoles: ['admin'] });
    await join(vendor, insider, 'insider-admin@conflicts.example');
    const resolved = await insider.query(`mutation($input: ResolveDisputeInput!) { resolveDispute(input: $input) { id } }`, {
      input: { disputeId: opened.data!.disputeVerdict.id, resolution: 'upheld', note: 'Upheld.' },
    });
    expect(resolved.errors?.[0].extensions?.reason).toBe('REVIEWER_AFFILIATED_WITH_VENDOR');
  });
});
