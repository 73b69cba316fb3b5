import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { createTestApp, TestApp } from '../support/test-app';

const root = path.resolve(__dirname, '../..');

/** An SMTP server that holds the first message open (never answers its DATA) and accepts later ones. */
class StallingSmtp {
  received: string[] = [];
  stalled = 0;
  private server?: SMTPServer;

  async start(): Promise<string> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        let body = '';
        stream.on('data', (d: Buffer) => (body += d.toString()));
        stream.on('end', () => {
          if (this.stalled === 0) {
            this.stalled++;
            return; // never call back: the sending worker is stuck mid-job
          }
          this.received.push(body);
          callback();
        });
      },
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    return `smtp://127.0.0.1:${(this.server!.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((r) => this.server!.close(() => r()));
  }
}

function startWorker(databaseUrl: string, smtpUrl: string): ChildProcess {
  return spawn(process.execPath, ['dist/api/apps/api/src/main.js'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), DATABASE_URL: databaseUrl, SMTP_URL: smtpUrl, ASSAY_ROLE: 'worker', ASSAY_SEED: 'false', LOG_LEVEL: 'warn', JOBS_MAINTENANCE_SECONDS: '2' },
    stdio: 'ignore',
  });
}

async function until(condition: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('Jobs survive a worker restart', () => {
  let t: TestApp;
  let smtp: StallingSmtp;
  let smtpUrl: string;

  beforeAll(async () => {
    execFileSync(process.execPath, ['node_modules/@swc/cli/bin/swc.js', 'apps/api/src', 'libs', 'migrations', '-d', 'dist/api', '--config-file', '.swcrc', '-q'], { cwd: root });
    smtp = new StallingSmtp();
    // The API process only enqueues (no workers); separate worker processes send.
    smtpUrl = await smtp.start();
    t = await createTestApp({ SMTP_URL: smtpUrl }, { jobs: false });
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('retries a mail job whose worker was killed mid-send, and the mail arrives exactly once', async () => {
    const owner = await t.signedInClient({ email: 'owner@restart.example' });
    const org = await owner.query<{ createOrganization: { id: string } }>(`mutation { createOrganization(input: { name: "Restart Labs", kind: vendor }) { id } }`);
    const invite = await owner.query(`mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id } }`, { input: { organizationId: org.data!.createOrganization.id, email: 'once@restart.example', role: 'member' } });
    expect(invite.errors).toBeUndefined();

    const first = startWorker(t.databaseUrl, smtpUrl);
    await until(() => smtp.stalled === 1, 30_000, 'the first worker to reach the SMTP DATA stage');
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const state: Array<{ state: string }> = await t.dataSource.query(`SELECT state FROM pgboss.job WHERE name = 'mail.send'`);
    expect(state.map((s) => s.state)).toEqual(['active']);

    const second = startWorker(t.databaseUrl, smtpUrl);
    try {
      await until(() => smtp.received.length === 1, 120_000, 'the retried mail');
      const sent: Array<{ status: string; attempts: number }> = await t.dataSource.query(`SELECT status, attempts FROM mail_messages WHERE to_address = 'once@restart.example'`);
      expect(sent).toEqual([{ status: 'sent', attempts: 1 }]);
      // Give a duplicate every chance to show up.
      await new Promise((r) => setTimeout(r, 3000));
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]).toContain('once@restart.example');
    } finally {
      second.kill('SIGTERM');
      await new Promise((r) => second.once('exit', r));
    }
  }, 180_000);
});
