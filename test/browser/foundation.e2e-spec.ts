import { BrowserEnv, describeBrowser, startBrowserEnv } from '../support/browser';
import { countRows, TEST_PASSWORD } from '../support/test-app';

describeBrowser('Foundation in the browser', () => {
  let env: BrowserEnv;

  beforeAll(async () => {
    env = await startBrowserEnv();
  }, 120_000);
  afterAll(() => env?.close());

  it('lets a new user sign up, create a vendor organization, invite a member, sign out and sign in again', async () => {
    const { page } = await env.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await env.screenshot(page, 'foundation-01-landing');

    await page.goto('/sign-up');
    await page.getByLabel('Your name').fill('Grace Founder');
    await page.getByLabel('Email').fill('grace@tessellate.example');
    await page.getByLabel('Password').fill('tessellate-is-a-good-name');
    await env.screenshot(page, 'foundation-02-sign-up');
    await page.getByRole('button', { name: 'Sign up', exact: true }).click();

    // No session until the address is confirmed: the emailed link signs the account in.
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    await env.screenshot(page, 'foundation-02b-check-your-email');
    const mails: Array<{ text_body: string }> = await env.t.dataSource.query(`SELECT text_body FROM mail_messages WHERE to_address = $1 AND text_body LIKE '%/v/%'`, ['grace@tessellate.example']);
    expect(mails).toHaveLength(1);
    const link = /https?:\/\/\S+\/v\/[A-Za-z0-9_-]+/.exec(mails[0].text_body)?.[0];
    expect(link).toBeDefined();
    await page.goto(new URL(link!).pathname);

    await page.getByRole('heading', { name: 'Your organizations' }).waitFor();
    await page.getByLabel('Organization name').fill('Tessellate Analytics');
    await page.getByRole('radio', { name: 'Consultancy (vendor)' }).check();
    await page.getByLabel('Website').fill('https://tessellate.example');
    await env.screenshot(page, 'foundation-03-create-organization');
    await page.getByRole('button', { name: 'Create organization' }).click();

    await page.getByRole('heading', { name: 'Tessellate Analytics', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Invite a member' }).waitFor();
    const main = page.locator('main');
    await main.getByLabel('Email').fill('colleague@tessellate.example');
    await main.getByRole('button', { name: 'Send invitation' }).click();
    await main.getByText('colleague@tessellate.example').waitFor();
    await env.screenshot(page, 'foundation-04-organization-invited');

    expect(await countRows(env.t.dataSource, 'invitations', 'email = $1', ['colleague@tessellate.example'])).toBe(1);
    expect(await countRows(env.t.dataSource, 'mail_messages', 'to_address = $1', ['colleague@tessellate.example'])).toBe(1);

    await page.getByRole('button', { name: /Account menu for Grace Founder/ }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in', exact: true }).first().waitFor();
    await env.screenshot(page, 'foundation-05-signed-out');

    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('grace@tessellate.example');
    await page.getByLabel('Password').fill('tessellate-is-a-good-name');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    // A vendor's owner lands on the vendor dashboard, not the list of organizations.
    await page.waitForURL('**/vendor/*/profile');
    await page.getByRole('heading', { name: 'Tessellate Analytics', level: 1 }).waitFor();
    await env.screenshot(page, 'foundation-06-signed-in-again');
  }, 90_000);

  it('shows the consultancy directory, and an error under the field for a wrong password', async () => {
    const owner = await env.t.signedInClient({ email: 'owner@quantile.example' });
    await owner.query(`mutation { createOrganization(input: { name: "Quantile Labs", kind: vendor }) { id } }`);
    const { page } = await env.newPage({ width: 390, height: 844 });
    await page.goto('/consultancies');
    await page.getByRole('heading', { name: 'Consultancies' }).waitFor();
    await page.getByRole('heading', { name: 'Quantile Labs' }).waitFor();
    await env.screenshot(page, 'foundation-07-directory-phone');

    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('nobody@example.com');
    await page.getByLabel('Password').fill('definitely-wrong-123');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('The email or password is not right.').waitFor();
    await env.screenshot(page, 'foundation-08-wrong-password-phone');
  }, 60_000);

  it.each([
    { role: 'a buyer', email: 'bea@landing-buyer.example', kind: 'buyer', path: /\/consultancies$/, heading: 'Consultancies' },
    { role: 'a vendor', email: 'vic@landing-vendor.example', kind: 'vendor', path: /\/vendor\/[0-9a-f-]{36}\/profile$/, heading: 'Landing Vendor Ltd' },
    { role: 'a reviewer', email: 'rae@landing-review.example', platformRoles: ['reviewer' as const], path: /\/review$/, heading: 'Your review tasks' },
    { role: 'an admin', email: 'ada@landing-admin.example', platformRoles: ['admin' as const], path: /\/admin\/reviewers$/, heading: 'Reviewers' },
  ])('lands $role on the page of their work after signing in', async ({ email, kind, platformRoles, path, heading }) => {
    const client = await env.t.signedInClient({ email, platformRoles });
    if (kind) {
      const name = kind === 'vendor' ? 'Landing Vendor Ltd' : 'Landing Buyer Ltd';
      const created = await client.query(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, { input: { name, kind } });
      expect(created.errors).toBeUndefined();
    }
    const { page } = await env.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(path);
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  }, 60_000);
});
