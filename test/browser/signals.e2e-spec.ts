import AxeBuilder from '@axe-core/playwright';
import { drainEvidence } from '../support/evidence-outbox';
import type { Page } from 'playwright-core';
import { DEFAULT_SIGNAL_CONFIG } from '@assay/signals';
import { BrowserEnv, describeBrowser, startBrowserEnv } from '../support/browser';
import { createDraft, nominate, vendorWithOwner, verifiedDomain } from '../support/factories';
import { takeTask } from '../support/ledger-flow';
import { GraphQLClient, TEST_PASSWORD } from '../support/test-app';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 812 };

const SUBMIT = `mutation($id: ID!) { submitCaseStudy(id: $id) { id } }`;
const QUESTIONNAIRE = `query($token: String!) { referenceQuestionnaire(token: $token) { outcomes { id } } }`;
const ANSWER = `mutation($token: String!, $input: ReferenceAnswerInput!) { answerReference(token: $token, input: $input) }`;
const VERDICT = `mutation($input: SubmitVerdictInput!) { submitVerdict(input: $input) { id } }`;

describeBrowser('Signals in the browser', () => {
  let env: BrowserEnv;
  let vendorId: string;

  const shot = async (page: Page, name: string) => {
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await env.screenshot(page, name);
  };

  const expectAccessible = async (page: Page) => {
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).include('main').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  };

  async function signIn(page: Page, email: string) {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    // Signed in: off the sign-in page, to the role's home (a vendor's owner: the vendor dashboard).
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    await page.locator('main h1').first().waitFor();
  }

  /** The vendor's evidence, made through the API: two case studies, answered references, verdicts by an accredited reviewer. */
  beforeAll(async () => {
    env = await startBrowserEnv();
    const t = env.t;
    const { client: owner, vendorId: id } = await vendorWithOwner(t, 'owner@lumen-signals.example', 'Lumen Analytics');
    vendorId = id;
    await verifiedDomain(t.dataSource, vendorId, 'lumen-signals.example');
    const admin = await t.signedInClient({ email: 'admin@signals-browser.example', platformRoles: ['admin'] });
    const reviewer = await t.signedInClient({ email: 'rui@independent-review.example' });
    expect((await admin.query(`mutation { accreditReviewer(email: "rui@independent-review.example") }`)).errors).toBeUndefined();
    await reviewer.query(`mutation($input: SignInInput!) { signIn(input: $input) { id } }`, { input: { email: 'rui@independent-review.example', password: TEST_PASSWORD } });

    const studies = [
      { title: 'Demand forecasting for 400 stores', references: ['jane@acme-retail.example', 'head.of.data@gmail.com', 'cto@lumen-signals.example'], verified: 21.5 },
      { title: 'Churn model for a telco', references: ['ops@acme-retail.example'], verified: 27 },
    ];
    for (const study of studies) {
      const draft = await createDraft(owner, vendorId, { title: study.title });
      for (const email of study.references) await nominate(owner, draft.id, email);
      expect((await owner.query(SUBMIT, { id: draft.id })).errors).toBeUndefined();
      await answerReferences(study.references);
      await recordVerdict(reviewer, draft.id, study.verified);
    }
    // The explanations are written by the evidence-outbox drain (this app runs no job workers).
    await drainEvidence(t);
  }, 180_000);
  afterAll(() => env?.close());

  async function answerReferences(emails: string[]) {
    for (const email of emails) {
      const rows: Array<{ text_body: string }> = await env.t.dataSource.query(`SELECT text_body FROM mail_messages WHERE to_address = $1 ORDER BY created_at DESC LIMIT 1`, [email]);
      const token = /\/r\/([A-Za-z0-9_-]+)/.exec(rows[0]?.text_body ?? '')?.[1];
      if (!token) continue; // a self-reference is refused and mailed nothing
      const anonymous = env.t.client();
      const q = await anonymous.query<{ referenceQuestionnaire: { outcomes: Array<{ id: string }> } }>(QUESTIONNAIRE, { token });
      const outcomes = q.data!.referenceQuestionnaire.outcomes.map((o) => ({ outcomeClaimId: o.id, achieved: 'yes', observedValue: null }));
      const input = { outcomes, inProduction: 'yes', handoverRating: 4, onTime: 4, onBudget: 3, communication: 5, wouldHireAgain: true, comments: '' };
      expect((await anonymous.query(ANSWER, { token, input })).errors).toBeUndefined();
    }
  }

  async function recordVerdict(reviewer: GraphQLClient, caseStudyId: string, verifiedValue: number) {
    const task = await takeTask(env.t, reviewer, caseStudyId);
    const input = {
      taskId: task.taskId,
      outcomes: task.outcomeIds.map((id) => ({ outcomeClaimId: id, result: verifiedValue < 22 ? 'verified' : 'partially_verified', verifiedValue })),
      productionStatus: 'in_production',
      handover: 'client_alone',
      rubric: { properBaseline: true, heldOutOrOnlineEvaluation: true, leakageChecked: true, monitoringInProduction: true, notes: '' },
      notes: '',
      conflictDeclaration: 'None.',
      noConflictOfInterest: true,
    };
    expect((await reviewer.query(VERDICT, { input })).errors).toBeUndefined();
  }

  it('publishes the methodology from the API, reachable from the footer, at desktop and phone width', async () => {
    const { page } = await env.newPage(DESKTOP);
    await page.goto('/consultancies');
    await page.getByRole('navigation', { name: 'Footer' }).getByRole('link', { name: 'Methodology' }).click();
    await page.waitForURL('**/methodology');
    await page.getByRole('heading', { name: 'How Assay computes its signals', level: 1 }).waitFor();
    const main = page.locator('main');
    await main.getByText(`Methodology version ${DEFAULT_SIGNAL_CONFIG.version}`).waitFor();
    await main.getByRole('heading', { name: 'Verified delivery', level: 3 }).waitFor();
    // Every constant is listed with the value the code uses.
    const halfLife = main.locator('[id="constant-recency.halfLifeDays"]');
    await halfLife.getByText(String(DEFAULT_SIGNAL_CONFIG.recency.halfLifeDays), { exact: true }).waitFor();
    expect(await main.locator('[id^="constant-"]').count()).toBeGreaterThanOrEqual(38);
    await expectAccessible(page);
    await shot(page, 'signals-01-methodology-desktop');
    // The contents link to their sections, which clear the fixed header.
    await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Every constant' }).click();
    await page.waitForFunction(() => location.hash === '#constants');
    await page.waitForFunction(() => {
      const top = document.getElementById('constants')!.getBoundingClientRect().top;
      return top >= 64 && top < 200;
    });

    const phone = (await env.newPage(PHONE)).page;
    await phone.goto('/methodology');
    await phone.getByRole('heading', { name: 'How Assay computes its signals', level: 1 }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(phone, 'signals-02-methodology-phone');
  }, 90_000);

  it('shows a vendor its signals with a forest plot, flags, explanations and hints, at desktop and phone width', async () => {
    const { page } = await env.newPage(DESKTOP);
    await signIn(page, 'owner@lumen-signals.example');
    await page.getByRole('navigation', { name: 'Main' }).first().getByRole('link', { name: 'Signals' }).click();
    await page.waitForURL(`**/vendor/${vendorId}/signals`);
    await page.getByRole('heading', { name: 'Your signals', level: 1 }).waitFor();
    const main = page.locator('main');

    // The forest plot: a drawing for the eye, and the same numbers as a table for screen readers.
    const plot = main.locator('figure');
    await plot.locator('svg.recharts-surface').waitFor();
    const table = plot.getByRole('table', { name: /Signals of Lumen Analytics/ });
    expect(await table.getByRole('row').count()).toBe(1 + 7);
    await table.getByRole('rowheader', { name: 'Verified delivery' }).waitFor();
    // One dot per signal with evidence; a signal without any draws no dot and says why (issue 18).
    const withoutData = await table.getByRole('cell', { name: /^— \(no data yet: / }).count();
    expect(await plot.locator('svg.recharts-surface circle').count()).toBe(7 - withoutData);
    expect(await plot.locator('svg.recharts-surface tspan', { hasText: /^No data yet$/ }).count()).toBe(withoutData);

    // Flags in plain words: the self-reference and the free-mail answer.
    const flags = main.getByRole('region', { name: 'Integrity flags' });
    await flags.getByText(/vendor’s own domain|your own domain/).first().waitFor();
    await flags.getByText(/free-mail/).first().waitFor();

    // The Assay score is open: its evidence, most influential first, with weight and effect, and hints.
    const bySignal = main.getByRole('region', { name: 'Signal by signal' });
    await bySignal.getByRole('heading', { name: 'What moved it' }).first().waitFor();
    await bySignal.getByText(/^Weight /).first().waitFor();
    await bySignal.getByRole('heading', { name: 'What would improve it' }).first().waitFor();
    await bySignal.getByRole('button', { name: /Verified delivery/ }).click();
    await bySignal.getByText(/Your weakest signal|Submit case studies with measurable outcomes/).first().waitFor();
    await expectAccessible(page);
    await shot(page, 'signals-03-vendor-signals-desktop');

    const phone = (await env.newPage(PHONE)).page;
    await signIn(phone, 'owner@lumen-signals.example');
    await phone.goto(`/vendor/${vendorId}/signals`);
    await phone.locator('main figure svg.recharts-surface').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(phone, 'signals-04-vendor-signals-phone');
  }, 90_000);

  it('keeps the page to the vendor’s members', async () => {
    await env.t.signedInClient({ email: 'buyer@curious.example' });
    const { page } = await env.newPage(PHONE);
    await signIn(page, 'buyer@curious.example');
    await page.goto(`/vendor/${vendorId}/signals`);
    await page.getByText('Only members of this consultancy see this page').waitFor();
    await shot(page, 'signals-05-not-a-member');
  }, 60_000);
});
