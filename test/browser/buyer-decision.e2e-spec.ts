// Issue 18, "the buyer's decision in five seconds": cards that decide, a public vendor page that
import { drainEvidence } from '../support/evidence-outbox';
// says why its score is what it is and links the evidence down to its ledger receipt, a compare
// page that draws a conclusion and stacks on a phone, and anonymity kept on submit. Every page
// visited is checked with axe at desktop and phone size, and screenshotted at both.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { encodeSignerKey, generateSignerKey } from '@assay/ledger';
import { LedgerService } from '../../apps/api/src/modules/ledger/ledger.service';
import * as path from 'node:path';
import { BrowserEnv, describeBrowser, SCREENSHOT_DIR, startBrowserEnv } from '../support/browser';
import { createDraft, decliningHistoryFor, nominate, verifiedCaseStudyFor, vendorWithProfile } from '../support/factories';
import { accreditedReviewer, SUBMIT } from '../support/ledger-flow';
import { type GraphQLClient, TEST_PASSWORD } from '../support/test-app';

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).include('main').analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** A full-page screenshot from the top, so the sticky header is not painted mid-page. */
async function shot(env: BrowserEnv, page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  await env.screenshot(page, name);
}

/** No page may scroll sideways: the document is no wider than the viewport. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth, widest } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // The outermost elements that stick out, named, so a failure says where to look.
    // (Content of a sideways-scrolling region such as TableScroll is clipped there, so it does not count.)
    const clipped = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true;
      return false;
    };
    const out = [...document.querySelectorAll('body *')].filter(
      (el) => (el.getBoundingClientRect().right > width + 1 || el.scrollWidth > width + 1) && !clipped(el) && getComputedStyle(el).overflowX === 'visible' && !(el.parentElement && el.parentElement !== document.body && el.parentElement.getBoundingClientRect().right > width + 1),
    );
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).slice(0, 2).join('.') : ''} (${Math.round(el.getBoundingClientRect().right)}px)`;
    return { scrollWidth: document.documentElement.scrollWidth, clientWidth: width, widest: out.slice(0, 5).map(name) };
  });
  expect({ scrollWidth, widest }).toEqual({ scrollWidth: expect.any(Number), widest: [] });
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

describeBrowser('The buyer’s decision: cards, why this score, receipts, compare, anonymity', () => {
  let env: BrowserEnv;
  let ledger: LedgerService;
  let wavelet: { client: GraphQLClient; vendorId: string };
  let quill: { client: GraphQLClient; vendorId: string };
  let waning: { client: GraphQLClient; vendorId: string };
  let verifiedId: string;

  beforeAll(async () => {
    env = await startBrowserEnv({ LEDGER_SIGNER_KEY: encodeSignerKey(generateSignerKey('assay.test/ledger')), LEDGER_ORIGIN: 'assay.test/ledger' });
    ledger = env.t.app.get(LedgerService);
    const t = env.t;
    const admin = await t.signedInClient({ email: 'admin@decision.test', platformRoles: ['admin'] });
    const reviewer = await accreditedReviewer(t, admin, 'rita@decision-review.example');
    const profile = { capabilities: ['forecasting'], industries: ['retail'], regions: ['north_america'], teamSize: 20, rateBand: '1200_1600' };

    // Wavelet Systems: two verified case studies.
    wavelet = await vendorWithProfile(t, 'owner@wavelet.example', 'Wavelet Systems', { ...profile, description: 'Forecasting for retail chains.' });
    verifiedId = (await verifiedCaseStudyFor(t, reviewer, wavelet, 'wavelet-a', { title: 'Store demand forecasting' })).caseStudyId;
    await verifiedCaseStudyFor(t, reviewer, wavelet, 'wavelet-b', { title: 'Markdown optimisation', client: { name: 'Hidden Grocer', domain: 'hidden-grocer.example', anonymised: true, descriptor: 'A European grocer' } }, 'partially_verified');

    // Quill Analytics: a case study submitted but not verified yet; no score on its card.
    quill = await vendorWithProfile(t, 'owner@quill.example', 'Quill Analytics', { ...profile, description: 'Forecasting and pricing.' });
    const draft = await createDraft(quill.client, quill.vendorId, { title: 'Price elasticity models' });
    await nominate(quill.client, draft.id, 'jane@quill-client.example');
    const submitted = await quill.client.query(SUBMIT, { id: draft.id });
    if (submitted.errors) throw new Error(submitted.errors[0].message);

    // Waning Analytics: projects from four years ago verified as claimed, its recent ones far less (issue 15's trend).
    waning = await vendorWithProfile(t, 'owner@waning.example', 'Waning Analytics', { ...profile, capabilities: ['mlops'], regions: ['europe'], description: 'Forecasting platforms.' });
    await decliningHistoryFor(t, [reviewer, await accreditedReviewer(t, admin, 'ravi@decision-review.example')], waning, 'waning');

    // More consultancies, so the phone's result list has something below the first card.
    for (const name of ['Borealis Data', 'Cirrus ML', 'Delta Forecasting']) {
      await vendorWithProfile(t, `owner@${name.split(' ')[0].toLowerCase()}.example`, name, { ...profile, description: `${name} builds forecasting systems.` });
    }
    await ledger.publishCheckpoint();
    // "Why this score" reads the explanations, which the evidence-outbox drain writes (this app runs no job workers).
    await drainEvidence(t);
  }, 240_000);
  afterAll(() => env?.close());

  it('search cards lead with the evidence, show the score on a shared axis, and say when there is not enough verified evidence', async () => {
    const { page } = await env.newPage(DESKTOP);
    await page.goto('/consultancies?q=forecasting');
    const card = (name: string) => page.getByRole('article', { name });
    await card('Wavelet Systems').waitFor();

    // A verified record: the evidence line, then the score as a bar with its range in words.
    await card('Wavelet Systems').getByText('2 verified case studies · 2 client references', { exact: false }).waitFor();
    await card('Wavelet Systems').getByRole('img', { name: /^Assay score of Wavelet Systems: estimate \d+%, 90% interval \d+–\d+% on a 0 to 100% scale$/ }).waitFor();
    await card('Wavelet Systems').getByText(/^Likely between \d+–\d+%/).waitFor();

    // Submitted but not verified: no number, and why.
    await card('Quill Analytics').getByText('Not enough verified evidence yet').waitFor();
    expect(await card('Quill Analytics').getByRole('img', { name: /Assay score/ }).count()).toBe(0);
    expect(await card('Quill Analytics').getByText(/^Assay \d+%/).count()).toBe(0);
    // A consultancy with no evidence at all says the same.
    await card('Borealis Data').getByText('Not enough verified evidence yet').waitFor();

    // Sorts in plain words; regions as people write them.
    // With a text query "Best match" comes first and is chosen; without one it is not offered.
    const sorts = await page.getByLabel('Sort by').locator('option').allTextContents();
    expect(sorts).toEqual(['Best match', 'Strongest verified record', 'Highest Assay score', 'Most evidence', 'Most recently verified']);
    expect(await page.getByLabel('Sort by').inputValue()).toBe('best_match');
    await card('Wavelet Systems').getByText(/North America/).waitFor();

    // The statistical term explains itself on focus.
    await card('Wavelet Systems').getByRole('button', { name: '90% interval' }).focus();
    await page.getByRole('tooltip').getByText(/true value lies in with 90% probability/).waitFor();
    await page.keyboard.press('Escape');

    await shot(env, page, 'decision-01-search-desktop');
    await expectNoSeriousAxeViolations(page);
  }, 90_000);

  it('on a 390×844 phone puts the search box and the first result within two screen heights, filters in a drawer', async () => {
    const { page } = await env.newPage(PHONE);
    await page.goto('/consultancies?region=north_america');
    const search = page.getByLabel('Search consultancies');
    const first = page.getByRole('article').first();
    await first.waitFor();
    const searchBox = (await search.boundingBox())!;
    const firstBox = (await first.boundingBox())!;
    expect(searchBox.y + searchBox.height).toBeLessThanOrEqual(2 * PHONE.height);
    expect(firstBox.y).toBeLessThanOrEqual(2 * PHONE.height);
    // The filters wait behind one button that counts the ones in force.
    expect(await page.getByRole('checkbox', { name: /^Forecasting/ }).count()).toBe(0);
    await expectNoSidewaysScroll(page);
    await shot(env, page, 'decision-02-search-phone');
    await expectNoSeriousAxeViolations(page);

    await page.getByRole('button', { name: 'Filters (1)' }).click();
    const drawer = page.getByRole('dialog', { name: 'Filters' });
    await drawer.getByRole('checkbox', { name: /^North America/ }).waitFor();
    expect(await drawer.getByRole('checkbox', { name: /^North America/ }).isChecked()).toBe(true);
    await drawer.getByRole('checkbox', { name: /^Forecasting/ }).click();
    await page.waitForURL(/capability=forecasting/);
    await shot(env, page, 'decision-03-search-phone-filters');
    await drawer.getByRole('button', { name: /^Show \d+ consultanc/ }).click();
    await page.getByRole('button', { name: 'Filters (2)' }).waitFor();
  }, 60_000);

  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const)('the public vendor page (%s) says why its score is what it is, and links each case study to its page and its receipt, which verifies in the browser', async (size, viewport) => {
    {
      const { page } = await env.newPage(viewport);
      await page.goto(`/consultancies/${wavelet.vendorId}`);
      await page.getByRole('heading', { name: 'Wavelet Systems', level: 1 }).waitFor();
      const why = page.getByRole('region', { name: 'Why this score' });
      await why.getByText(/^A reviewer confirmed (all|\d+%) of the claimed gain in forecast error \(WAPE\) on “Store demand forecasting” \((less than )?[+−]\d+ points?\)\.$/).first().waitFor();
      await why.getByRole('link', { name: 'Ledger receipt of “Store demand forecasting”' }).first().waitFor();
      // The formula stays one click away.
      await why.getByRole('button', { name: /^Details/ }).click();
      await why.getByText(/weight/i).first().waitFor();
      // Signals with no evidence draw no dot: they say "No data yet" and why; "0 of 0" lines are gone.
      await page.getByText('— (no data yet: no client drawn at random has been asked yet)').waitFor({ state: 'attached' });
      await page.locator('svg tspan', { hasText: /^No data yet$/ }).first().waitFor();
      expect(await page.getByText(/\b0 of 0\b/).count()).toBe(0);
      // Verified first; the dumbbell prints the numbers beside it.
      const titles = await page.getByRole('region', { name: 'Case studies' }).getByRole('heading', { level: 3 }).allTextContents();
      expect(titles).toEqual(['Store demand forecasting', 'Markdown optimisation']);
      await page.getByText('baseline 32% → claimed 21% → verified 21.5% (lower is better)').first().waitFor();
      await expectNoSidewaysScroll(page);
      await shot(env, page, `decision-04-vendor-${size}`);
      await expectNoSeriousAxeViolations(page);

      // The case-study page, with its verdicts.
      await page.getByRole('link', { name: 'Case study page: Store demand forecasting' }).click();
      await page.getByRole('heading', { name: 'Store demand forecasting', level: 1 }).waitFor();
      await page.getByRole('region', { name: 'Verification receipt' }).waitFor();
      await expectNoSidewaysScroll(page);
      await shot(env, page, `decision-05-case-study-${size}`);
      await expectNoSeriousAxeViolations(page);
      await page.goBack();

      // The receipt, checked with WebCrypto in the browser.
      await page.getByRole('link', { name: 'Ledger receipt of Store demand forecasting' }).click();
      await page.waitForURL(`**/receipts/${verifiedId}`);
      await page.getByRole('heading', { name: 'Verification receipt', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Verified in your browser' }).waitFor();
      await shot(env, page, `decision-06-receipt-${size}`);
      await expectNoSeriousAxeViolations(page);
      await page.close();
    }
  }, 180_000);

  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const)('the vendor page (%s) shows that recent evidence is lower than earlier evidence, as a sentence, a chart and a table', async (size, viewport) => {
    const { page } = await env.newPage(viewport);
    await page.goto(`/consultancies/${waning.vendorId}`);
    await page.getByRole('heading', { name: 'Waning Analytics', level: 1 }).waitFor();
    const trend = page.getByRole('region', { name: 'Recent against earlier evidence' });
    await trend
      .getByText(
        /^Recent evidence \(last 18 months\) is lower than earlier evidence: reviewers verified 27% of the claimed gains on projects since \w+ \d{4} \(4 outcomes from 2 case studies\), against 95% before \(4 outcomes from 2 case studies\)\.$/,
      )
      .waitFor();
    await trend.getByText(/earlier ones count for less/).waitFor();
    // The drawing for eyes (both rows with their values), the same numbers for screen readers.
    await trend.locator('svg tspan', { hasText: /^Since / }).first().waitFor();
    await trend.locator('svg tspan', { hasText: /^27% · \d+–\d+%$/ }).waitFor();
    const table = trend.getByRole('table', { name: 'Verified share of the claimed gains of Waning Analytics: earlier and recent projects' });
    expect(await table.locator('tbody tr').allTextContents()).toEqual([expect.stringMatching(/^Before \w+ \d{4}95%\d+–\d+%$/), expect.stringMatching(/^Since \w+ \d{4}27%\d+–\d+%$/)]);
    // The flag below says the same, with its effect on the weights.
    await page.getByText(/^Its projects since \w+ \d{4} verified 27 % of the claimed gain, against 95 % before/).waitFor();
    await expectNoSidewaysScroll(page);
    await trend.scrollIntoViewIfNeeded();
    await trend.screenshot({ path: path.join(SCREENSHOT_DIR, `decision-07-vendor-trend-${size}.png`) });
    await shot(env, page, `decision-07-vendor-trend-page-${size}`);
    await expectNoSeriousAxeViolations(page);

    // A vendor whose evidence all falls in one window shows no trend at all.
    await page.goto(`/consultancies/${wavelet.vendorId}`);
    await page.getByRole('heading', { name: 'Signal by signal' }).waitFor();
    expect(await page.getByRole('region', { name: 'Recent against earlier evidence' }).count()).toBe(0);
    await page.close();
  }, 90_000);

  it('the compare page draws a conclusion and stacks one card per consultancy on a phone', async () => {
    const ids = [wavelet.vendorId, quill.vendorId].join(',');
    for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      const { page } = await env.newPage(viewport);
      await page.goto(`/compare?ids=${ids}`);
      await page.getByRole('heading', { name: 'Compare consultancies', level: 1 }).waitFor();
      await page.getByRole('status').filter({ hasText: /does not yet separate these consultancies on any signal|is ahead of/ }).waitFor();
      await page.locator('.recharts-surface').first().waitFor();
      if (size === 'phone') {
        // One card per consultancy, both readable without scrolling sideways.
        for (const name of ['Wavelet Systems', 'Quill Analytics']) await page.getByRole('article', { name }).getByText('Verified case studies').waitFor();
        await expectNoSidewaysScroll(page);
      } else {
        await page.getByRole('region', { name: 'Side by side' }).getByRole('table').waitFor();
      }
      await shot(env, page, `decision-07-compare-${size}`);
      await expectNoSeriousAxeViolations(page);
      await page.close();
    }
  }, 180_000);

  it('refuses an anonymised case study that names its client, in the form and on submit', async () => {
    // On submit (the API): the problem names the client.
    const draft = await createDraft(quill.client, quill.vendorId, {
      title: 'Churn model',
      client: { name: 'Nordwind Bank', domain: 'nordwind-bank.example', anonymised: true, descriptor: 'a German bank' },
      problem: 'Nordwind Bank lost customers to neobanks.',
    });
    await nominate(quill.client, draft.id, 'jane@nordwind-bank.example');
    const submitted = await quill.client.query(SUBMIT, { id: draft.id });
    expect(submitted.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(submitted.errors?.[0].message).toMatch(/the problem description names it/);

    // In the form: the field that names the client is refused in place.
    const { page, context } = await env.newPage(PHONE);
    await context.addCookies([{ name: 'assay_session', value: quill.client.getCookie('assay_session')!, url: env.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
    await page.goto(`/vendor/${quill.vendorId}/case-studies/new`);
    const main = page.locator('main');
    await page.getByRole('heading', { name: '1. Engagement' }).waitFor();
    await main.getByLabel('Title').fill('Demand forecasting at Acme Retail');
    await main.getByLabel('Client organization').fill('Acme Retail');
    await main.getByLabel('Client domain').fill('acme-retail.example');
    await main.getByLabel('Show the client anonymised to buyers').check();
    await main.getByLabel('How buyers see the client').fill('a European grocery chain');
    await main.getByLabel('The client’s problem').fill('Stock-outs at acme-retail.example stores.');
    await main.getByLabel('Your approach').fill('Gradient-boosted models per store cluster.');
    await main.getByLabel('Started on').fill('2024-01-15');
    await main.getByRole('button', { name: 'Next' }).click();
    await main.getByText('The client is anonymised, but the title names it (“Acme Retail”). Describe the client instead, e.g. “a European retailer”.').waitFor();
    await main.getByText('The client is anonymised, but the problem description names it (“acme-retail.example”). Describe the client instead, e.g. “a European retailer”.').waitFor();
    await shot(env, page, 'decision-08-anonymity-refused-phone');
    await expectNoSeriousAxeViolations(page);
  }, 90_000);

  it('/admin/reviewers does not scroll sideways on a phone, and passes axe at both sizes', async () => {
    for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      const { page } = await env.newPage(viewport);
      await page.goto('/sign-in');
      await page.getByLabel('Email').fill('admin@decision.test');
      await page.getByLabel('Password').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      // An admin lands on the reviewers page.
      await page.waitForURL('**/admin/reviewers');
      await page.getByRole('heading', { name: 'Accredited reviewers' }).waitFor();
      await page.locator('main').getByText('rita@decision-review.example').first().waitFor();
      await shot(env, page, `decision-09-admin-reviewers-${size}`);
      await expectNoSidewaysScroll(page);
      await expectNoSeriousAxeViolations(page);
      await page.close();
    }
  }, 120_000);
});
