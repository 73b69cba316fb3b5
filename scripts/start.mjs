#!/usr/bin/env node
// `npm start`: build what is missing or stale (API with swc, web with Vite), then run
// the API, which serves the web app and works the jobs. `npm run start:api` and
// `npm run start:worker` (`node scripts/start.mjs api|worker`) run one role only, for
// scaling out (docs/scaling.md). Signals are forwarded so shutdown is graceful.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);

// The first argument picks the role; without one, ASSAY_ROLE (default `all`) decides.
const ROLES = ['all', 'api', 'worker'];
const args = process.argv.slice(2);
if (args[0] && !args[0].startsWith('-')) {
  if (!ROLES.includes(args[0])) {
    console.error(`Unknown role "${args[0]}": use one of ${ROLES.join(', ')} (e.g. \`npm run start:api\`).`);
    process.exit(1);
  }
  process.env.ASSAY_ROLE = args.shift();
}
const role = process.env.ASSAY_ROLE || 'all';
if (role !== 'all' && !process.env.DATABASE_URL) {
  console.warn(`ASSAY_ROLE=${role} without DATABASE_URL: this process starts its own embedded PostgreSQL. Point every api and worker process at the same DATABASE_URL.`);
}

/** Newest modification time under the given folders (files only). */
function newest(dirs) {
  let latest = 0;
  const walk = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      if (p.endsWith('node_modules')) return;
      for (const e of fs.readdirSync(p)) walk(path.join(p, e));
    } else latest = Math.max(latest, st.mtimeMs);
  };
  dirs.forEach(walk);
  return latest;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: false });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const apiEntry = 'dist/api/apps/api/src/main.js';
if (!fs.existsSync(apiEntry) || newest(['apps/api/src', 'libs', 'migrations']) > fs.statSync(apiEntry).mtimeMs) {
  console.log('Building the API…');
  run(process.execPath, ['node_modules/@swc/cli/bin/swc.js', 'apps/api/src', 'libs', 'migrations', '-d', 'dist/api', '--config-file', '.swcrc', '-q']);
  fs.utimesSync(apiEntry, new Date(), new Date());
}
const webIndex = 'dist/web/index.html';
// A worker serves no HTTP, so it needs no web build.
if (role !== 'worker' && (!fs.existsSync(webIndex) || newest(['apps/web/src', 'apps/web/index.html']) > fs.statSync(webIndex).mtimeMs)) {
  console.log('Building the web app…');
  run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn']);
}

const child = spawn(process.execPath, ['--enable-source-maps', apiEntry, ...args], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
