#!/usr/bin/env node
// Which Chromium the browser tests drive. A system Chromium wins when one is given
// (CHROMIUM_PATH / CHROME_PATH) or installed; otherwise the one shipped inside the
// @sparticuz/chromium npm package, so a machine with only Node runs the browser suite.
// Run directly, it prints {"executablePath", "args", "env"} as JSON (test/support/browser.ts
// uses that when Jest is started without scripts/test.mjs).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

// The packaged build's own flags are made for serverless sandboxes; these are the ones that
// matter on a CI machine. Left out on purpose: --single-process (one crash takes every page),
// --disable-web-security and --allow-running-insecure-content (tests must see real CORS/CSP).
const PACKAGED_FLAGS_KEPT = new Set(['--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist', '--in-process-gpu', '--font-render-hinting=none', '--no-zygote']);

/** @returns {Promise<{ executablePath: string, args: string[], env: Record<string, string>, source: 'system' | 'npm' }>} */
export async function resolveChromium(env = process.env) {
  const given = ['CHROMIUM_PATH', 'CHROME_PATH'].map((k) => env[k]).find(Boolean) ?? SYSTEM_CANDIDATES.find((p) => fs.existsSync(p));
  if (given && env.ASSAY_CHROMIUM !== 'npm') return { executablePath: given, args: [], env: {}, source: 'system' };
  const { default: packaged } = await import('@sparticuz/chromium');
  const executablePath = await packaged.executablePath(); // unpacks once to the temp folder
  const args = packaged.args.filter((a) => PACKAGED_FLAGS_KEPT.has(a));
  // Without a system fontconfig, point Chromium at the fonts the package unpacked.
  const extraEnv = fs.existsSync('/etc/fonts/fonts.conf') ? {} : { FONTCONFIG_PATH: path.join(os.tmpdir(), 'fonts') };
  return { executablePath, args, env: extraEnv, source: 'npm' };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(JSON.stringify(await resolveChromium()));
}
