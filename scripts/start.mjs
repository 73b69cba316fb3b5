#!/usr/bin/env node
// `npm start`: build what is missing or stale (API with swc, web with Vite), then run
// the API, which serves the web app. Signals are forwarded so shutdown is graceful.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);

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
if (!fs.existsSync(webIndex) || newest(['apps/web/src', 'apps/web/index.html']) > fs.statSync(webIndex).mtimeMs) {
  console.log('Building the web app…');
  run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn']);
}

const child = spawn(process.execPath, ['--enable-source-maps', apiEntry, ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
