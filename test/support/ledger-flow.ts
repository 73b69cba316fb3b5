import { createDraft, nominate, vendorWithOwner } from './factories';
import { linkToken } from './smtp';
import { GraphQLClient, TEST_PASSWORD, TestApp } from './test-app';

// Drives the real flow (submission → reference answer → offer → acceptance → verdict) without
// SMTP: mail stays in the outbox table, and links are read from it.

export const SUBMIT = `mutation($id: ID!) { submitCaseStudy(id: $id) { id status } }`;
export const ANSWER = `mutation($token: String!, $input: ReferenceAnswerInput!) { answerReference(token: $token, input: $input) }`;
export const CLAIM = `mutation($taskId: ID!) { claimTask(taskId: $taskId) { id caseStudy { outcomes { id } } } }`;
export const ASSIGN = `mutation($taskId: ID!, $reviewerId: ID!) { assignTask(taskId: $taskId, reviewerId: $reviewerId) { id } }`;

const admins = new WeakMap<TestApp, Promise<GraphQLClient>>();
/** One administrator per test app, for the admin-only steps of a flow. */
export function testAdmin(t: TestApp): Promise<GraphQLClient> {
  let admin = admins.get(t);
  if (!admin) {
    admin = t.signedInClient({ email: `flow-admin-${Math.random().toString(36).slice(2, 8)}@assay.example`, platformRoles: ['admin'] });
    admins.set(t, admin);
  }
  return admin;
}

/**
 * The case study's waiting task of `kind`, offered to this reviewer by an admin (`assignTask`:
 * the draw is random, and a test must know who holds what) and accepted by them (`claimTask`).
 */
export async function takeTask(t: TestApp, reviewer: GraphQLClient, caseStudyId: string, kind: 'primary' | 'spot_check' = 'primary'): Promise<{ taskId: string; outcomeIds: string[] }> {
  const rows: Array<{ id: string }> = await t.dataSource.query(
    `SELECT id FROM verification_tasks WHERE case_study_id = $1 AND kind = $2 AND status IN ('open', 'offered') ORDER BY created_at DESC LIMIT 1`,
    [caseStudyId, kind],
  );
  if (!rows[0]) throw new Error(`no waiting ${kind} task for ${caseStudyId}`);
  const me = await reviewer.query<{ me: { id: string } }>(`{ me { id } }`);
  const assigned = await (await testAdmin(t)).query(ASSIGN, { taskId: rows[0].id, reviewerId: me.data!.me.id });
  if (assigned.errors) throw new Error(`assignTask: ${assigned.errors[0].message}`);
  const claimed = await reviewer.query<{ claimTask: { caseStudy: { outcomes: Array<{ id: string }> } } }>(CLAIM, { taskId: rows[0].id });
  if (claimed.errors) throw new Error(`claimTask: ${claimed.errors[0].message}`);
  return { taskId: rows[0].id, outcomeIds: claimed.data!.claimTask.caseStudy.outcomes.map((o) => o.id) };
}
export const VERDICT = `mutation($input: SubmitVerdictInput!) { submitVerdict(input: $input) { id status } }`;

export function answerInput(outcomeIds: string[]) {
  return {
    outcomes: outcomeIds.map((id) => ({ outcomeClaimId: id, achieved: 'yes', observedValue: 22 })),
    inProduction: 'yes',
    handoverRating: 4,
    onTime: 4,
    onBudget: 3,
    communication: 5,
    wouldHireAgain: true,
    comments: 'Confidential: the forecast saved us 2.1 M EUR in waste.',
  };
}

export function verdictInput(taskId: string, outcomeIds: string[], result = 'verified', verifiedValue = 21.5) {
  return {
    taskId,
    outcomes: outcomeIds.map((id) => ({ outcomeClaimId: id, result, verifiedValue })),
    productionStatus: 'in_production',
    handover: 'client_alone',
    rubric: { properBaseline: true, heldOutOrOnlineEvaluation: true, leakageChecked: true, monitoringInProduction: false, notes: 'No drift alerts yet.' },
    notes: 'Reviewer note: checked the evaluation notebook.',
    conflictDeclaration: 'None.',
    noConflictOfInterest: true,
  };
}

/** The token of the latest mailed link of this kind to `to`, read from the outbox. */
export async function mailedToken(t: TestApp, to: string, prefix: '/r/' | '/f/'): Promise<string> {
  const rows: Array<{ text_body: string }> = await t.dataSource.query(`SELECT text_body FROM mail_messages WHERE to_address = $1 AND text_body LIKE $2 ORDER BY created_at DESC LIMIT 1`, [to, `%${prefix}%`]);
  if (!rows[0]) throw new Error(`no mail to ${to} with a ${prefix} link`);
  return linkToken(rows[0].text_body, prefix);
}

/** A signed-in, accredited reviewer (signed in again so the session carries the role). */
export async function accreditedReviewer(t: TestApp, admin: GraphQLClient, email: string): Promise<GraphQLClient> {
  const client = await t.signedInClient({ email });
  const res = await admin.query(`mutation($email: String!) { accreditReviewer(email: $email) }`, { email });
  if (res.errors) throw new Error(`could not accredit ${email}: ${res.errors[0].message}`);
  await client.query(`mutation($input: SignInInput!) { signIn(input: $input) { id } }`, { input: { email, password: TEST_PASSWORD } });
  return client;
}

export interface VerifiedCaseStudy {
  vendor: GraphQLClient;
  vendorId: string;
  caseStudyId: string;
  verdictId: string;
  referenceEmail: string;
  outcomeIds: string[];
}

/** A case study taken through reference answer and a reviewer's verdict, all through the API. */
export async function verifiedCaseStudy(t: TestApp, reviewer: GraphQLClient, slug: string, result = 'verified'): Promise<VerifiedCaseStudy> {
  const { client: vendor, vendorId } = await vendorWithOwner(t, `owner@${slug}.example`, `${slug} Analytics`);
  const draft = await createDraft(vendor, vendorId);
  const referenceEmail = `jane@${slug}-client.example`;
  const nominated = await nominate(vendor, draft.id, referenceEmail);
  if (nominated.errors) throw new Error(`nominate: ${nominated.errors[0].message}`);
  const submitted = await vendor.query(SUBMIT, { id: draft.id });
  if (submitted.errors) throw new Error(`submit: ${submitted.errors[0].message}`);

  const outcomeRows: Array<{ id: string }> = await t.dataSource.query(`SELECT id FROM outcome_claims WHERE case_study_id = $1 ORDER BY position`, [draft.id]);
  const outcomeIds = outcomeRows.map((r) => r.id);
  const token = await mailedToken(t, referenceEmail, '/r/');
  const answered = await t.client().query(ANSWER, { token, input: answerInput(outcomeIds) });
  if (answered.errors) throw new Error(`answer: ${answered.errors[0].message}`);

  const task = await takeTask(t, reviewer, draft.id);
  const verdict = await reviewer.query<{ submitVerdict: { id: string } }>(VERDICT, { input: verdictInput(task.taskId, outcomeIds, result) });
  if (!verdict.data) throw new Error(`verdict: ${JSON.stringify(verdict.errors)}`);
  return { vendor, vendorId, caseStudyId: draft.id, verdictId: verdict.data.submitVerdict.id, referenceEmail, outcomeIds };
}
