import type { Page } from 'playwright-core';
import { BrowserEnv, describeBrowser, startBrowserEnv } from '../support/browser';
import { countRows, TEST_PASSWORD } from '../support/test-app';

const HEADER = 'client_name,client_domain,contact_name,contact_email,project_started_on,project_ended_on';
const GOOD_ROWS = [
  'Acme Retail,acme-retail.example,Jane Doe,jane.doe@acme-retail.example,2023-01-10,2023-09-30',
  '"Beta Logistics, Ltd.",beta-logistics.example,Bo Smith,bo.smith@beta-logistics.example,2024-02-01,',
  'Gamma Energy,gamma-energy.example,Gil Ray,gil.ray@gamma-energy.example,2022-05-01,2022-12-31',
];

describeBrowser('Vendor dashboard in the browser', () => {
  let env: BrowserEnv;

  /** Full-page screenshot from the top (a scrolled page would draw the fixed header mid-page). */
  const shot = async (page: Page, name: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await env.screenshot(page, name);
  };

  beforeAll(async () => {
    env = await startBrowserEnv();
  }, 120_000);
  afterAll(() => env?.close());

  it('lets a vendor owner edit the profile, verify a domain from the mailed link, and import a roster after fixing a bad row', async () => {
    const owner = await env.t.signedInClient({ email: 'lena@lumen.example', displayName: 'Lena Lumen' });
    const created = await owner.query<{ createOrganization: { id: string } }>(
      `mutation { createOrganization(input: { name: "Lumen Analytics", kind: vendor, website: "https://lumen.example" }) { id } }`,
    );
    const vendorId = created.data!.createOrganization.id;

    const { page } = await env.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('lena@lumen.example');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    // A vendor lands on its dashboard.
    await page.waitForURL(`**/vendor/${vendorId}/profile`);

    // The organization page links to the dashboard; so does the header.
    await page.goto(`/organizations/${vendorId}`);
    await page.getByRole('link', { name: 'Vendor dashboard' }).first().waitFor();
    await page.locator('main').getByRole('link', { name: 'Vendor dashboard' }).click();
    await page.waitForURL(`**/vendor/${vendorId}/profile`);
    await page.getByRole('heading', { name: 'Lumen Analytics', level: 1 }).waitFor();
    const main = page.locator('main');
    await main.getByLabel('Capabilities').waitFor();
    await shot(page, 'vendor-01-profile-empty');

    // Profile: pick from the taxonomy, and see inline validation before the save.
    await main.getByLabel('Capabilities').click();
    await page.getByRole('option', { name: 'Forecasting / time series' }).click();
    await page.getByRole('option', { name: 'MLOps / platform' }).click();
    await main.getByLabel('Capabilities').press('Escape');
    await main.getByLabel('Industries').click();
    await page.getByRole('option', { name: 'Retail' }).click();
    await main.getByLabel('Industries').press('Escape');
    await main.getByLabel('Regions').click();
    await page.getByRole('option', { name: 'Europe' }).click();
    await main.getByLabel('Regions').press('Escape');
    await main.getByLabel('Team size').fill('0');
    await main.getByLabel('Rate band').click();
    await page.getByRole('option', { name: '€1,200–1,600/day' }).click();
    await main.getByLabel('Website').fill('http://lumen.example');
    await main.getByLabel('Description').fill('Lumen builds demand-forecasting systems that planners keep using after we leave.');
    await main.getByRole('button', { name: 'Save profile' }).click();
    await main.getByText('Enter your website’s address starting with https://').waitFor();
    // The number field clamps to the smallest team on leaving it.
    expect(await main.getByLabel('Team size').inputValue()).toBe('1');
    await shot(page, 'vendor-02-profile-inline-errors');

    await main.getByLabel('Team size').fill('24');
    await main.getByLabel('Website').fill('https://lumen.example');
    await main.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Profile saved').waitFor();
    await shot(page, 'vendor-03-profile-saved');
    const [profile] = await env.t.dataSource.query(`SELECT capabilities, industries, regions, team_size, rate_band FROM vendor_profiles WHERE organization_id = $1`, [vendorId]);
    expect(profile).toEqual({ capabilities: ['forecasting', 'mlops'], industries: ['retail'], regions: ['europe'], team_size: 24, rate_band: '1200_1600' });

    // Domains: claim by an address there; the link arrives by mail.
    await page.getByRole('navigation', { name: 'Vendor dashboard' }).getByRole('link', { name: 'Email domains' }).click();
    await main.getByText('No domains yet').waitFor();
    await main.getByLabel('An address at the domain').fill('it@gmail.com');
    await main.getByRole('button', { name: 'Add domain' }).click();
    await main.getByText(/gmail\.com is a free email provider|Use an address at your company’s own domain/).first().waitFor();
    await main.locator('button[data-loading]').waitFor({ state: 'detached' });
    await shot(page, 'vendor-04-domain-free-mail-refused');
    await main.getByLabel('An address at the domain').fill('it@lumen.example');
    await main.getByRole('button', { name: 'Add domain' }).click();
    await page.getByText('Verification link sent').waitFor();
    await main.getByRole('cell', { name: 'lumen.example', exact: true }).waitFor();
    await main.getByText('Pending').waitFor();
    await shot(page, 'vendor-05-domain-pending');

    const [mail] = await env.t.dataSource.query(`SELECT text_body FROM mail_messages WHERE to_address = 'it@lumen.example' ORDER BY created_at DESC LIMIT 1`);
    const link = /https?:\/\/\S+(\/vendor-domains\/verify\?token=[A-Za-z0-9_-]+)/.exec(mail.text_body as string);
    expect(link).not.toBeNull();
    await page.goto(link![1]);
    await page.getByRole('heading', { name: 'Verify an email domain' }).waitFor();
    await shot(page, 'vendor-06-verify-link');
    await page.getByRole('button', { name: 'Verify domain' }).click();
    await page.getByText('lumen.example is verified for Lumen Analytics.').waitFor();
    await shot(page, 'vendor-07-verified');
    await page.getByRole('link', { name: 'Back to your domains' }).click();
    await main.getByText('Verified', { exact: true }).waitFor();
    await shot(page, 'vendor-08-domain-verified');
    expect(await countRows(env.t.dataSource, 'vendor_domains', 'organization_id = $1 AND verified_at IS NOT NULL', [vendorId])).toBe(1);

    // Roster: a pasted file with one bad row is refused as a whole, with the row named.
    await page.getByRole('navigation', { name: 'Vendor dashboard' }).getByRole('link', { name: 'Client roster' }).click();
    await main.getByText('No engagements yet').waitFor();
    const broken = [HEADER, GOOD_ROWS[0], GOOD_ROWS[1].replace('bo.smith@beta-logistics.example', 'bo.smith-at-beta-logistics.example'), GOOD_ROWS[2]].join('\n');
    await main.getByLabel('CSV text').fill(broken);
    await main.getByRole('region', { name: 'Preview of the first rows' }).waitFor();
    await main.getByRole('button', { name: 'Import 3 engagements' }).click();
    const problems = main.getByRole('region', { name: 'Problems by row' });
    await problems.waitFor();
    await problems.getByRole('cell', { name: 'contact_email' }).waitFor();
    expect(await problems.getByRole('row').nth(1).getByRole('cell').first().textContent()).toBe('3');
    await shot(page, 'vendor-09-roster-row-error');
    expect(await countRows(env.t.dataSource, 'roster_entries', 'vendor_id = $1', [vendorId])).toBe(0);

    // Fixed, and chosen as a file this time.
    await main.locator('input[type="file"]').setInputFiles({ name: 'lumen-roster.csv', mimeType: 'text/csv', buffer: Buffer.from([HEADER, ...GOOD_ROWS].join('\n')) });
    await main.getByText('lumen-roster.csv').waitFor();
    await main.getByRole('button', { name: 'Import 3 engagements' }).click();
    await page.getByText('Roster imported').waitFor();
    await main.getByRole('cell', { name: /^Beta Logistics, Ltd\./ }).waitFor();
    await main.getByText('1–3 of 3').waitFor();
    await shot(page, 'vendor-10-roster-imported');
    expect(await countRows(env.t.dataSource, 'roster_entries', 'vendor_id = $1', [vendorId])).toBe(3);

    // The header links vendor members to their dashboard.
    await page.goto('/consultancies');
    await page.getByRole('banner').getByRole('link', { name: 'Vendor dashboard' }).click();
    await page.waitForURL(`**/vendor/${vendorId}/profile`);
    await main.getByLabel('Capabilities').waitFor();
  }, 120_000);

  it('shows the dashboard on a phone and refuses it to someone outside the consultancy', async () => {
    const owner = await env.t.signedInClient({ email: 'owner@prism-phone.example' });
    const created = await owner.query<{ createOrganization: { id: string } }>(`mutation { createOrganization(input: { name: "Prism Data", kind: vendor }) { id } }`);
    const vendorId = created.data!.createOrganization.id;
    await env.t.signedInClient({ email: 'stranger@elsewhere.example' });

    const { page } = await env.newPage({ width: 390, height: 844 });
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('owner@prism-phone.example');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`**/vendor/${vendorId}/profile`);
    await page.goto(`/vendor/${vendorId}/roster`);
    await page.getByText('No engagements yet').waitFor();
    await shot(page, 'vendor-11-roster-phone');
    await page.goto(`/vendor/${vendorId}/domains`);
    await page.getByText('No domains yet').waitFor();
    await shot(page, 'vendor-12-domains-phone');

    const { page: other } = await env.newPage();
    await other.goto('/sign-in');
    await other.getByLabel('Email').fill('stranger@elsewhere.example');
    await other.getByLabel('Password').fill(TEST_PASSWORD);
    await other.getByRole('button', { name: 'Sign in', exact: true }).click();
    await other.getByRole('heading', { name: 'Your organizations' }).waitFor();
    await other.goto(`/vendor/${vendorId}/profile`);
    await other.getByText('You cannot open this vendor dashboard').waitFor();
    await shot(other, 'vendor-13-not-a-member');
  }, 90_000);
});
