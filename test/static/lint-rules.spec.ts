import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');

interface LintMessage { file: string; rule: string | null; text: string }

/**
 * Runs the project's own ESLint (a child process: ESLint loads its configuration as an ES module), also on the fixtures it
 * normally ignores. The report goes to a file: on a fresh clone the Nx plugin prints warnings to stdout before any report.
 */
function lint(args: string[], stdin?: string): LintMessage[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-lint-'));
  const report = path.join(dir, 'report.json');
  try {
    const run = spawnSync(process.execPath, ['node_modules/eslint/bin/eslint.js', '--no-ignore', '--format', 'json', '--output-file', report, ...args], { cwd: root, input: stdin, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false' } });
    if (!fs.existsSync(report)) throw new Error(`ESLint did not run (exit ${run.status}): ${run.stderr}${run.stdout}`);
    const results = JSON.parse(fs.readFileSync(report, 'utf8')) as Array<{ filePath: string; messages: Array<{ ruleId: string | null; message: string }> }>;
    return results.flatMap((r) => r.messages.map((m) => ({ file: path.relative(root, r.filePath), rule: m.ruleId, text: m.message })));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('Lint rules that keep the architecture', () => {
  it('fails on an import cycle between files', () => {
    const cycles = lint(['test/static/fixtures/lint-cycle/first.ts', 'test/static/fixtures/lint-cycle/second.ts']).filter((m) => m.rule === 'import-x/no-cycle');
    expect(cycles.map((c) => c.file).sort()).toEqual(['test/static/fixtures/lint-cycle/first.ts', 'test/static/fixtures/lint-cycle/second.ts']);
  }, 60_000);

  it('fails when a feature module imports a module of its own or a later layer', () => {
    // As if the accounts module imported verification (a later layer): a module cycle in the making.
    const code = `import { VerificationService } from '../verification/verification.service';\nexport const uses = VerificationService;\n`;
    const found = lint(['--stdin', '--stdin-filename', 'apps/api/src/modules/accounts/uses-verification.ts'], code).filter((m) => m.rule === 'import-x/no-restricted-paths');
    expect(found).toHaveLength(1);
    expect(found[0].text).toMatch(/The accounts module may import only modules of earlier layers/);
  }, 60_000);

  it('accepts the same import in the other direction (a later layer using an earlier one)', () => {
    const code = `import { AccountsService } from '../accounts/accounts.service';\nexport const uses = AccountsService;\n`;
    const found = lint(['--stdin', '--stdin-filename', 'apps/api/src/modules/verification/uses-accounts.ts'], code);
    expect(found.filter((m) => m.rule?.startsWith('import-x/'))).toEqual([]);
  }, 60_000);

  it('lists every API feature module in exactly one layer', () => {
    const printed = spawnSync(process.execPath, ['--input-type=module', '-e', `import { API_MODULE_LAYERS } from './tools/lint/api-module-layers.mjs'; console.log(JSON.stringify(API_MODULE_LAYERS));`], { cwd: root, encoding: 'utf8' });
    const listed = (JSON.parse(printed.stdout) as string[][]).flat();
    const folders = fs.readdirSync(path.join(root, 'apps/api/src/modules'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...folders].sort());
  });
});
