import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { createTestApp, TestApp } from './test-app';

const root = path.resolve(__dirname, '../..');
export const SCREENSHOT_DIR = path.join(root, 'test-results', 'screenshots');

/**
 * `describe` for browser suites. Without any Chromium (outside CI) scripts/test.mjs sets
 * ASSAY_SKIP_BROWSER and says so loudly; in CI a missing Chromium fails the run instead.
 */
export const describeBrowser: jest.Describe = process.env.ASSAY_SKIP_BROWSER ? describe.skip : describe;

/** Builds the web app once if it is missing (npm test builds it before Jest). */
export function ensureWebBuilt(): void {
  if (fs.existsSync(path.join(root, 'dist/web/index.html'))) return;
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}

/**
 * The Chromium scripts/test.mjs chose (CHROMIUM_PATH + CHROMIUM_ARGS), or, when Jest runs
 * on its own, the same choice made by scripts/chromium.mjs (an ES module, so run as a child).
 */
function chosenChromium(): { executablePath: string; args: string[]; env: Record<string, string> } {
  if (process.env.CHROMIUM_PATH) {
    return { executablePath: process.env.CHROMIUM_PATH, args: JSON.parse(process.env.CHROMIUM_ARGS ?? '[]') as string[], env: {} };
  }
  const out = execFileSync(process.execPath, [path.join(root, 'scripts/chromium.mjs')], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out) as { executablePath: string; args: string[]; env: Record<string, string> };
}

export interface BrowserEnv {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  newPage(viewport?: { width: number; height: number }): Promise<{ page: Page; context: BrowserContext }>;
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

/** The real app on a real port, with Chromium (system or from npm) driven by playwright-core. */
export async function startBrowserEnv(env: Record<string, string> = {}, options: { jobs?: boolean } = {}): Promise<BrowserEnv> {
  ensureWebBuilt();
  const t = await createTestApp({ WEB_DIST_DIR: path.join(root, 'dist/web'), ...env }, options);
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  const chosen = chosenChromium();
  const browser = await chromium.launch({
    executablePath: chosen.executablePath,
    env: { ...process.env, ...chosen.env } as Record<string, string>,
    args: [...chosen.args, '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run', '--disable-quic', '--disable-component-update', '--disable-sync'],
  });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    t,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    newPage: async (viewport = { width: 1280, height: 860 }) => {
      const context = await browser.newContext({ viewport, baseURL: `http://127.0.0.1:${port}` });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return { page, context };
    },
    screenshot: async (page, name) => {
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
    },
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}
