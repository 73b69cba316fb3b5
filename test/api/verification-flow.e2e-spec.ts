import { waitForEvidenceDrained } from '../support/evidence-outbox';
import { createDraft, nominate, vendorWithOwner } from '../support/factories';
import { linkToken, TestSmtpServer } from '../support/smtp';
import { countRows, createTestApp, GraphQLClient, TestApp } from '../support/test-app';

const SUBMIT = `mutation($id: ID!) { submitCaseStudy(id: $id) { id status } }`;
const QUESTIONNAIRE = `query($token: String!) { referenceQuestionnaire(token: $token) { vendorName caseStudyTitle clientName outcomes { id metricName claimedValue } } }`;
const ANSWER = `mutation($token: String!, $input: ReferenceAnswerInput!) { answerReference(token: $token, input: $input) }`;
const OFFERS = `{ myTaskOffers { id caseStudyId title checkReasons } }`;
const ASSIGN = `mutation($taskId: ID!, $reviewerId: ID!) { assignTask(taskId: $taskId, reviewerId: $reviewerId) { id status offeredToId } }`;
const TASK_VIEW = `query($id: ID!) { verificationTask(id: $id) { kind checkReasons caseStudy { status outcomes { verificationStatus verifiedValue } } } }`;
const CLAIM = `mutation($taskId: ID!) { claimTask(taskId: $taskId) { id status caseStudy { id client { name } outcomes { id } } references { status answer { wouldHireAgain outcomes { achieved } } } } }`;
const VERDICT = `mutation($input: SubmitVerdictInput!) { submitVerdict(input: $input) { id status outcomes { result verifiedShare } } }`;
const STATUS = `query($id: ID!) { caseStudy(id: $id) { status outcomes { verifiedValue verificationStatus } } }`;

function answerInput(outcomeIds: string[]) {
  return {
    outcomes: outcomeIds.map((id) => ({ outcomeClaimId: id, achieved: 'yes', observedValue: 22 })),
    inProduction: 'yes',
    handoverRating: 4,
    onTime: 4,
    onBudget: 3,
    communication: 5,
    wouldHireAgain: true,
    comments: 'Solid team; the forecast is still in use.',
  };
}

function verdictInput(taskId: string, outcomeIds: string[], verifiedValue = 21.5) {
  return {
    taskId,
    outcomes: outcomeIds.map((id) => ({ outcomeClaimId: id, result: 'verified', verifiedValue })),
    productionStatus: 'in_production',
    handover: 'client_alone',
    rubric: { properBaseline: true, heldOutOrOnlineEvaluation: true, leakageChecked: true, monitoringInProduction: false, notes: 'No drift alerts yet.' },
    notes: 'Checked the evaluation notebook and the production dashboard.',
    conflictDeclaration: 'None.',
    noConflictOfInterest: true,
  };
}

