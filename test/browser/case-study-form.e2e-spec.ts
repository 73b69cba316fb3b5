import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { pngBytes } from '../../apps/api/src/modules/evidence/__tests__/evidence-fixtures';
import { BrowserEnv, describeBrowser, startBrowserEnv } from '../support/browser';
import { caseStudyInput, createDraft, nominate, vendorWithOwner, verifiedDomain } from '../support/factories';
import { countRows, GraphQLClient } from '../support/test-app';

describeBrowser('Case-study form in the browser', () => {
  let env: BrowserEnv;
  let dataDir: string;

  beforeAll(async () => {
    // Evidence files are stored under the data folder.
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-case-study-browser-'));
    env = await startBrowserEnv({ ASSAY_DATA_DIR: dataDir });
  }, 120_000);
  afterAll(async () => {
    await env?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** Full-page screenshot from the top (so the fixed header is not painted mid-page), without toasts over the content. */
  const shot = async (page: Page, name: string) => {
    for (const close of await page.getByRole('button', { name: 'Close notification' }).all()) await close.click().catch(() => undefined);
    await page.getByRole('button', { name: 'Close notification' }).first().waitFor({ state: 'detached' });
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await env.screenshot(page, name);
  };

  /** A page signed in with the API client's session (the sign-in form has its own test). */
  const signedInPage = async (client: GraphQLClient, viewport?: { width: number; height: number }) => {
    const { page, context } = await env.newPage(viewport);
    await context.addCookies([{ name: 'assay_session', value: client.getCookie('assay_session')!, url: env.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
    return { page, context };
  };

  it('lets a vendor fill the case study step by step, upload evidence with visible progress, nominate references (one refused as a self-reference) and submit it', async () => {
    const { client: owner, vendorId } = await vendorWithOwner(env.t, 'mara@orbital.example', 'Orbital ML');
    // Its own domain is verified, so a contact there is a self-reference.
    await verifiedDomain(env.t.dataSource, vendorId, 'orbital.example');

    const { page, context } = await signedInPage(owner);
    await page.goto('/organizations');
    await page.getByRole('heading', { name: 'Your organizations' }).waitFor();

    // The header links to the vendor's case studies; none yet.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Case studies' }).click();
    await page.waitForURL(`**/vendor/${vendorId}/case-studies`);
    const main = page.locator('main');
    await main.getByText('No case studies yet').waitFor();
    await shot(page, 'case-study-01-empty-list');
    await main.getByRole('link', { name: 'New case study' }).click();

    // Step 1: inline validation before anything is saved.
    await page.getByRole('heading', { name: '1. Engagement' }).waitFor();
    await main.getByRole('button', { name: 'Next' }).click();
    await main.getByText('Give the case study a title of at least 3 characters.').waitFor();
    await main.getByText(/Please correct the \d+ highlighted fields/).waitFor();
    expect(await countRows(env.t.dataSource, 'case_studies', 'vendor_id = $1', [vendorId])).toBe(0);
    await shot(page, 'case-study-02-engagement-errors');

    await main.getByLabel('Title').fill('Demand forecasting for 400 stores');
    await main.getByLabel('Client organization').fill('Acme Retail');
    await main.getByLabel('Client domain').fill('acme-retail.example');
    await main.getByLabel('Show the client anonymised to buyers').check();
    await main.getByLabel('How buyers see the client').fill('a European grocery chain');
    await main.getByLabel('The client’s problem').fill('Stock-outs and waste from spreadsheet forecasts.');
    await main.getByLabel('Your approach').fill('Gradient-boosted models per store cluster, retrained weekly, with drift monitoring.');
    await main.getByLabel('Started on').fill('2024-01-15');
    await main.getByLabel('Ended on').fill('2024-09-30');
    await main.getByLabel('Team size').fill('5');
    for (const tag of ['python', 'lightgbm', 'airflow']) {
      await main.getByLabel('Technology stack').fill(tag);
      await main.getByLabel('Technology stack').press('Enter');
    }
    await shot(page, 'case-study-03-engagement');
    await main.getByRole('button', { name: 'Next' }).click();

    // Leaving step 1 created the draft; the form continues on its edit page.
    await page.waitForURL(/\/case-studies\/[0-9a-f-]{36}\/edit\?step=2$/);
    const caseStudyId = /case-studies\/([0-9a-f-]{36})/.exec(page.url())![1];
    await page.getByRole('heading', { name: '2. Outcomes' }).waitFor();
    expect(await countRows(env.t.dataSource, 'case_studies', `id = $1 AND status = 'draft' AND client_anonymised`, [caseStudyId])).toBe(1);

    // Step 2: the live hint applies the server's rule while typing.
    const first = main.getByRole('group', { name: 'Outcome 1' });
    await first.getByLabel('Metric').fill('Forecast error (WAPE)');
    await first.getByLabel('Unit').fill('%');
    await first.getByLabel('Direction').selectOption({ label: 'Lower is better' });
    await first.getByLabel('Baseline').fill('32');
    await first.getByLabel('Claimed value').fill('40');
    await first.getByText(/Not an improvement\. The claimed value \(40\) must be lower than the baseline \(32\)/).waitFor();
    await first.getByLabel('Claimed value').fill('21');
    await first.getByText('Claimed improvement: 11 % better than the baseline (34.4%).').waitFor();
    await first.getByLabel('Measured on').fill('2024-09-01');
    await first.getByLabel('How it was measured').selectOption({ label: 'Held-out test set' });

    await main.getByRole('button', { name: 'Add outcome' }).click();
    const second = main.getByRole('group', { name: 'Outcome 2' });
    await second.getByLabel('Metric').fill('Weekly stock-outs');
    await second.getByLabel('Unit').fill('per store');
    await second.getByLabel('Direction').selectOption({ label: 'Higher is better' });
    await second.getByLabel('Baseline').fill('4.2');
    await second.getByLabel('Claimed value').fill('1.1');
    await second.getByLabel('Measured on').fill('2024-09-01');
    await second.getByLabel('How it was measured').selectOption({ label: 'Other (describe it)' });
    await main.getByRole('button', { name: 'Next' }).click();
    // Row 2 is refused in place: the wrong direction, and the note that "Other" needs.
    await second.getByText('The claimed value (1.1) must be higher than the baseline (4.2), because higher is better for this metric.').waitFor();
    await second.getByText('Describe in a sentence how this outcome was measured.').waitFor();
    await shot(page, 'case-study-04-outcomes-errors');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'case-study-05-outcomes-errors-phone');
    await page.setViewportSize({ width: 1280, height: 860 });

    await second.getByLabel('Direction').selectOption({ label: 'Lower is better' });
    await second.getByText(/must be higher than the baseline/).waitFor({ state: 'detached' });
    await second.getByLabel('Method note').fill('Store-week counts from the replenishment system, 8 weeks before vs. 8 weeks after go-live.');
    await second.getByText(/Claimed improvement: 3\.1 per store better than the baseline/).waitFor();
    // A third row added by mistake is removed again.
    await main.getByRole('button', { name: 'Add outcome' }).click();
    await main.getByRole('button', { name: 'Remove outcome 3' }).click();
    await main.getByRole('group', { name: 'Outcome 3' }).waitFor({ state: 'detached' });
    await shot(page, 'case-study-06-outcomes');
    await main.getByRole('button', { name: 'Next' }).click();

    // Step 3: go-live date only once "In production" is chosen.
    await page.getByRole('heading', { name: '3. Production & handover' }).waitFor();
    expect(await countRows(env.t.dataSource, 'outcome_claims', 'case_study_id = $1', [caseStudyId])).toBe(2);
    expect(await main.getByLabel('Went live on').count()).toBe(0);
    await main.getByRole('radio', { name: 'In production', exact: true }).check();
    await main.getByLabel('Went live on').fill('2024-07-01');
    await main.getByRole('radio', { name: 'The client’s team runs it alone' }).check();
    await shot(page, 'case-study-07-production');
    await main.getByRole('button', { name: 'Next' }).click();

    // Step 4: evidence, uploaded on a slow uplink (200 KB/s) so its progress can be seen.
    await page.getByRole('heading', { name: '4. Evidence' }).waitFor();
    expect(await countRows(env.t.dataSource, 'case_studies', `id = $1 AND production_status = 'in_production' AND handover = 'client_alone'`, [caseStudyId])).toBe(1);
    await main.getByText('No evidence attached yet.').waitFor();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: 4 * 1024 * 1024, uploadThroughput: 200 * 1024 });
    await main.getByLabel('Evidence files', { exact: true }).setInputFiles([{ name: 'wape-dashboard.png', mimeType: 'image/png', buffer: pngBytes(420, 400, { noisy: true }) }]);
    const progress = main.getByRole('progressbar', { name: 'Uploading wape-dashboard.png' });
    await page.waitForFunction(() => {
      const now = Number(document.querySelector('[aria-label="Uploading wape-dashboard.png"]')?.getAttribute('aria-valuenow') ?? 0);
      return now > 0 && now < 100;
    });
    await progress.waitFor();
    await shot(page, 'case-study-08-evidence-uploading');
    await main.getByTestId('evidence-item').filter({ hasText: 'wape-dashboard.png' }).waitFor({ timeout: 20_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    expect(await countRows(env.t.dataSource, 'evidence_items', 'case_study_id = $1', [caseStudyId])).toBe(1);
    await shot(page, 'case-study-09-evidence-uploaded');
    await main.getByRole('button', { name: 'Next' }).click();

    // Step 5: a self-reference is refused with its reason; a client contact is strong.
    await page.getByRole('heading', { name: '5. References' }).waitFor();
    await main.getByLabel('Contact name').fill('Sam Orbital');
    await main.getByLabel('Contact email').fill('sam@orbital.example');
    await main.getByLabel('Role').fill('Our CTO');
    await main.getByRole('button', { name: 'Nominate reference' }).click();
    const refs = main.getByRole('list', { name: 'References' });
    await refs.getByText('Refused: self-reference').waitFor();
    await refs.getByText(/own/i).first().waitFor();

    await main.getByLabel('Contact name').fill('Jane Planner');
    await main.getByLabel('Contact email').fill('jane@acme-retail.example');
    await main.getByLabel('Role').fill('Head of Planning');
    await main.getByRole('button', { name: 'Nominate reference' }).click();
    await refs.getByText('Jane Planner').waitFor();
    await refs.getByText('Strong: client’s domain').waitFor();
    // Refused nominations stay on record: only Jane can be removed.
    expect(await refs.getByRole('button', { name: /Remove reference/ }).count()).toBe(1);
    await main.getByRole('button', { name: 'Nominate reference' }).and(page.locator(':not([data-loading])')).waitFor();
    await shot(page, 'case-study-10-references');
    await main.getByRole('button', { name: 'Next' }).click();

    // Step 6: review and submit.
    await page.getByRole('heading', { name: '6. Review & submit' }).waitFor();
    await main.getByText('Forecast error (WAPE)').waitFor();
    await shot(page, 'case-study-11-review');
    await main.getByRole('button', { name: 'Submit for verification' }).click();

    await page.waitForURL(`**/case-studies/${caseStudyId}`);
    await page.getByRole('heading', { name: 'Demand forecasting for 400 stores', level: 1 }).waitFor();
    await main.getByRole('button', { name: 'Start a revision' }).waitFor();
    await main.getByRole('heading', { name: 'Revision history' }).waitFor();
    expect(await countRows(env.t.dataSource, 'case_studies', `id = $1 AND status = 'submitted'`, [caseStudyId])).toBe(1);
    expect(await countRows(env.t.dataSource, 'reference_requests', `case_study_id = $1 AND status = 'refused'`, [caseStudyId])).toBe(1);
    expect(await countRows(env.t.dataSource, 'reference_requests', `case_study_id = $1 AND status <> 'refused'`, [caseStudyId])).toBe(1);
    await shot(page, 'case-study-12-submitted');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'case-study-13-submitted-phone');
    await page.setViewportSize({ width: 1280, height: 860 });

    // The list shows it as submitted, with the anonymised client.
    await page.goto(`/vendor/${vendorId}/case-studies`);
    const card = main.getByRole('article', { name: 'Demand forecasting for 400 stores' });
    await card.getByText('Submitted', { exact: true }).waitFor();
    await card.getByText('Anonymised to buyers').waitFor();
    await shot(page, 'case-study-14-list');
  }, 90_000);

  it('explains what a draft lacks, survives a concurrent edit, starts a revision, withdraws, and hides drafts from strangers', async () => {
    const { client: owner, vendorId } = await vendorWithOwner(env.t, 'theo@quill.example', 'Quill Data');
    const draft = await createDraft(owner, vendorId, { title: 'Churn model for a telco', problem: '', approach: '' });
    const { page } = await signedInPage(owner);
    const main = page.locator('main');

    // Submitting from the page lists what is missing, each with a link to its step.
    await page.goto(`/case-studies/${draft.id}`);
    await page.getByRole('heading', { name: 'Churn model for a telco', level: 1 }).waitFor();
    await main.getByRole('button', { name: 'Submit for verification' }).click();
    const problems = main.getByRole('alert').filter({ hasText: 'Not ready to submit yet' });
    await problems.getByText('Describe the problem the client had.').waitFor();
    await shot(page, 'case-study-15-not-ready');
    await problems.getByRole('link', { name: 'Go to Engagement' }).first().click();
    await page.getByRole('heading', { name: '1. Engagement' }).waitFor();

    // A colleague saves the draft meanwhile: the form says so instead of overwriting.
    const colleague = await owner.query(`mutation($input: UpdateCaseStudyInput!) { updateCaseStudy(input: $input) { version } }`, {
      input: { ...caseStudyInput(vendorId, { title: 'Churn model for a telco (edited)' }), vendorId: undefined, id: draft.id, expectedVersion: draft.version },
    });
    expect(colleague.errors).toBeUndefined();
    await main.getByLabel('The client’s problem').fill('Customers left without warning.');
    await main.getByLabel('Your approach').fill('A weekly churn score with reasons, fed into the retention team’s queue.');
    await main.getByRole('button', { name: 'Next' }).click();
    await main.getByText('Someone else changed this draft').waitFor();
    await shot(page, 'case-study-16-stale-version');
    await main.getByRole('button', { name: 'Reload the draft' }).click();
    await main.getByText('Someone else changed this draft').waitFor({ state: 'detached' });
    expect(await main.getByLabel('Title').inputValue()).toBe('Churn model for a telco (edited)');

    // Submitted case studies are corrected through a revision.
    await nominate(owner, draft.id, 'cio@acme-retail.example');
    expect((await owner.query(`mutation($id: ID!) { submitCaseStudy(id: $id) { status } }`, { id: draft.id })).errors).toBeUndefined();
    await page.goto(`/case-studies/${draft.id}`);
    await main.getByRole('button', { name: 'Start a revision' }).click();
    await page.getByRole('heading', { name: 'Edit revision 2', level: 1 }).waitFor();
    const revisionId = /case-studies\/([0-9a-f-]{36})\/edit/.exec(page.url())![1];
    expect(revisionId).not.toBe(draft.id);

    // Withdrawing asks first and says it stays on record.
    await page.goto(`/case-studies/${revisionId}`);
    await main.getByRole('heading', { name: 'Revision history' }).waitFor();
    await main.getByRole('link', { name: 'Revision 1' }).waitFor();
    await main.getByRole('button', { name: 'Withdraw' }).click();
    const dialog = page.getByRole('dialog', { name: 'Withdraw this case study?' });
    await dialog.getByText('it stays on record as withdrawn').waitFor();
    await shot(page, 'case-study-17-withdraw-confirm');
    await dialog.getByRole('button', { name: 'Yes, withdraw it' }).click();
    await dialog.waitFor({ state: 'detached' });
    await main.getByRole('button', { name: 'Withdraw' }).waitFor({ state: 'detached' });
    expect(await countRows(env.t.dataSource, 'case_studies', `id = $1 AND status = 'withdrawn'`, [revisionId])).toBe(1);

    // Someone outside the consultancy cannot open the withdrawn revision.
    const stranger = await env.t.signedInClient({ email: 'nosy@elsewhere.example' });
    const { page: strangerPage } = await signedInPage(stranger, { width: 390, height: 844 });
    await strangerPage.goto(`/case-studies/${revisionId}`);
    await strangerPage.getByText('You cannot open this case study').waitFor();
    await shot(strangerPage, 'case-study-18-not-found-phone');
  }, 60_000);
});
