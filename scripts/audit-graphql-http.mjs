#!/usr/bin/env node
// `npm run audit:graphql-http`: graphql-http's GraphQL-over-HTTP server audit against the
// real API in production mode (test/api/graphql-http-audit.e2e-spec.ts); prints the MUST and
// SHOULD counts and exits non-zero when an audit fails that is not accepted there.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NODE_ENV: 'test' };
const run = spawnSync(process.execPath, ['node_modules/jest/bin/jest.js', '--selectProjects', 'api', '--testPathPatterns', 'graphql-http-audit'], { cwd: root, env, encoding: 'utf8' });
const output = `${run.stdout}\n${run.stderr}`;
const line = output.split('\n').find((l) => l.includes('graphql-http audit (production mode)'));
console.log(line ? line.trim() : 'The audit printed no counts.');
const summary = output.split('\n').find((l) => /^Tests:/.test(l.trim()));
if (summary) console.log(summary.trim());
if (run.status !== 0) {
  console.error(output.split('\n').filter((l) => /●|Expected|Received/.test(l)).slice(0, 20).join('\n'));
  process.exit(run.status ?? 1);
}
