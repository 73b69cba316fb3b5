import * as fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { BrowserEnv, describeBrowser, startBrowserEnv } from '../support/browser';
import { verifiedCaseStudyFor, vendorWithProfile } from '../support/factories';
import { accreditedReviewer } from '../support/ledger-flow';
import { countRows, TEST_PASSWORD } from '../support/test-app';

async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).include('main').analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

describeBrowser('Buyers: search, vendor page, compare, export and shortlist', () => {
  let env: BrowserEnv;

  beforeAll(async () => {
    env = await startBrowserEnv();
    const t = env.t;
    const admin = await t.signedInClient({ email: 'admin@assay.test', platformRoles: ['admin'] });
    const reviewer = await accreditedReviewer(t, admin, 'reviewer@buyers-reviewer.example');
    const profiles = [
      { name: 'Lumen Analytics', slug: 'lumen', description: 'Demand forecasting and pricing for retailers.', capabilities: ['forecasting', 'mlops'], teamSize: 25 },
      { name: 'Borealis Data', slug: 'borealis', description: 'Forecasting for energy and logistics.', capabilities: ['forecasting'], teamSize: 12 },
      { name: 'Cirrus ML', slug: 'cirrus', description: 'Forecasting platforms and MLOps.', capabilities: ['forecasting', 'data_engineering'], teamSize: 40 },
    ];
    for (const [i, p] of profiles.entries()) {
      const vendor = await vendorWithProfile(t, `owner@${p.slug}.example`, p.name, { description: p.description, capabilities: p.capabilities, industries: ['retail'], regions: ['europe'], teamSize: p.teamSize, rateBand: '1200_1600' });
      await verifiedCaseStudyFor(t, reviewer, vendor, `${p.slug}-a`, {}, i === 1 ? 'partially_verified' : 'verified');
      if (i === 0) await verifiedCaseStudyFor(t, reviewer, vendor, `${p.slug}-b`, { title: 'Markdown optimisation', client: { name: 'Hidden Grocer', domain: 'hidden-grocer.example', anonymised: true, descriptor: 'A European grocer' } });
    }
    await vendorWithProfile(t, 'owner@kite.example', 'Kite Language Labs', { description: 'Chatbots.', capabilities: ['nlp'], regions: ['asia_pacific'] });
    const buyer = await t.signedInClient({ email: 'buyer@harbor.example' });
    await buyer.query(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, { input: { name: 'Harbor Retail', kind: 'buyer' } });
  }, 180_000);
  afterAll(() => env?.close());

  it('searches with text and two filters, opens a vendor, compares three, exports CSV and saves a shortlist', async () => {
    const { page } = await env.newPage();
    await page.goto('/sign-in?next=/consultancies');
    await page.getByLabel('Email').fill('buyer@harbor.example');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Consultancies', level: 1 }).waitFor();

    // 1. Search: text and two filters, all in the URL.
    await page.getByLabel('Search consultancies').fill('forecasting');
    await page.waitForURL(/q=forecasting/);
    await page.getByRole('checkbox', { name: /^Forecasting/ }).click();
    await page.waitForURL(/capability=forecasting/);
    await page.getByRole('checkbox', { name: /^Europe/ }).click();
    await page.waitForURL(/region=europe/);
    expect(page.url()).toMatch(/q=forecasting/);
    await page.getByText('3 consultancies', { exact: true }).waitFor();
    for (const name of ['Lumen Analytics', 'Borealis Data', 'Cirrus ML']) await page.getByRole('heading', { name, level: 2 }).waitFor();
    expect(await page.getByRole('heading', { name: 'Kite Language Labs' }).count()).toBe(0);
    await env.screenshot(page, 'buyers-01-search');
    await expectNoSeriousAxeViolations(page);

    // A shared link reproduces the search.
    const shared = page.url();
    const { page: other } = await env.newPage();
    await other.goto(shared);
    await other.getByText('3 consultancies', { exact: true }).waitFor();
    await other.close();

    // 2. The public vendor page.
    await page.getByRole('link', { name: 'Lumen Analytics' }).click();
    await page.getByRole('heading', { name: 'Lumen Analytics', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Signals', level: 2 }).waitFor();
    await page.getByRole('heading', { name: 'Markdown optimisation' }).waitFor();
    await page.getByText('A European grocer (anonymised at the client’s request)').waitFor();
    expect(await page.getByText('Hidden Grocer').count()).toBe(0);
    await page.locator('.recharts-surface').first().waitFor();
    await page.getByText('Checked for data leakage: ').first().waitFor();
    await env.screenshot(page, 'buyers-02-vendor');
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('button', { name: 'Add to compare' }).click();

    // 3. Add two more from the search and compare.
    await page.goBack();
    await page.getByRole('heading', { name: 'Borealis Data', level: 2 }).waitFor();
    await page.getByRole('checkbox', { name: 'Compare Borealis Data' }).check();
    await page.getByRole('checkbox', { name: 'Compare Cirrus ML' }).check();
    await page.getByRole('region', { name: 'Comparison' }).getByRole('link', { name: 'Compare' }).click();
    await page.getByRole('heading', { name: 'Compare consultancies', level: 1 }).waitFor();
    const compared = page.getByLabel('Compared consultancies');
    for (const name of ['Lumen Analytics', 'Borealis Data', 'Cirrus ML']) await compared.getByRole('link', { name }).waitFor();
    await page.locator('.recharts-surface').nth(6).waitFor();
    // Every signal plot draws one interval per compared consultancy.
    const firstPlot = page.getByRole('region', { name: /Assay/ }).first();
    expect(await firstPlot.locator('table tbody tr').count()).toBe(3);
    await env.screenshot(page, 'buyers-03-compare');
    await expectNoSeriousAxeViolations(page);

    // 4. CSV export.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('assay-comparison.csv');
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^Consultancy,.*\(estimate\),.*\(90% lower\),.*\(90% upper\)/);
    expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual(['Borealis Data', 'Cirrus ML', 'Lumen Analytics']);
    expect(lines.find((l) => l.startsWith('Lumen Analytics'))).toMatch(/,2,2,2,/); // 2 verified case studies, 2 outcomes, 2 verified
    expect(csv).not.toMatch(/Hidden Grocer/);

    // 5. Save a shortlist.
    await page.getByRole('button', { name: 'Save to shortlist' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name of the new shortlist').fill('Forecasting partners 2027');
    await dialog.getByLabel('Note (optional)').fill('Strongest verified record.');
    await env.screenshot(page, 'buyers-04-save-shortlist');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('is on your shortlist.').waitFor();
    expect(await countRows(env.t.dataSource, 'shortlist_items', 'note = $1', ['Strongest verified record.'])).toBe(1);

    await page.goto('/shortlists');
    await page.getByRole('heading', { name: 'Forecasting partners 2027' }).waitFor();
    await page.getByText('Strongest verified record.').waitFor();
    await env.screenshot(page, 'buyers-05-shortlists');
  }, 120_000);

  it('keeps the compare page readable on a narrow screen', async () => {
    const ids: Array<{ id: string }> = await env.t.dataSource.query(`SELECT id FROM organizations WHERE kind = 'vendor' AND name <> 'Kite Language Labs' ORDER BY name`);
    const { page } = await env.newPage({ width: 390, height: 844 });
    await page.goto(`/compare?ids=${ids.map((r) => r.id).join(',')}`);
    await page.getByRole('heading', { name: 'Compare consultancies', level: 1 }).waitFor();
    await page.locator('.recharts-surface').nth(6).waitFor();
    await env.screenshot(page, 'buyers-06-compare-phone');
    await expectNoSeriousAxeViolations(page);
  }, 60_000);
});
