#!/usr/bin/env node
// `npm test`: every suite in one Jest run (unit, API e2e on real PostgreSQL, browser
// e2e in Chromium), then one line `N passed, N failed` for CI. Extra arguments go to Jest.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveChromium } from './chromium.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const inCi = !!process.env.CI && process.env.CI !== 'false';
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NODE_ENV: 'test' };

// Chromium: a system one when given or installed, else the one shipped in @sparticuz/chromium.
// Resolved once here (it unpacks to the temp folder) and handed to Jest's workers.
try {
  const browser = await resolveChromium(env);
  env.CHROMIUM_PATH = browser.executablePath;
  env.CHROMIUM_ARGS = JSON.stringify(browser.args);
  Object.assign(env, browser.env);
  console.log(`Browser tests use ${browser.source === 'npm' ? "@sparticuz/chromium's" : 'the system'} Chromium (${browser.executablePath}).`);
} catch (error) {
  if (inCi) {
    console.error(`No Chromium: ${error.message}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  env.ASSAY_SKIP_BROWSER = '1';
  console.warn(`\n!!! No Chromium (${error.message}): the browser e2e tests are SKIPPED.\n!!! Run \`npm install\` (it brings @sparticuz/chromium) or set CHROMIUM_PATH.\n`);
}

// Start, fault and scale-out tests run the built API as separate processes: build it once, up front.
const api = spawnSync(process.execPath, ['node_modules/@swc/cli/bin/swc.js', 'apps/api/src', 'libs', 'migrations', '-d', 'dist/api', '--config-file', '.swcrc', '-q'], { stdio: 'inherit', env });
if (api.status !== 0) {
  console.error('The API does not build.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// Browser tests run the built web app: build it once, up front.
if (!env.ASSAY_SKIP_BROWSER) {
  const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'error'], { stdio: 'inherit', env });
  if (build.status !== 0) {
    console.error('The web app does not build.');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

const results = path.join(os.tmpdir(), `assay-jest-${process.pid}.json`);
const args = ['node_modules/jest/bin/jest.js', '--json', `--outputFile=${results}`, '--forceExit', ...process.argv.slice(2)];
const run = spawnSync(process.execPath, args, { stdio: 'inherit', env });

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const report = JSON.parse(fs.readFileSync(results, 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests + report.numRuntimeErrorTestSuites;
  skipped = report.numPendingTests + report.numTodoTests;
  fs.rmSync(results, { force: true });
} catch {
  failed += 1;
}
if (inCi && skipped > 0) {
  console.error(`${skipped} tests were skipped; CI runs every test.`);
  failed += skipped;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(run.status !== 0 || failed > 0 ? 1 : 0);
