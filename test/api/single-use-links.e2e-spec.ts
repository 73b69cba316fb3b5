import { FollowUpsService } from '../../apps/api/src/modules/follow-ups/follow-ups.service';
import { createDraft, nominate, vendorWithOwner } from '../support/factories';
import { accreditedReviewer, ANSWER, answerInput, mailedToken, SUBMIT, verifiedCaseStudy } from '../support/ledger-flow';
import { countRows, createTestApp, TestApp } from '../support/test-app';

const QUESTIONNAIRE = `query($token: String!) { referenceQuestionnaire(token: $token) { vendorName } }`;
const DECLINE = `mutation($token: String!) { declineReference(token: $token, reason: "Not my project") }`;
const FOLLOW_UP = `query($token: String!) { followUpCheck(token: $token) { vendorName } }`;
const ANSWER_FOLLOW_UP = `mutation($token: String!) { answerFollowUp(token: $token, stillInProduction: true) }`;
const WITHDRAW = `mutation($id: ID!) { withdrawCaseStudy(id: $id) { status } }`;

jest.setTimeout(60_000);

/**
 * Emailed single-use links stop working when what they point at is withdrawn: the
 * page says so (LINK_CLOSED with a sentence), and a late answer is refused whole —
 * no response row, no signal change, no ledger entry.
 */
describe('Single-use links of withdrawn case studies (API e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('closes a reference questionnaire when the case study is withdrawn, and keeps a late answer or decline out of the ledger', async () => {
    const { client: vendor, vendorId } = await vendorWithOwner(t, 'owner@withdrawing.example', 'Withdrawing Analytics');
    const draft = await createDraft(vendor, vendorId);
    expect((await nominate(vendor, draft.id, 'jane@withdrawing-client.example')).errors).toBeUndefined();
    expect((await vendor.query(SUBMIT, { id: draft.id })).errors).toBeUndefined();
    const token = await mailedToken(t, 'jane@withdrawing-client.example', '/r/');
    expect((await t.client().query(QUESTIONNAIRE, { token })).errors).toBeUndefined();

    expect((await vendor.query(WITHDRAW, { id: draft.id })).data).toEqual({ withdrawCaseStudy: { status: 'withdrawn' } });
    const ledgerBefore = await countRows(t.dataSource, 'ledger_entries');
    const outcomeIds = ((await t.dataSource.query(`SELECT id FROM outcome_claims WHERE case_study_id = $1 ORDER BY position`, [draft.id])) as Array<{ id: string }>).map((r) => r.id);

    const page = await t.client().query(QUESTIONNAIRE, { token });
    expect(page.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'LINK_CLOSED' });
    expect(page.errors?.[0].message).toMatch(/withdrawn this case study/);
    const answer = await t.client().query(ANSWER, { token, input: answerInput(outcomeIds) });
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'LINK_CLOSED' });
    const decline = await t.client().query(DECLINE, { token });
    expect(decline.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'LINK_CLOSED' });

    expect(await countRows(t.dataSource, 'reference_responses', `reference_request_id IN (SELECT id FROM reference_requests WHERE case_study_id = $1)`, [draft.id])).toBe(0);
    expect(await countRows(t.dataSource, 'reference_requests', `case_study_id = $1 AND status = 'sent'`, [draft.id])).toBe(1);
    expect(await countRows(t.dataSource, 'ledger_entries')).toBe(ledgerBefore);
  });

  it('closes a follow-up check when the case study is withdrawn, and keeps a late answer out of the ledger', async () => {
    const admin = await t.signedInClient({ email: 'admin@links.example', platformRoles: ['admin'] });
    const reviewer = await accreditedReviewer(t, admin, 'reviewer@links.example');
    const verified = await verifiedCaseStudy(t, reviewer, 'followed');
    await t.app.get(FollowUpsService).sendDue(new Date(Date.now() + 400 * 86_400_000));
    const token = await mailedToken(t, verified.referenceEmail, '/f/');
    expect((await t.client().query(FOLLOW_UP, { token })).errors).toBeUndefined();

    expect((await verified.vendor.query(WITHDRAW, { id: verified.caseStudyId })).data).toEqual({ withdrawCaseStudy: { status: 'withdrawn' } });
    const ledgerBefore = await countRows(t.dataSource, 'ledger_entries');

    const page = await t.client().query(FOLLOW_UP, { token });
    expect(page.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'LINK_CLOSED' });
    const answer = await t.client().query(ANSWER_FOLLOW_UP, { token });
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'LINK_CLOSED' });
    expect(answer.data).toBeNull();
    expect(await countRows(t.dataSource, 'follow_up_checks', `case_study_id = $1 AND status = 'answered'`, [verified.caseStudyId])).toBe(0);
    expect(await countRows(t.dataSource, 'ledger_entries')).toBe(ledgerBefore);
  });
});
