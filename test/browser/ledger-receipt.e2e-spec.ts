import { encodeSignerKey, generateSignerKey } from '@assay/ledger';
import { LedgerService } from '../../apps/api/src/modules/ledger/ledger.service';
import { BrowserEnv, describeBrowser, startBrowserEnv } from '../support/browser';
import type { GraphQLClient } from '../support/test-app';
import { accreditedReviewer, type VerifiedCaseStudy, verifiedCaseStudy } from '../support/ledger-flow';

describeBrowser('Verification receipt in the browser', () => {
  let env: BrowserEnv;
  let ledger: LedgerService;
  let first: VerifiedCaseStudy;
  let reviewer: GraphQLClient;

  beforeAll(async () => {
    env = await startBrowserEnv({ LEDGER_SIGNER_KEY: encodeSignerKey(generateSignerKey('assay.test/ledger')), LEDGER_ORIGIN: 'assay.test/ledger' });
    ledger = env.t.app.get(LedgerService);
    const admin = await env.t.signedInClient({ email: 'admin@receipt.test', platformRoles: ['admin'] });
    reviewer = await accreditedReviewer(env.t, admin, 'rita@receipt-review.example');
    first = await verifiedCaseStudy(env.t, reviewer, 'receipt-one');
  }, 120_000);
  afterAll(() => env?.close());

  it('shows a verified case study’s receipt, checks it with WebCrypto, and says what it proved and what not', async () => {
    const { page } = await env.newPage();
    await page.goto(`/case-studies/${first.caseStudyId}`);
    const receipt = page.getByRole('region', { name: 'Verification receipt' });
    await receipt.getByText('Waiting for the next signed tree head').waitFor();
    await env.screenshot(page, 'ledger-01-receipt-pending');

    await ledger.publishCheckpoint();
    await receipt.getByRole('button', { name: 'Refresh' }).click();
    await receipt.getByRole('button', { name: 'Check', exact: true }).click();
    const verified = receipt.getByRole('status').filter({ hasText: 'Verified in your browser' });
    await verified.waitFor();
    await verified.getByText(/This verdict, logged as “Verified”, is entry #1 of that tree/).waitFor();
    await verified.getByText(/first tree head of this log your browser has checked/).waitFor();
    await verified.getByText('What this does not prove').waitFor();
    await env.screenshot(page, 'ledger-02-receipt-verified');

    // The log grows; the next check proves it only grew since the tree head this browser kept.
    await verifiedCaseStudy(env.t, reviewer, 'receipt-two');
    await ledger.publishCheckpoint();
    await page.goto(`/receipts/${first.caseStudyId}`);
    await page.getByRole('heading', { name: 'Verification receipt', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByText('The log only grew since the tree head of 2 entries your browser checked before: nothing in it was changed, removed or reordered.').waitFor();
    await env.screenshot(page, 'ledger-03-receipt-page-log-grew');
  }, 90_000);

  it('refuses a receipt whose proof was tampered with on the way', async () => {
    const { page } = await env.newPage({ width: 390, height: 844 });
    await page.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (!body.includes('CaseStudyReceipt')) return route.continue();
      const response = await route.fetch();
      const json = (await response.json()) as { data: { caseStudyReceipt: { entry: { canonicalJson: string } } } };
      json.data.caseStudyReceipt.entry.canonicalJson = json.data.caseStudyReceipt.entry.canonicalJson.replace('"in_production"', '"retired"');
      await route.fulfill({ response, json });
    });
    await page.goto(`/case-studies/${first.caseStudyId}`);
    const receipt = page.getByRole('region', { name: 'Verification receipt' });
    await receipt.getByRole('button', { name: 'Check', exact: true }).click();
    const failed = receipt.getByRole('alert').filter({ hasText: 'This receipt did not verify' });
    await failed.waitFor();
    await failed.getByText(/its inclusion proof does not lead to the signed root/).waitFor();
    await env.screenshot(page, 'ledger-04-receipt-tampered-phone');
  }, 60_000);
});
