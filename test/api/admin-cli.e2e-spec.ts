import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { createTestApp, TestApp } from '../support/test-app';

const root = path.resolve(__dirname, '../..');

describe('npm run admin:create', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    execFileSync(process.execPath, ['node_modules/@swc/cli/bin/swc.js', 'apps/api/src', 'libs', 'migrations', '-d', 'dist/api', '--config-file', '.swcrc', '-q'], { cwd: root });
  }, 60_000);
  afterAll(() => t.close());

  const run = (args: string[], password = 'first-admin-passphrase') =>
    execFileSync(process.execPath, ['dist/api/apps/api/src/cli/admin-create.js', ...args, '--database-url', t.databaseUrl], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', ASSAY_ADMIN_PASSWORD: password },
      encoding: 'utf8',
      stdio: 'pipe',
    });

  it('creates the first admin, who can then sign in with admin rights', async () => {
    expect(run(['--email', 'First.Admin@example.com', '--name', 'First Admin'])).toMatch(/Created admin first.admin@example.com/);
    const client = t.client();
    await client.query(`mutation { signIn(input: { email: "first.admin@example.com", password: "first-admin-passphrase" }) { id } }`);
    const me = await client.query<{ me: { platformRoles: string[] } }>(`{ me { platformRoles } }`);
    expect(me.data?.me.platformRoles).toEqual(['admin']);
  }, 60_000);

  it('refuses a weak password and creates nobody', async () => {
    let stderr = '';
    try {
      run(['--email', 'weak.admin@example.com'], 'short');
    } catch (e) {
      stderr = String((e as { stderr: string }).stderr);
    }
    expect(stderr).toMatch(/at least 12/);
    const rows = await t.dataSource.query(`SELECT 1 FROM users WHERE email = 'weak.admin@example.com'`);
    expect(rows).toHaveLength(0);
  }, 60_000);
});
