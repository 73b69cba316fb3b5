import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { BrowserEnv, describeBrowser, startBrowserEnv } from '../support/browser';
import { createDraft, nominate, vendorWithOwner } from '../support/factories';
import { ASSIGN, takeTask, testAdmin } from '../support/ledger-flow';
import { FollowUpsService } from '../../apps/api/src/modules/follow-ups/follow-ups.service';
import { countRows, GraphQLClient, TEST_PASSWORD } from '../support/test-app';

const SUBMIT = `mutation($id: ID!) { submitCaseStudy(id: $id) { id status } }`;
const QUESTIONNAIRE = `query($token: String!) { referenceQuestionnaire(token: $token) { outcomes { id } } }`;
const ANSWER = `mutation($token: String!, $input: ReferenceAnswerInput!) { answerReference(token: $token, input: $input) }`;
const PHONE = { width: 390, height: 844 };

describeBrowser('Verification in the browser', () => {
  let env: BrowserEnv;

  beforeAll(async () => {
    // Jobs on: submission queues the reference mails (kept in the outbox table without SMTP).
    env = await startBrowserEnv({}, { jobs: true });
  }, 120_000);
  afterAll(() => env?.close());

  /** Full-page screenshot from the top, without toasts over the content. */
  const shot = async (page: Page, name: string) => {
    for (const close of await page.getByRole('button', { name: 'Close notification' }).all()) await close.click().catch(() => undefined);
    await page.getByRole('button', { name: 'Close notification' }).first().waitFor({ state: 'detached' });
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await env.screenshot(page, name);
  };

  const expectAccessible = async (page: Page) => {
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).include('main').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  };

  /** A vendor submits a case study (one outcome: WAPE 32 % → 21 %) with one nominated reference. */
  async function submittedCaseStudy(vendorEmail: string, vendorName: string, referenceEmail: string, title: string, clientOverride?: { name: string; domain: string }) {
    const { client, vendorId } = await vendorWithOwner(env.t, vendorEmail, vendorName);
    const draft = await createDraft(client, vendorId, clientOverride ? { title, client: { ...clientOverride, anonymised: false, descriptor: null } } : { title });
    await nominate(client, draft.id, referenceEmail, 'Jane Client');
    const res = await client.query(SUBMIT, { id: draft.id });
    expect(res.errors).toBeUndefined();
    return { vendor: client, vendorId, caseStudyId: draft.id };
  }

  /** The questionnaire link's token, from the mail kept in the outbox. */
  async function referenceToken(email: string): Promise<string> {
    const rows: Array<{ text_body: string }> = await env.t.dataSource.query(`SELECT text_body FROM mail_messages WHERE to_address = $1 ORDER BY created_at DESC LIMIT 1`, [email]);
    const match = /\/r\/([A-Za-z0-9_-]+)/.exec(rows[0]?.text_body ?? '');
    if (!match) throw new Error(`no questionnaire link mailed to ${email}`);
    return match[1];
  }

  async function answerByApi(token: string) {
    const anonymous = env.t.client();
    const q = await anonymous.query<{ referenceQuestionnaire: { outcomes: Array<{ id: string }> } }>(QUESTIONNAIRE, { token });
    const outcomes = q.data!.referenceQuestionnaire.outcomes.map((o) => ({ outcomeClaimId: o.id, achieved: 'partly', observedValue: 23 }));
    const res = await anonymous.query(ANSWER, {
      token,
      input: { outcomes, inProduction: 'yes', handoverRating: 3, onTime: 4, onBudget: 2, communication: 5, wouldHireAgain: true, comments: 'Good team, the forecast still runs every week.' },
    });
    expect(res.errors).toBeUndefined();
  }

  /** A radio group's option, found by the group's name (several groups offer "Yes"). */
  const option = (scope: Page | Locator, group: string | RegExp, name: string) => scope.getByRole('radiogroup', { name: group }).getByRole('radio', { name, exact: true });

  it('lets a reference answer the questionnaire on a phone, once', async () => {
    await submittedCaseStudy('owner@larkspur.example', 'Larkspur Analytics', 'jane@acme-retail.example', 'Demand forecasting for 400 stores');
    const token = await referenceToken('jane@acme-retail.example');

    const { page } = await env.newPage(PHONE);
    await page.goto(`/r/${token}`);
    await page.getByRole('heading', { name: 'Hello Jane Client,' }).waitFor();
    const main = page.locator('main');
    await main.getByText('Forecast error (WAPE) went from 32 % to 21 % (lower is better)').first().waitFor();
    await expectAccessible(page);
    await shot(page, 'verification-01-questionnaire-phone');

    // Nothing chosen: the required questions say so, under themselves.
    await main.getByRole('button', { name: 'Send answers' }).click();
    await main.getByText('Choose an answer — “Can’t say” is fine.').first().waitFor();
    await main.getByText('Choose yes or no.').waitFor();
    await shot(page, 'verification-02-questionnaire-phone-missing-answers');

    const outcome = main.getByRole('group', { name: 'Forecast error (WAPE)' });
    await option(outcome, 'Was this achieved?', 'Yes').click();
    await outcome.getByLabel('What value did you see? (%)').fill('22');
    await option(main, /Is it in production now\?/, 'Yes').click();
    await option(main, /Can your team run it without the consultancy\?/, '4 of 5').click();
    await option(main, /Did they deliver on time\?/, '5 of 5: Fully on time').click();
    await option(main, /Did they stay on budget\?/, '3 of 5').click();
    await option(main, /How was their communication\?/, '4 of 5').click();
    await option(main, 'Would you hire them again?', 'Yes').click();
    await main.getByLabel('Anything else?').fill('The forecast is still used for every weekly order.');
    // Every answer is a big target on a phone.
    const box = await option(main, 'Would you hire them again?', 'Yes').boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await shot(page, 'verification-03-questionnaire-phone-filled');
    // The narrowest common phone: one column, nothing wider than the screen.
    await page.setViewportSize({ width: 375, height: 812 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(page, 'verification-03b-questionnaire-375');
    await page.setViewportSize(PHONE);

    await main.getByRole('button', { name: 'Send answers' }).click();
    await page.getByRole('heading', { name: 'Thank you!' }).waitFor();
    await shot(page, 'verification-04-questionnaire-thank-you');

    const rows: Array<{ status: string; would_hire_again: boolean; handover_rating: number; outcome_answers: Array<{ achieved: string; observedValue: number }> }> = await env.t.dataSource.query(
      `SELECT r.status, s.would_hire_again, s.handover_rating, s.outcome_answers FROM reference_requests r JOIN reference_responses s ON s.reference_request_id = r.id WHERE r.contact_email = $1`,
      ['jane@acme-retail.example'],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'answered', would_hire_again: true, handover_rating: 4 });
    expect(rows[0].outcome_answers[0]).toMatchObject({ achieved: 'yes', observedValue: 22 });

    // The link works once.
    await page.reload();
    await page.getByRole('heading', { name: 'Already answered' }).waitFor();
    expect(await countRows(env.t.dataSource, 'reference_responses', `reference_request_id IN (SELECT id FROM reference_requests WHERE contact_email = 'jane@acme-retail.example')`)).toBe(1);
  }, 90_000);

  it('lets a reference decline, with a reason', async () => {
    await submittedCaseStudy('owner@quill.example', 'Quill Data', 'sam@quill-client.example', 'Churn model for a telco');
    const token = await referenceToken('sam@quill-client.example');
    const { page } = await env.newPage(PHONE);
    await page.goto(`/r/${token}`);
    const main = page.locator('main');
    await main.getByRole('button', { name: 'I’d rather not answer' }).click();
    await main.getByLabel('Reason').fill('I left the company before the project ended.');
    await main.getByRole('button', { name: 'Decline to answer' }).scrollIntoViewIfNeeded();
    await env.screenshot(page, 'verification-05-questionnaire-decline-phone');
    await main.getByRole('button', { name: 'Decline to answer' }).click();
    await page.getByRole('heading', { name: 'Thank you for letting us know' }).waitFor();
    expect(await countRows(env.t.dataSource, 'reference_requests', `contact_email = 'sam@quill-client.example' AND status = 'declined'`)).toBe(1);
  }, 60_000);

  it('explains expired, used and broken links in plain words', async () => {
    await submittedCaseStudy('owner@tern.example', 'Tern Labs', 'ops@tern-client.example', 'Route optimisation');
    await submittedCaseStudy('owner@wren.example', 'Wren AI', 'ops@wren-client.example', 'Invoice extraction');
    const expired = await referenceToken('ops@tern-client.example');
    const used = await referenceToken('ops@wren-client.example');
    await env.t.dataSource.query(`UPDATE reference_requests SET expires_at = now() - interval '1 hour' WHERE contact_email = $1`, ['ops@tern-client.example']);
    await answerByApi(used);

    const { page } = await env.newPage(PHONE);
    await page.goto(`/r/${expired}`);
    await page.getByRole('heading', { name: 'This link has expired' }).waitFor();
    await page.getByText('they can ask Assay to send you a new link').waitFor();
    await shot(page, 'verification-06-link-expired-phone');

    await page.goto(`/r/${used}`);
    await page.getByRole('heading', { name: 'Already answered' }).waitFor();
    await shot(page, 'verification-07-link-used-phone');

    await page.goto(`/r/${used.slice(0, 20)}`);
    await page.getByRole('heading', { name: 'This link does not work' }).waitFor();
    await shot(page, 'verification-08-link-broken-phone');
    expect(await countRows(env.t.dataSource, 'reference_responses', `reference_request_id IN (SELECT id FROM reference_requests WHERE contact_email = 'ops@tern-client.example')`)).toBe(0);
  }, 60_000);

  it('lets a reviewer declare an affiliation', async () => {
    await env.t.signedInClient({ email: 'lena@audit-collective.example', displayName: 'Lena Reviewer', platformRoles: ['reviewer'] });
    const { page } = await env.newPage(PHONE);
    await page.goto('/sign-in?next=/review/affiliations');
    await page.getByLabel('Email').fill('lena@audit-collective.example');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Your affiliations', level: 1 }).waitFor();
    await page.getByText('No affiliations declared').waitFor();
    const main = page.locator('main');
    await main.getByRole('button', { name: 'Declare affiliation' }).click();
    await main.getByText('Enter a domain such as acme.com.').waitFor();
    await main.getByLabel('Email domain', { exact: true }).fill('northwind-retail.example');
    await main.getByLabel('Note').fill('Consulted for them in 2024');
    await main.getByRole('button', { name: 'Declare affiliation' }).click();
    await main.getByRole('list', { name: 'Declared affiliations' }).getByText('Email domain northwind-retail.example').waitFor();
    await shot(page, 'verification-19-affiliations-phone');
    expect(await countRows(env.t.dataSource, 'reviewer_affiliations', `domain = 'northwind-retail.example'`)).toBe(1);

    // Expertise: the fields whose tasks are offered to her first.
    await env.t.dataSource.query(`INSERT INTO reviewer_profiles (user_id, accredited_at) SELECT id, now() FROM users WHERE email = 'lena@audit-collective.example' ON CONFLICT DO NOTHING`);
    const expertise = main.getByRole('region', { name: 'Your expertise' });
    await expertise.getByRole('checkbox', { name: 'NLP' }).check();
    await expertise.getByRole('checkbox', { name: 'Forecasting / time series' }).check();
    await expertise.getByRole('button', { name: 'Save expertise' }).click();
    await page.getByText('Expertise saved').waitFor();
    await expertise.scrollIntoViewIfNeeded();
    await shot(page, 'verification-19b-expertise-phone');
    const [profile]: Array<{ expertise: string[] }> = await env.t.dataSource.query(`SELECT expertise FROM reviewer_profiles p JOIN users u ON u.id = p.user_id WHERE u.email = 'lena@audit-collective.example'`);
    expect(profile.expertise).toEqual(['forecasting', 'nlp']);
  }, 60_000);

  it('lets a reviewer accept a task Assay offered them and record a verdict', async () => {
    const title = 'Shelf-gap detection for 120 stores';
    const { caseStudyId } = await submittedCaseStudy('owner@heron.example', 'Heron Vision', 'lee@heron-grocers.example', title, { name: 'Heron Grocers', domain: 'heron-grocers.example' });
    await answerByApi(await referenceToken('lee@heron-grocers.example'));

    const reviewerEmail = 'rui@independent-review.example';
    const reviewer = await accreditedReviewer(await testAdmin(env.t), reviewerEmail, 'Rui Reviewer');
    // The draw is random; the test names the reviewer through an admin's assignTask.
    const [primary]: Array<{ id: string }> = await env.t.dataSource.query(`SELECT id FROM verification_tasks WHERE case_study_id = $1 AND kind = 'primary'`, [caseStudyId]);
    const me = (await reviewer.query<{ me: { id: string } }>(`{ me { id } }`)).data!.me.id;
    expect((await (await testAdmin(env.t)).query(ASSIGN, { taskId: primary.id, reviewerId: me })).errors).toBeUndefined();

    const { page } = await env.newPage();
    await page.goto('/sign-in?next=/review');
    await page.getByLabel('Email').fill(reviewerEmail);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Your review tasks', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Your tasks' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review' }).waitFor();

    // No open list to pick from: only what the draw offered, with until when.
    const offers = page.getByRole('list', { name: 'Tasks offered to you' });
    const task = offers.getByRole('listitem').filter({ hasText: title });
    await task.getByText('Heron Vision for Heron Grocers · 1 outcome to verify').waitFor();
    await task.getByText(/after that it goes to another reviewer/).waitFor();
    await shot(page, 'verification-09-review-offers');

    await task.getByRole('button', { name: 'Accept' }).click();
    await page.waitForURL('**/review/tasks/*');
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    const main = page.locator('main');
    await main.getByText('Goes to another reviewer in 2 days').first().waitFor();
    // The claim next to what the reference said and saw.
    const comparison = main.getByRole('region', { name: 'Answers about Forecast error (WAPE)' });
    await comparison.getByRole('row', { name: /Jane Client/ }).getByText('Partly').waitFor();
    await comparison.getByRole('row', { name: /Jane Client/ }).getByText('23 %').waitFor();
    await main.getByText('Good team, the forecast still runs every week.').waitFor();
    await shot(page, 'verification-10-task');

    // The page lists it under "Your tasks", with when it goes to another reviewer.
    await page.getByRole('link', { name: 'Your review tasks' }).click();
    const held = page.getByRole('list', { name: 'Tasks you hold' }).getByRole('listitem').filter({ hasText: title });
    await held.getByText('Goes to another reviewer in 2 days').waitFor();
    await shot(page, 'verification-10b-your-tasks');
    await held.getByRole('link', { name: 'Open task' }).click();
    await page.getByRole('heading', { name: 'Your verdict' }).waitFor();

    // Inline validation before anything is sent.
    await main.getByRole('button', { name: 'Submit verdict' }).click();
    await main.getByText('Choose a result for this outcome.').waitFor();
    await main.getByText('Confirm that you have no conflict of interest with the consultancy or the client.').waitFor();
    expect(await countRows(env.t.dataSource, 'verdicts', 'case_study_id = $1', [caseStudyId])).toBe(0);

    const outcome = main.getByRole('group', { name: 'Outcome 1: Forecast error (WAPE)' });
    await option(outcome, 'Result for Forecast error (WAPE)', 'Partly verified').click();
    await outcome.getByLabel('Verified value (%)').fill('25');
    await outcome.getByText('That is 64% of the claimed improvement.').waitFor();
    await option(main, 'Production status', 'In production').click();
    await option(main, 'Handover: who runs it now?', 'The client’s team runs it alone').click();
    await option(main, 'Was there a proper baseline?', 'Yes').click();
    await option(main, 'Held-out or online evaluation?', 'Yes').click();
    await option(main, 'Was leakage checked?', 'No').click();
    await option(main, 'Is it monitored in production?', 'Not assessed').click();
    await main.getByLabel('Notes', { exact: true }).fill('The holdout notebook shows WAPE 25 %, not 21 %; the reference saw 23 %.');
    await main.getByLabel('Conflict-of-interest declaration').fill('None.');
    await main.getByRole('checkbox', { name: /I have no conflict of interest/ }).check();
    await main.getByText('With these results the case study becomes:').waitFor();
    await shot(page, 'verification-11-verdict-form-filled');

    await main.getByRole('button', { name: 'Submit verdict' }).click();
    await main.getByText('Verdict recorded').waitFor();
    await main.getByRole('status').getByText('Partly verified').waitFor();
    await shot(page, 'verification-12-verdict-recorded');

    const [cs]: Array<{ status: string }> = await env.t.dataSource.query(`SELECT status FROM case_studies WHERE id = $1`, [caseStudyId]);
    expect(cs.status).toBe('partially_verified');
    const [claim]: Array<{ verified_value: number; verification_status: string }> = await env.t.dataSource.query(`SELECT verified_value, verification_status FROM outcome_claims WHERE case_study_id = $1`, [caseStudyId]);
    expect(claim).toMatchObject({ verified_value: 25, verification_status: 'partially_verified' });
  }, 120_000);

  /** An accredited reviewer (with a reviewer profile, as admins list them). */
  async function accreditedReviewer(admin: GraphQLClient, email: string, displayName: string): Promise<GraphQLClient> {
    const client = await env.t.signedInClient({ email, displayName, platformRoles: ['reviewer'] });
    expect((await admin.query(`mutation($email: String!) { accreditReviewer(email: $email) }`, { email })).errors).toBeUndefined();
    return client;
  }

  /** Claims the task of `kind` on the case study and records a verdict with one result for every outcome. */
  async function verdictByApi(reviewer: GraphQLClient, caseStudyId: string, kind: 'primary' | 'spot_check', result: string, verifiedValue: number | null) {
    const { taskId, outcomeIds } = await takeTask(env.t, reviewer, caseStudyId, kind);
    const outcomes = outcomeIds.map((id) => ({ outcomeClaimId: id, result, verifiedValue }));
    const res = await reviewer.query(`mutation($input: SubmitVerdictInput!) { submitVerdict(input: $input) { id status } }`, {
      input: {
        taskId,
        outcomes,
        productionStatus: 'in_production',
        handover: 'joint',
        rubric: { properBaseline: true, heldOutOrOnlineEvaluation: false, leakageChecked: null, monitoringInProduction: true, notes: '' },
        notes: 'The uplift was measured against last year, not a holdout; the reference could not confirm the figure.',
        conflictDeclaration: 'None.',
        noConflictOfInterest: true,
      },
    });
    expect(res.errors).toBeUndefined();
  }

  const signedInPage = async (client: GraphQLClient, viewport?: { width: number; height: number }) => {
    const { page, context } = await env.newPage(viewport);
    await context.addCookies([{ name: 'assay_session', value: client.getCookie('assay_session')!, url: env.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
    return page;
  };

  it('shows the vendor its verdict and timeline to reply to and dispute; admins require a spot check, uphold the dispute and manage reviewers', async () => {
    const title = 'Fraud scoring for card payments';
    const { vendor, caseStudyId } = await submittedCaseStudy('owner@osprey.example', 'Osprey Analytics', 'ana@osprey-bank.example', title, { name: 'Osprey Bank', domain: 'osprey-bank.example' });
    await answerByApi(await referenceToken('ana@osprey-bank.example'));
    const admin = await env.t.signedInClient({ email: 'admin@assay.example', displayName: 'Ada Admin', platformRoles: ['admin'] });
    const first = await accreditedReviewer(admin, 'mo@reviewers-guild.example', 'Mo Reviewer');
    const second = await accreditedReviewer(admin, 'noor@second-opinion.example', 'Noor Reviewer');
    await verdictByApi(first, caseStudyId, 'primary', 'refuted', 31);

    // An admin asks for a second opinion from the case study's page.
    const adminPage = await signedInPage(admin);
    await adminPage.goto(`/case-studies/${caseStudyId}`);
    await adminPage.getByRole('heading', { name: title, level: 1 }).waitFor();
    await adminPage.getByRole('button', { name: 'Require spot check' }).click();
    await adminPage.getByText(/A spot check is offered to a reviewer drawn at random/).waitFor();

    // The task list shows the check, why it exists (a new reviewer's verdict; the admin asked too) and where the draw placed it.
    await adminPage.goto('/admin/tasks');
    await adminPage.getByRole('heading', { name: 'Verification tasks', level: 1 }).waitFor();
    const row = adminPage.getByRole('row').filter({ hasText: title });
    await row.getByText(/the first reviewer is new to Assay; an administrator asked for it/).waitFor();
    await row.getByText('Independent check').waitFor();
    await shot(adminPage, 'verification-12b-admin-tasks');
    await verdictByApi(second, caseStudyId, 'spot_check', 'refuted', 30);

    // The vendor sees the verdict (not the internal spot check) and where it stands.
    const page = await signedInPage(vendor);
    await page.goto(`/case-studies/${caseStudyId}`);
    const main = page.locator('main');
    await main.getByRole('heading', { name: 'Verdicts' }).waitFor();
    await main.getByRole('heading', { name: 'Verification status' }).waitFor();
    const steps = main.getByRole('list', { name: 'Verification steps' });
    await steps.getByText('Submitted for verification').waitFor();
    await steps.getByText('Reference answered').waitFor();
    await steps.getByText('Verdict: Not verified').waitFor();
    expect(await main.getByText('Spot check of').count()).toBe(0);
    await shot(page, 'verification-13-vendor-verdict-and-timeline');

    const verdict = main.getByRole('article').filter({ hasText: 'Verdict of' });
    await verdict.getByRole('button', { name: 'Write a reply' }).click();
    await verdict.getByLabel('Your public reply').fill('We measured on a holdout that the reviewer did not see; we have sent it to Assay.');
    await verdict.getByRole('button', { name: 'Reply', exact: true }).click();
    await verdict.getByText('We measured on a holdout that the reviewer did not see').waitFor();
    await verdict.getByRole('button', { name: 'Dispute this verdict…' }).click();
    await verdict.getByLabel('Why the verdict is wrong').fill('The reviewer compared against last year instead of the agreed holdout period.');
    await verdict.getByRole('button', { name: 'Dispute verdict' }).click();
    await verdict.getByText('Under dispute').waitFor();
    await steps.getByText('Verdict disputed').waitFor();
    await shot(page, 'verification-14-vendor-disputed');
    expect(await countRows(env.t.dataSource, 'disputes', `case_study_id = $1 AND status = 'open'`, [caseStudyId])).toBe(1);

    // The same page on a phone.
    const phone = await signedInPage(vendor, PHONE);
    await phone.goto(`/case-studies/${caseStudyId}`);
    await phone.getByRole('heading', { name: 'Verdicts' }).waitFor();
    await shot(phone, 'verification-15-vendor-case-study-phone');

    // An admin reads the dispute next to the verdict and upholds it.
    await adminPage.goto('/admin/disputes');
    await adminPage.getByRole('heading', { name: 'Disputes', level: 1 }).waitFor();
    const dispute = adminPage.getByRole('article').filter({ hasText: title });
    await dispute.getByText('The reviewer compared against last year instead of the agreed holdout period.').waitFor();
    // Amending offers the verdict's findings to correct, outcome by outcome.
    await option(dispute, 'Decision', 'Amend the verdict').click();
    await option(dispute, 'Result for Forecast error (WAPE)', 'Refuted').waitFor();
    expect(await option(dispute, 'Result for Forecast error (WAPE)', 'Refuted').isChecked()).toBe(true);
    await shot(adminPage, 'verification-16-admin-dispute-amend');
    await option(dispute, 'Decision', 'Uphold the verdict').click();
    await dispute.getByLabel('Note to the consultancy').fill('The holdout period in the contract is the one the reviewer used.');
    await shot(adminPage, 'verification-17-admin-dispute-uphold');
    await dispute.getByRole('button', { name: 'Uphold verdict' }).click();
    await adminPage.getByText('No open disputes').waitFor();
    const [cs]: Array<{ status: string }> = await env.t.dataSource.query(`SELECT status FROM case_studies WHERE id = $1`, [caseStudyId]);
    expect(cs.status).toBe('unverified');

    // Reviewers: the spot check's agreement, accreditation by email, revocation with a confirmation.
    await env.t.signedInClient({ email: 'new.reviewer@independent.example', displayName: 'Nia Newcomer' });
    await env.t.dataSource.query(`UPDATE reviewer_profiles SET expertise = '{forecasting,nlp}' WHERE user_id = (SELECT id FROM users WHERE display_name = 'Mo Reviewer')`);
    await adminPage.goto('/admin/reviewers');
    await adminPage.getByRole('heading', { name: 'Reviewers', level: 1 }).waitFor();
    const table = adminPage.getByRole('region', { name: 'Reviewers table' });
    await table.getByRole('row', { name: /Mo Reviewer/ }).getByText('1 of 1 spot check agreed').waitFor();
    await table.getByRole('row', { name: /Mo Reviewer/ }).getByText('Forecasting / time series, NLP').waitFor();
    await adminPage.getByLabel('Reviewer’s email').fill('new.reviewer@independent.example');
    await adminPage.getByRole('button', { name: 'Accredit reviewer' }).click();
    await table.getByRole('row', { name: /Nia Newcomer/ }).waitFor();
    await shot(adminPage, 'verification-18-admin-reviewers');
    await table.getByRole('row', { name: /Nia Newcomer/ }).getByRole('button', { name: 'Revoke Nia Newcomer' }).click();
    await adminPage.getByRole('dialog').filter({ hasText: 'Revoke Nia Newcomer’s accreditation?' }).getByRole('button', { name: 'Revoke', exact: true }).click();
    await table.getByRole('row', { name: /Nia Newcomer/ }).getByText(/^Revoked/).waitFor();
    expect(await countRows(env.t.dataSource, 'reviewer_profiles', `revoked_at IS NOT NULL AND user_id = (SELECT id FROM users WHERE email = 'new.reviewer@independent.example')`)).toBe(1);
  }, 150_000);

  it('asks a reference months later whether the system is still in production: one question, two buttons', async () => {
    const { caseStudyId } = await submittedCaseStudy('owner@plover.example', 'Plover AI', 'eva@plover-shop.example', 'Search ranking for a web shop', { name: 'Plover Shop', domain: 'plover-shop.example' });
    await answerByApi(await referenceToken('eva@plover-shop.example'));
    const admin = await env.t.signedInClient({ email: 'admin@follow-up.example', platformRoles: ['admin'] });
    await verdictByApi(await accreditedReviewer(admin, 'ike@follow-up-review.example', 'Ike Reviewer'), caseStudyId, 'primary', 'verified', 21);
    // Six months later the job mails the check.
    await env.t.app.get(FollowUpsService).sendDue(new Date(Date.now() + 190 * 86_400_000));
    const rows: Array<{ text_body: string }> = await env.t.dataSource.query(`SELECT text_body FROM mail_messages WHERE to_address = $1 AND subject LIKE '%still in production%'`, ['eva@plover-shop.example']);
    const token = /\/f\/([A-Za-z0-9_-]+)/.exec(rows[0].text_body)![1];

    const { page } = await env.newPage(PHONE);
    await page.goto(`/f/${token}`);
    await page.getByRole('heading', { name: 'Is “Search ranking for a web shop” still in production?' }).waitFor();
    await shot(page, 'verification-20-follow-up-phone');
    await page.getByRole('button', { name: 'Yes, still in production' }).click();
    await page.getByRole('heading', { name: 'Thank you!' }).waitFor();
    expect(await countRows(env.t.dataSource, 'follow_up_checks', `case_study_id = $1 AND status = 'answered' AND still_in_production`, [caseStudyId])).toBe(1);

    await page.reload();
    await page.getByRole('heading', { name: 'Already answered' }).waitFor();
  }, 90_000);
  it('lets the reviewer flag an anonymised case study whose text names the client; the vendor sees the flag, not who raised it', async () => {
    const { client: vendor, vendorId } = await vendorWithOwner(env.t, 'owner@sandpiper.example', 'Sandpiper Analytics');
    const draft = await createDraft(vendor, vendorId, {
      title: 'Churn prediction for a telecom operator',
      client: { name: 'Brightwave Telecom', domain: 'brightwave.example', anonymised: true, descriptor: 'A Nordic telecom operator' },
      problem: 'The operator behind the Aurora Unlimited plan lost 3 % of subscribers a month.',
    });
    await nominate(vendor, draft.id, 'cio@brightwave.example', 'Jane Client');
    expect((await vendor.query(SUBMIT, { id: draft.id })).errors).toBeUndefined();
    const reviewer = await accreditedReviewer(await testAdmin(env.t), 'noor@leak-review.example', 'Noor Reviewer');
    const task = { id: (await takeTask(env.t, reviewer, draft.id)).taskId };

    const page = await signedInPage(reviewer);
    await page.goto(`/review/tasks/${task.id}`);
    const section = page.getByRole('region', { name: 'Anonymity' });
    await section.getByRole('button', { name: 'Flag the leak' }).click();
    await section.getByText('Choose where the client is named.').waitFor();
    await section.getByRole('checkbox', { name: 'Problem' }).check();
    await section.getByLabel('What names the client').fill('“Aurora Unlimited” is the client’s own product name.');
    await section.getByRole('button', { name: 'Flag the leak' }).click();
    await section.getByText('Leak flagged').waitFor();
    await expectAccessible(page);
    await shot(page, 'verification-21-anonymity-leak-flagged');

    const vendorPage = await signedInPage(vendor);
    await vendorPage.goto(`/case-studies/${draft.id}`);
    const notice = vendorPage.getByRole('alert').filter({ hasText: 'A reviewer says this text names your anonymised client' });
    await notice.getByText(/In the problem .*“Aurora Unlimited” is the client’s own product name\./).waitFor();
    expect(await notice.getByText('Noor').count()).toBe(0);
    await expectAccessible(vendorPage);
    await shot(vendorPage, 'verification-22-anonymity-leak-vendor');
  }, 90_000);
});
