// A buyer organisation, as the client a case study names: it proves its domain, confirms one
// case study and denies another in the browser; buyers then read the client's own word on the
// case study's page, and the vendor replies there. axe on every page, desktop and phone.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { BrowserEnv, describeBrowser, startBrowserEnv } from '../support/browser';
import { createDraft, nominate, vendorWithOwner } from '../support/factories';
import { SUBMIT } from '../support/ledger-flow';
import type { GraphQLClient } from '../support/test-app';

const PHONE = { width: 390, height: 844 };

async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).include('main').analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

describeBrowser('Client organisations confirm case studies in the browser', () => {
  let env: BrowserEnv;
  let vendor: { client: GraphQLClient; vendorId: string };
  let buyer: GraphQLClient;
  let buyerOrgId: string;
  const ids: Record<string, string> = {};

  const signedInPage = async (client: GraphQLClient, viewport?: { width: number; height: number }) => {
    const { page, context } = await env.newPage(viewport);
    await context.addCookies([{ name: 'assay_session', value: client.getCookie('assay_session')!, url: env.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
    return page;
  };

  beforeAll(async () => {
    env = await startBrowserEnv();
    vendor = await vendorWithOwner(env.t, 'owner@kestrel-ml.example', 'Kestrel ML');
    buyer = await env.t.signedInClient({ email: 'grace@harbourfreight.example', displayName: 'Grace Harbour' });
    const org = await buyer.query<{ createOrganization: { id: string } }>(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, {
      input: { name: 'Harbour Freight', kind: 'buyer' },
    });
    buyerOrgId = org.data!.createOrganization.id;
    for (const [key, title] of [
      ['confirmed', 'Container dwell-time prediction'],
      ['denied', 'Crane scheduling with reinforcement learning'],
    ] as const) {
      const draft = await createDraft(vendor.client, vendor.vendorId, {
        title,
        client: { name: 'Harbour Freight', domain: 'harbourfreight.example', anonymised: false, descriptor: null },
        problem: 'Ships waited for berths.',
        approach: 'A learned model of dwell times, retrained weekly.',
      });
      expect((await nominate(vendor.client, draft.id, `ops-${key}@harbourfreight.example`)).errors).toBeUndefined();
      expect((await vendor.client.query(SUBMIT, { id: draft.id })).errors).toBeUndefined();
      ids[key] = draft.id;
    }
  }, 120_000);
  afterAll(() => env?.close());

  it('proves the domain, confirms one case study and denies another; buyers read the answer and the vendor replies', async () => {
    const page = await signedInPage(buyer);
    await page.goto(`/organizations/${buyerOrgId}`);
    await page.getByRole('link', { name: 'Case studies that name you' }).click();
    await page.getByRole('heading', { name: 'Case studies that name you', level: 1 }).waitFor();
    await page.getByText('Prove a domain first').waitFor();
    await expectNoSeriousAxeViolations(page);

    await page.getByLabel('Add a domain').fill('harbourfreight.example');
    await page.getByRole('button', { name: 'Add domain' }).click();
    // Grace's own confirmed address is at the domain: proven at once, and the case studies appear.
    await page.getByText('Proven by your address').waitFor();
    const confirmedCard = page.getByRole('article').filter({ hasText: 'Container dwell-time prediction' });
    await confirmedCard.waitFor();
    await env.screenshot(page, 'client-01-case-studies-naming-you');
    await expectNoSeriousAxeViolations(page);

    await confirmedCard.getByRole('button', { name: 'We worked with them' }).click();
    const dialog = page.getByRole('dialog', { name: 'We worked with them' });
    await dialog.getByRole('button', { name: 'Record the answer' }).click();
    await confirmedCard.getByText('Confirmed by the client').waitFor();

    const deniedCard = page.getByRole('article').filter({ hasText: 'Crane scheduling' });
    await deniedCard.getByRole('button', { name: 'We did not work with them' }).click();
    const denial = page.getByRole('dialog', { name: 'We did not work with them' });
    // A denial needs a reason, said beside the field.
    await denial.getByRole('button', { name: 'Record the answer' }).click();
    await denial.getByText('Say in a sentence what is wrong (at least 10 characters).').waitFor();
    await env.screenshot(page, 'client-02-denial-needs-a-reason');
    await denial.getByLabel('What is wrong').fill('Harbour Freight never hired Kestrel ML for crane scheduling.');
    await denial.getByRole('button', { name: 'Record the answer' }).click();
    await deniedCard.getByText('Denied by the client').waitFor();
    await env.screenshot(page, 'client-03-answered');

    // Anyone reading the case study sees the client's own word.
    const { page: publicPage } = await env.newPage(PHONE);
    await publicPage.goto(`/case-studies/${ids.confirmed}`);
    const panel = publicPage.getByRole('region', { name: 'The client’s own word' });
    await panel.getByText('Confirmed by the client').waitFor();
    await panel.getByText(/Harbour Freight, which proved it owns the client’s domain/).waitFor();
    await expectNoSeriousAxeViolations(publicPage);
    await env.screenshot(publicPage, 'client-04-public-confirmed-phone');

    // The vendor replies to the denial, once, where buyers read it.
    const vendorPage = await signedInPage(vendor.client);
    await vendorPage.goto(`/case-studies/${ids.denied}`);
    const disputed = vendorPage.getByRole('region', { name: 'The client’s own word' });
    await disputed.getByText('Denied by the client').waitFor();
    await disputed.getByLabel('Your public reply').fill('We worked through Harbour Freight’s systems integrator in 2023.');
    await disputed.getByRole('button', { name: 'Publish reply' }).click();
    // Once published, the reply stands in the form's place: one reply, no second form.
    await disputed.getByRole('button', { name: 'Publish reply' }).waitFor({ state: 'detached' });
    await disputed.getByText('The vendor’s reply', { exact: false }).waitFor();
    await disputed.getByText('We worked through Harbour Freight’s systems integrator in 2023.').waitFor();
    await expectNoSeriousAxeViolations(vendorPage);
    await env.screenshot(vendorPage, 'client-05-vendor-replied');
  }, 120_000);
});