describe('Verification flow (API e2e, mail over real SMTP)', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let admin: GraphQLClient;

  beforeAll(async () => {
    smtp = new TestSmtpServer();
    const smtpUrl = await smtp.start();
    t = await createTestApp({ SMTP_URL: smtpUrl, ASSAY_PUBLIC_URL: 'http://assay.test' }, { jobs: true });
    admin = await t.signedInClient({ email: 'admin@assay.test', platformRoles: ['admin'] });
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  async function reviewer(email: string): Promise<GraphQLClient> {
    const client = await t.signedInClient({ email });
    const res = await admin.query(`mutation($email: String!) { accreditReviewer(email: $email) }`, { email });
    expect(res.errors).toBeUndefined();
    // Roles are read with the session: sign in again to pick up the accreditation.
    await client.query(`mutation($input: SignInInput!) { signIn(input: $input) { id } }`, { input: { email, password: 'a-long-test-password-9431' } });
    return client;
  }

  async function userId(client: GraphQLClient): Promise<string> {
    return (await client.query<{ me: { id: string } }>(`{ me { id } }`)).data!.me.id;
  }

  /** The case study's task of `kind` not yet done. */
  async function taskOf(caseStudyId: string, kind = 'primary'): Promise<{ id: string; status: string; offered_to_id: string | null; check_reasons: string[] }> {
    const rows = await t.dataSource.query(`SELECT id, status, offered_to_id, check_reasons FROM verification_tasks WHERE case_study_id = $1 AND kind = $2 AND status <> 'completed' ORDER BY created_at DESC LIMIT 1`, [caseStudyId, kind]);
    return rows[0];
  }

  /** An admin offers the task to this reviewer (tests must know who holds what), who accepts it. */
  async function assignAndAccept(taskId: string, to: GraphQLClient) {
    expect((await admin.query(ASSIGN, { taskId, reviewerId: await userId(to) })).errors).toBeUndefined();
    const claimed = await to.query<{ claimTask: { caseStudy: { outcomes: Array<{ id: string }> } } }>(CLAIM, { taskId });
    expect(claimed.errors).toBeUndefined();
    return claimed.data!.claimTask.caseStudy.outcomes.map((o) => o.id);
  }

  async function submittedCaseStudy(vendorEmail: string, vendorName: string, referenceEmail: string) {
    const { client, vendorId } = await vendorWithOwner(t, vendorEmail, vendorName);
    const draft = await createDraft(client, vendorId);
    await nominate(client, draft.id, referenceEmail);
    const res = await client.query(SUBMIT, { id: draft.id });
    expect(res.errors).toBeUndefined();
    return { vendor: client, vendorId, caseStudyId: draft.id };
  }

  it('runs the whole flow: submission → drawn reviewer → reference mail over SMTP → answer → acceptance → verdict → status', async () => {
    // The only reviewer is drawn: the task is offered to them at submission, with a mail.
    const rui = await reviewer('rui@independent-review.example');
    const { caseStudyId, vendorId } = await submittedCaseStudy('owner@kestrel-flow.example', 'Kestrel Flow', 'jane@acme-retail.example');
    expect((await smtp.waitFor('rui@independent-review.example', /offered to you/)).text).toMatch(/drew you at random/);

    const mail = await smtp.waitFor('jane@acme-retail.example', /confirm what was delivered/);
    expect(mail.text).toContain('http://assay.test/r/');
    const token = linkToken(mail.text, '/r/');
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(await countRows(t.dataSource, 'reference_requests', 'token_hash = $1', [token])).toBe(0);

    const anonymous = t.client();
    const q = await anonymous.query<{ referenceQuestionnaire: { vendorName: string; outcomes: Array<{ id: string }> } }>(QUESTIONNAIRE, { token });
    expect(q.data?.referenceQuestionnaire.vendorName).toBe('Kestrel Flow');
    const outcomeIds = q.data!.referenceQuestionnaire.outcomes.map((o) => o.id);
    expect((await anonymous.query(ANSWER, { token, input: answerInput(outcomeIds) })).errors).toBeUndefined();

    const again = await anonymous.query(ANSWER, { token, input: answerInput(outcomeIds) });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'TOKEN_USED' });
    expect(await countRows(t.dataSource, 'reference_responses')).toBe(1);

    const offers = await rui.query<{ myTaskOffers: Array<{ id: string; caseStudyId: string; checkReasons: string[] }> }>(OFFERS);
    const task = offers.data!.myTaskOffers.find((x) => x.caseStudyId === caseStudyId)!;
    expect(task.checkReasons).toEqual([]);
    const claimed = await rui.query<{ claimTask: { caseStudy: { client: { name: string } }; references: Array<{ answer: { wouldHireAgain: boolean } | null }> } }>(CLAIM, { taskId: task.id });
    expect(claimed.errors).toBeUndefined();
    expect(claimed.data!.claimTask.caseStudy.client.name).toBe('Acme Retail');
    expect(claimed.data!.claimTask.references[0].answer?.wouldHireAgain).toBe(true);

    const verdict = await rui.query<{ submitVerdict: { status: string } }>(VERDICT, { input: verdictInput(task.id, outcomeIds) });
    expect(verdict.errors).toBeUndefined();
    expect(verdict.data!.submitVerdict.status).toBe('verified');

    const status = await t.client().query<{ caseStudy: { status: string; outcomes: Array<{ verifiedValue: number; verificationStatus: string }> } }>(STATUS, { id: caseStudyId });
    expect(status.data!.caseStudy).toEqual({ status: 'verified', outcomes: [{ verifiedValue: 21.5, verificationStatus: 'verified' }] });
    expect(await countRows(t.dataSource, 'follow_up_checks', 'case_study_id = $1', [caseStudyId])).toBe(2);

    // The verdict refreshed the vendor's numbers in its own transaction; its explanations come
    // with the outbox drain (the app's job workers run here), so wait for it.
    await waitForEvidenceDrained(t);
    const signals = await t.client().query<{ vendorSignals: { verifiedCaseStudies: number; verifiedDelivery: { mean: number; lower: number; upper: number }; explanations: Array<{ signal: string; items: unknown[] }> } }>(
      `query($id: ID!) { vendorSignals(vendorId: $id) { verifiedCaseStudies verifiedDelivery { mean lower upper } explanations { signal items { evidenceId weight effect sentence } } } }`,
      { id: vendorId },
    );
    expect(signals.data!.vendorSignals.verifiedCaseStudies).toBe(1);
    const vd = signals.data!.vendorSignals.verifiedDelivery;
    expect(vd.lower).toBeLessThanOrEqual(vd.mean);
    expect(vd.mean).toBeLessThanOrEqual(vd.upper);
    expect(signals.data!.vendorSignals.explanations.find((e) => e.signal === 'verifiedDelivery')!.items.length).toBeGreaterThan(0);
  }, 60_000);

  it('refuses a tampered, an expired and a reused link, changing nothing', async () => {
    await submittedCaseStudy('owner@links.example', 'Links Labs', 'ops@links-client.example');
    const token = linkToken((await smtp.waitFor('ops@links-client.example')).text, '/r/');
    const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    expect((await t.client().query(QUESTIONNAIRE, { token: tampered })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    await t.dataSource.query(`UPDATE reference_requests SET expires_at = now() - interval '1 hour' WHERE contact_email = $1`, ['ops@links-client.example']);
    const expired = await t.client().query(ANSWER, { token, input: answerInput([]) });
    expect(expired.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOKEN_EXPIRED' });
    expect(await countRows(t.dataSource, 'reference_responses', `reference_request_id IN (SELECT id FROM reference_requests WHERE contact_email = 'ops@links-client.example')`)).toBe(0);
  }, 60_000);

  it('lets a reference decline, which counts as a response', async () => {
    await submittedCaseStudy('owner@decline.example', 'Decline Co', 'no@decline-client.example');
    const token = linkToken((await smtp.waitFor('no@decline-client.example')).text, '/r/');
    const res = await t.client().query(`mutation($token: String!) { declineReference(token: $token, reason: "I left the company") }`, { token });
    expect(res.errors).toBeUndefined();
    expect(await countRows(t.dataSource, 'reference_requests', `contact_email = 'no@decline-client.example' AND status = 'declined'`)).toBe(1);
  }, 60_000);

  it('refuses a reviewer affiliated with the vendor, with the reason, and offers them nothing', async () => {
    const { caseStudyId, vendorId } = await submittedCaseStudy('owner@conflict.example', 'Conflict Analytics', 'c@conflict-client.example');
    const friend = await reviewer('friend@reviewers.example');
    expect((await friend.query(`mutation($input: AffiliationInput!) { declareAffiliation(input: $input) { id } }`, { input: { organizationId: vendorId, note: 'Former employee' } })).errors).toBeUndefined();
    const task = await taskOf(caseStudyId);
    const before = await countRows(t.dataSource, 'task_offers', 'task_id = $1', [task.id]);
    const named = await admin.query(ASSIGN, { taskId: task.id, reviewerId: await userId(friend) });
    expect(named.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'REVIEWER_AFFILIATED_WITH_VENDOR' });
    const res = await friend.query(CLAIM, { taskId: task.id });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'TASK_NOT_OFFERED' });
    expect(await countRows(t.dataSource, 'task_offers', 'task_id = $1', [task.id])).toBe(before);
    expect(await countRows(t.dataSource, 'task_offers', 'reviewer_id = $1', [await userId(friend)])).toBe(0);
  }, 60_000);

  it('refuses a reviewer a task that was not offered to them, and lets the one it was offered to accept it once', async () => {
    const [a, b] = await Promise.all([reviewer('a@review-race.example'), reviewer('b@review-race.example')]);
    const { caseStudyId } = await submittedCaseStudy('owner@race.example', 'Race Labs', 'r@race-client.example');
    const task = await taskOf(caseStudyId);
    expect((await admin.query(ASSIGN, { taskId: task.id, reviewerId: await userId(a) })).errors).toBeUndefined();
    const stolen = await b.query(CLAIM, { taskId: task.id });
    expect(stolen.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'TASK_NOT_OFFERED' });
    expect(stolen.errors?.[0].message).toMatch(/drawn at random/);
    const results = await Promise.all([a.query(CLAIM, { taskId: task.id }), a.query(CLAIM, { taskId: task.id })]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(await countRows(t.dataSource, 'verification_tasks', `id = $1 AND status = 'leased' AND leased_to_id = $2`, [task.id, await userId(a)])).toBe(1);
    expect(await countRows(t.dataSource, 'task_offers', `task_id = $1 AND outcome = 'accepted'`, [task.id])).toBe(1);
  }, 60_000);

  it('records a decline with its reason, moves the task to another drawn reviewer, and limits declines', async () => {
    const decliner = await reviewer('decliner@review-decline.example');
    const { caseStudyId } = await submittedCaseStudy('owner@declines.example', 'Declines Ltd', 'x@declines-client.example');
    const task = await taskOf(caseStudyId);
    expect((await admin.query(ASSIGN, { taskId: task.id, reviewerId: await userId(decliner) })).errors).toBeUndefined();
    const DECLINE = `mutation($input: DeclineTaskInput!) { declineTask(input: $input) }`;
    const empty = await decliner.query(DECLINE, { input: { taskId: task.id, reason: '' } });
    expect(empty.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await decliner.query(DECLINE, { input: { taskId: task.id, reason: 'On leave until next month.' } })).errors).toBeUndefined();
    const offers: Array<{ reviewer_id: string; outcome: string; decline_reason: string | null }> = await t.dataSource.query(`SELECT reviewer_id, outcome, decline_reason FROM task_offers WHERE task_id = $1 ORDER BY offered_at`, [task.id]);
    const declinerId = await userId(decliner);
    // (The draw at submission may have offered it to them already; the admin's offer replaced that one.)
    expect(offers.filter((o) => o.reviewer_id === declinerId && o.outcome !== 'withdrawn')).toEqual([{ reviewer_id: declinerId, outcome: 'declined', decline_reason: 'On leave until next month.' }]);
    const after = await taskOf(caseStudyId);
    // Another reviewer of this suite was drawn (never the one who declined).
    expect(after.status).toBe('offered');
    expect(after.offered_to_id).not.toBe(await userId(decliner));
    // Five declines in 30 days is the limit: the sixth is refused and changes nothing.
    await t.dataSource.query(
      `INSERT INTO task_offers (task_id, reviewer_id, expires_at, outcome, decline_reason, resolved_at) SELECT $1, $2, now(), 'declined', 'earlier', now() FROM generate_series(1, 4)`,
      [task.id, await userId(decliner)],
    );
    const next = await submittedCaseStudy('owner@declines2.example', 'Declines Two', 'y@declines-client.example');
    const nextTask = await taskOf(next.caseStudyId);
    expect((await admin.query(ASSIGN, { taskId: nextTask.id, reviewerId: await userId(decliner) })).errors).toBeUndefined();
    const refused = await decliner.query(DECLINE, { input: { taskId: nextTask.id, reason: 'Too busy.' } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DECLINE_LIMIT' });
    expect((await taskOf(next.caseStudyId)).offered_to_id).toBe(await userId(decliner));
  }, 60_000);

  it('checks a new reviewer’s verdict blind; a disagreement on one outcome goes to a third reviewer and the admins', async () => {
    const first = await reviewer('first@review-blind.example');
    const second = await reviewer('second@review-blind.example');
    await reviewer('third@review-blind.example');
    const { caseStudyId } = await submittedCaseStudy('owner@blind.example', 'Blind Check Co', 'b@blind-client.example');
    const primary = await taskOf(caseStudyId);
    const ids = await assignAndAccept(primary.id, first);
    const recorded = await first.query<{ submitVerdict: { id: string } }>(VERDICT, { input: verdictInput(primary.id, ids) });
    expect(recorded.errors).toBeUndefined();

    // A new reviewer's verdict is always checked, by another drawn reviewer, never its author.
    const check = await taskOf(caseStudyId, 'spot_check');
    expect(check.check_reasons).toContain('new_reviewer');
    expect(check.offered_to_id).not.toBe(await userId(first));
    const checkOutcomes = await assignAndAccept(check.id, second);
    const view = await second.query<{ verificationTask: { checkReasons: string[]; caseStudy: { status: string; outcomes: Array<{ verificationStatus: string; verifiedValue: number | null }> } } }>(TASK_VIEW, { id: check.id });
    // Blind: the checker sees the claims and the evidence, not what the first verdict found.
    expect(view.data!.verificationTask.caseStudy.status).toBe('in_verification');
    expect(view.data!.verificationTask.caseStudy.outcomes).toEqual([{ verificationStatus: 'pending', verifiedValue: null }]);

    // The check finds half the claimed improvement on the one outcome: a disagreement.
    const disagreeing = await second.query(VERDICT, { input: { ...verdictInput(check.id, checkOutcomes), outcomes: checkOutcomes.map((id) => ({ outcomeClaimId: id, result: 'partially_verified', verifiedValue: 27 })) } });
    expect(disagreeing.errors).toBeUndefined();
    const tieBreak = await taskOf(caseStudyId, 'spot_check');
    expect(tieBreak.id).not.toBe(check.id);
    expect(tieBreak.check_reasons).toEqual(['tie_break']);
    expect(tieBreak.status).toBe('offered');
    expect([await userId(first), await userId(second)]).not.toContain(tieBreak.offered_to_id);
    const mail = await smtp.waitFor('admin@assay.test', /Reviewers disagree/);
    expect(mail.text).toMatch(/third reviewer/);
    // The first reviewer's record counts the disagreement.
    const [profile] = await t.dataSource.query(`SELECT spot_checks_total, spot_checks_agreed FROM reviewer_profiles WHERE user_id = $1`, [await userId(first)]);
    expect(profile).toEqual({ spot_checks_total: 1, spot_checks_agreed: 0 });
  }, 60_000);

  it('lets the vendor reply and dispute within 30 days, and an admin uphold it', async () => {
    const { vendor, caseStudyId } = await submittedCaseStudy('owner@dispute.example', 'Dispute Partners', 'd@dispute-client.example');
    const rev = await reviewer('judge@review-dispute.example');
    const taskId = (await taskOf(caseStudyId)).id;
    const ids = await assignAndAccept(taskId, rev);
    const verdict = await rev.query<{ submitVerdict: { id: string; status: string } }>(VERDICT, { input: { ...verdictInput(taskId, ids), outcomes: ids.map((id) => ({ outcomeClaimId: id, result: 'refuted', verifiedValue: 31 })) } });
    expect(verdict.data!.submitVerdict.status).toBe('unverified');
    const verdictId = verdict.data!.submitVerdict.id;

    expect((await vendor.query(`mutation($input: ReplyToVerdictInput!) { replyToVerdict(input: $input) { id } }`, { input: { verdictId, body: 'We measured on a different holdout.' } })).errors).toBeUndefined();
    const outsider = await t.signedInClient({ email: 'outsider@dispute.example' });
    const foreign = await outsider.query(`mutation($input: DisputeVerdictInput!) { disputeVerdict(input: $input) { id } }`, { input: { verdictId, reason: 'I do not even work there but I object.' } });
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const dispute = await vendor.query<{ disputeVerdict: { id: string } }>(`mutation($input: DisputeVerdictInput!) { disputeVerdict(input: $input) { id status } }`, { input: { verdictId, reason: 'The reviewer compared against the wrong baseline period.' } });
    expect(dispute.errors).toBeUndefined();
    expect((await t.client().query<{ caseStudy: { status: string } }>(STATUS, { id: caseStudyId })).data!.caseStudy.status).toBe('disputed');

    const resolved = await admin.query(`mutation($input: ResolveDisputeInput!) { resolveDispute(input: $input) { status } }`, { input: { disputeId: dispute.data!.disputeVerdict.id, resolution: 'upheld', note: 'The baseline period was the one agreed in the contract.' } });
    expect(resolved.errors).toBeUndefined();
    expect((await t.client().query<{ caseStudy: { status: string } }>(STATUS, { id: caseStudyId })).data!.caseStudy.status).toBe('unverified');
    const history = await t.client().query<{ caseStudyVerdicts: Array<{ notes: string | null; rubric: { notes: string | null }; replies: unknown[]; disputes: Array<{ status: string }> }> }>(`query($id: ID!) { caseStudyVerdicts(caseStudyId: $id) { status notes rubric { notes } replies { body } disputes { status reason } } }`, { id: caseStudyId });
    // Buyers see findings, replies and disputes, but not the reviewer's free-text notes.
    expect(history.data!.caseStudyVerdicts[0].notes).toBeNull();
    expect(history.data!.caseStudyVerdicts[0].rubric.notes).toBeNull();
    const asVendor = await vendor.query<{ caseStudyVerdicts: Array<{ notes: string | null }> }>(`query($id: ID!) { caseStudyVerdicts(caseStudyId: $id) { notes } }`, { id: caseStudyId });
    expect(asVendor.data!.caseStudyVerdicts[0].notes).toMatch(/evaluation notebook/);
    expect(history.data!.caseStudyVerdicts[0].replies).toHaveLength(1);
    expect(history.data!.caseStudyVerdicts[0].disputes[0].status).toBe('upheld');
  }, 60_000);
  it('offers a task to a reviewer who declared the vendor’s field before one who did not, and refuses an unknown field changing nothing', async () => {
    const DECLARE = `mutation($capabilities: [String!]!) { declareExpertise(capabilities: $capabilities) }`;
    const expert = await reviewer('expert@review-expertise.example');
    const bad = await expert.query(DECLARE, { capabilities: ['nlp', 'astrology'] });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].message).toMatch(/Choose capabilities from the list/);
    expect((await expert.query<{ myExpertise: string[] }>(`{ myExpertise }`)).data!.myExpertise).toEqual([]);
    const declared = await expert.query<{ declareExpertise: string[] }>(DECLARE, { capabilities: ['forecasting', 'nlp'] });
    expect(declared.errors).toBeUndefined();
    expect(declared.data!.declareExpertise).toEqual(['forecasting', 'nlp']);
    // Every other reviewer of this suite (several, none with a declared field) is eligible too;
    // the draw is random within each group, so only the grouping can put the expert first every time.
    const expertId = await userId(expert);
    const others: Array<{ n: number }> = await t.dataSource.query(`SELECT count(*)::int AS n FROM reviewer_profiles WHERE revoked_at IS NULL AND user_id <> $1`, [expertId]);
    expect(others[0].n).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < 3; i++) {
      const { client, vendorId } = await vendorWithOwner(t, `owner${i}@expertise-${i}.example`, `Field Labs ${i}`);
      await t.dataSource.query(
        `INSERT INTO vendor_profiles (organization_id, capabilities) VALUES ($1, $2) ON CONFLICT (organization_id) DO UPDATE SET capabilities = EXCLUDED.capabilities`,
        [vendorId, ['nlp', 'mlops']],
      );
      const draft = await createDraft(client, vendorId);
      await nominate(client, draft.id, `ref${i}@expertise-client-${i}.example`);
      expect((await client.query(SUBMIT, { id: draft.id })).errors).toBeUndefined();
      expect((await taskOf(draft.id)).offered_to_id).toBe(expertId);
    }
    expect((await smtp.waitFor('expert@review-expertise.example', /offered to you/)).text).toMatch(/among the reviewers who declared expertise/);
  }, 90_000);
});
