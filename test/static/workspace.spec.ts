import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { printCodeFirstSchema } from '../../apps/api/src/graphql-schema';

const root = path.resolve(__dirname, '../..');
const node = process.execPath;

function run(args: string[]): string {
  return execFileSync(node, args, { cwd: root, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, NX_DAEMON: 'false' } });
}

describe('Workspace checks', () => {
  it('keeps schema.graphql in step with the code-first resolvers', async () => {
    const committed = fs.readFileSync(path.join(root, 'schema.graphql'), 'utf8');
    expect(await printCodeFirstSchema()).toBe(committed);
  });

  it('keeps the web app generated GraphQL types in step with schema.graphql', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-codegen-'));
    try {
      run(['node_modules/@graphql-codegen/cli/cjs/bin.js', '--config', 'apps/web/codegen.ts', '--silent']);
    } catch (e) {
      throw new Error(`codegen failed: ${(e as { stdout?: string }).stdout ?? e}`);
    }
    const diff = execFileSync('git', ['status', '--porcelain', '--', 'apps/web/src/gql'], { cwd: root, encoding: 'utf8' });
    fs.rmSync(out, { recursive: true, force: true });
    expect(diff).toBe('');
  }, 120_000);

  it('type-checks the API, libs, tests and the web app with strict TypeScript', () => {
    run(['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit']);
    run(['node_modules/typescript/bin/tsc', '-p', 'apps/web/tsconfig.json', '--noEmit']);
  }, 240_000);

  it('passes ESLint, including the Nx module-boundary rule', () => {
    // The boundary rule reads Nx's project graph; compute it first.
    run([require.resolve('nx/bin/nx'), 'show', 'projects']);
    try {
      run(['node_modules/eslint/bin/eslint.js', '--max-warnings=0', '.']);
    } catch (e) {
      throw new Error((e as { stdout?: string }).stdout ?? String(e));
    }
  }, 240_000);
});
