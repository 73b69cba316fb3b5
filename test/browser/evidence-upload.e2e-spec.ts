import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { CSV_TEXT, pngBytes } from '../../apps/api/src/modules/evidence/__tests__/evidence-fixtures';
import { BrowserEnv, describeBrowser, startBrowserEnv } from '../support/browser';
import { createDraft, vendorWithOwner } from '../support/factories';
import { countRows, GraphQLClient } from '../support/test-app';

/** Opens a page signed in as `client` (its session cookie, no sign-in form). */
async function signedInPage(env: BrowserEnv, client: GraphQLClient, viewport?: { width: number; height: number }): Promise<Page> {
  const { page, context } = await env.newPage(viewport);
  const session = client.getCookie('assay_session');
  if (!session) throw new Error('the client has no session cookie');
  await context.addCookies([{ name: 'assay_session', value: session, url: env.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  return page;
}

describeBrowser('Evidence upload in the browser', () => {
  let env: BrowserEnv;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-evidence-browser-'));
    env = await startBrowserEnv({ ASSAY_DATA_DIR: dataDir });
  }, 120_000);
  afterAll(async () => {
    await env?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('uploads a PNG and a CSV with visible progress and previews, refuses a spoofed file with its reason, adds a link and removes a file', async () => {
    const { client: owner, vendorId } = await vendorWithOwner(env.t, 'owner@prism-evidence.example', 'Prism Evidence Labs');
    const draft = await createDraft(owner, vendorId);
    const page = await signedInPage(env, owner);
    await page.goto(`/vendor/case-studies/${draft.id}/evidence`);
    await page.getByRole('heading', { name: 'Case study evidence', level: 1 }).waitFor();
    await page.getByText('No evidence attached yet.').waitFor();
    await env.screenshot(page, 'evidence-01-empty');

    // A slow uplink (200 KB/s) so a ~1 MB upload takes seconds and its progress can be seen.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 50, downloadThroughput: 4 * 1024 * 1024, uploadThroughput: 200 * 1024 });

    const png = pngBytes(600, 560, { noisy: true });
    expect(png.length).toBeGreaterThan(900 * 1024);
    await page.locator('input[type=file]').setInputFiles([
      { name: 'monitoring-dashboard.png', mimeType: 'image/png', buffer: png },
      { name: 'weekly-metrics.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV_TEXT) },
    ]);

    const progress = page.getByRole('progressbar', { name: 'Uploading monitoring-dashboard.png' });
    await page.waitForFunction(() => {
      const bar = document.querySelector('[aria-label="Uploading monitoring-dashboard.png"]');
      const now = Number(bar?.getAttribute('aria-valuenow') ?? 0);
      return now >= 10 && now < 90;
    });
    await progress.waitFor({ state: 'visible' });
    const midway = Number(await progress.getAttribute('aria-valuenow'));
    expect(midway).toBeGreaterThan(0);
    expect(midway).toBeLessThan(100);
    // The preview of a file being uploaded comes from the file itself.
    await page.getByTestId('upload-row').filter({ hasText: 'monitoring-dashboard.png' }).getByTestId('evidence-thumbnail').waitFor();
    await env.screenshot(page, 'evidence-02-uploading');

    const items = page.getByTestId('evidence-item');
    await items.filter({ hasText: 'monitoring-dashboard.png' }).waitFor({ timeout: 30_000 });
    await items.filter({ hasText: 'weekly-metrics.csv' }).waitFor();
    await page.getByTestId('upload-row').first().waitFor({ state: 'detached' });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

    // Previews of stored files: the image as a thumbnail, the CSV's first lines.
    const thumbnail = items.filter({ hasText: 'monitoring-dashboard.png' }).getByTestId('evidence-thumbnail');
    await thumbnail.waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="evidence-item"] img[data-testid="evidence-thumbnail"]');
      return !!img && img.complete && img.naturalWidth === 600;
    });
    await items.filter({ hasText: 'weekly-metrics.csv' }).getByTestId('evidence-text-preview').filter({ hasText: 'metric,baseline,claimed' }).waitFor();
    await items.filter({ hasText: 'weekly-metrics.csv' }).getByText('CSV table').waitFor();
    await env.screenshot(page, 'evidence-03-uploaded');
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).include('main').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    // A PNG named .pdf is refused, and the row says why.
    await page.locator('input[type=file]').setInputFiles([{ name: 'audit-report.pdf', mimeType: 'application/pdf', buffer: pngBytes(40, 30) }]);
    const refusal = page.getByTestId('upload-row').filter({ hasText: 'audit-report.pdf' }).getByRole('alert');
    await refusal.getByText('“audit-report.pdf” is named like a PDF document but its content is a PNG image.', { exact: false }).waitFor();
    await env.screenshot(page, 'evidence-04-spoofed-refused');
    await page.getByRole('button', { name: 'Dismiss the message about audit-report.pdf' }).click();
    await page.getByTestId('upload-row').waitFor({ state: 'detached' });

    // A link, then removing the CSV.
    await page.getByLabel('Link title').fill('Public model card');
    await page.getByLabel('Web address').fill('https://prism-evidence.example/model-card');
    await page.getByRole('button', { name: 'Add link' }).click();
    await items.filter({ hasText: 'Public model card' }).waitFor();
    await page.getByRole('button', { name: 'Remove weekly-metrics.csv' }).click();
    await items.filter({ hasText: 'weekly-metrics.csv' }).waitFor({ state: 'detached' });
    await page.evaluate(() => window.scrollTo(0, 0));
    await env.screenshot(page, 'evidence-05-link-and-removal');

    expect(await countRows(env.t.dataSource, 'evidence_items', 'case_study_id = $1', [draft.id])).toBe(2);
    expect(await countRows(env.t.dataSource, 'evidence_items', `case_study_id = $1 AND media_type = 'image/png' AND size_bytes = $2`, [draft.id, png.length])).toBe(1);
  }, 120_000);

  it('shows the evidence on a phone, and a clear refusal to someone outside the consultancy', async () => {
    const { client: owner, vendorId } = await vendorWithOwner(env.t, 'owner@quartz-evidence.example', 'Quartz Evidence');
    const draft = await createDraft(owner, vendorId);
    const page = await signedInPage(env, owner, { width: 390, height: 844 });
    await page.goto(`/vendor/case-studies/${draft.id}/evidence`);
    await page.getByRole('button', { name: 'Choose files' }).waitFor();
    await page.locator('input[type=file]').setInputFiles([{ name: 'handover-notes.md', mimeType: 'text/markdown', buffer: Buffer.from('# Handover\n\n- Client team retrains monthly.\n') }]);
    await page.getByTestId('evidence-item').filter({ hasText: 'handover-notes.md' }).getByTestId('evidence-text-preview').filter({ hasText: '# Handover' }).waitFor();
    await env.screenshot(page, 'evidence-06-phone');

    const outsider = await env.t.signedInClient({ email: 'someone@elsewhere-evidence.example' });
    const other = await signedInPage(env, outsider);
    await other.goto(`/vendor/case-studies/${draft.id}/evidence`);
    await other.getByText('You cannot open this evidence').waitFor();
    expect(await other.locator('input[type=file]').count()).toBe(0);
    await env.screenshot(other, 'evidence-07-not-visible');
  }, 60_000);
});
