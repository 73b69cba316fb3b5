import { JobsService } from '../../apps/api/src/modules/jobs/jobs.service';
import { type AssayProcess, killAssay, startAssay, stopAssay, until } from '../support/processes';
import { TestSmtpServer } from '../support/smtp';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The real expiry path, only shorter: a send still running after 4 s is taken for dead
 * (production: 60 s), pg-boss looks every second and retries after 1–2 s. Every process
 * gets the same settings, as a deployment would.
 */
const JOB_TIMING = { MAIL_SEND_TIMEOUT_SECONDS: '4', MAIL_RETRY_DELAY_SECONDS: '1', JOBS_MAINTENANCE_SECONDS: '1' };

describe('Jobs survive a worker crash (fault test: worker processes killed mid-job)', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let smtpUrl: string;

  beforeAll(async () => {
    smtp = new TestSmtpServer({ stallFirst: 1 });
    smtpUrl = await smtp.start();
    // The API (in this process) only enqueues; separate worker processes send.
    t = await createTestApp({ SMTP_URL: smtpUrl, ...JOB_TIMING }, { jobs: false });
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const startWorker = () => startAssay({ DATABASE_URL: t.databaseUrl, SMTP_URL: smtpUrl, ASSAY_ROLE: 'worker', ...JOB_TIMING });

  it('retries a mail job whose worker was killed mid-send, and the mail arrives exactly once', async () => {
    const owner = await t.signedInClient({ email: 'owner@restart.example' });
    const org = await owner.query<{ createOrganization: { id: string } }>(`mutation { createOrganization(input: { name: "Restart Labs", kind: vendor }) { id } }`);
    const invite = await owner.query(`mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id } }`, { input: { organizationId: org.data!.createOrganization.id, email: 'once@restart.example', role: 'member' } });
    expect(invite.errors).toBeUndefined();

    const first = await startWorker();
    await until(() => smtp.stalled === 1, 30_000, 'the first worker to reach the SMTP DATA stage');
    await killAssay(first);
    const killedAt = Date.now();
    const state: Array<{ state: string }> = await t.dataSource.query(`SELECT state FROM pgboss.job WHERE name = 'mail.send'`);
    expect(state.map((s) => s.state)).toEqual(['active']);

    let second: AssayProcess | undefined;
    try {
      second = await startWorker();
      await until(() => smtp.mails.length === 1, 60_000, 'the retried mail');
      const retriedAfterMs = Date.now() - killedAt;
      // The worker marks the row sent in the transaction that sent it, once the SMTP server has answered.
      const mailRow = async (): Promise<Array<{ status: string; attempts: number }>> => t.dataSource.query(`SELECT status, attempts FROM mail_messages WHERE to_address = 'once@restart.example'`);
      await until(async () => (await mailRow())[0].status === 'sent', 10_000, 'the mail row to be marked sent');
      // The killed attempt's transaction died with its connection, so it counted nothing.
      expect(await mailRow()).toEqual([{ status: 'sent', attempts: 1 }]);
      // Give a duplicate every chance to show up.
      await new Promise((r) => setTimeout(r, 3000));
      expect(smtp.mails).toHaveLength(1);
      expect(smtp.mails[0].to).toContain('once@restart.example');
      // pg-boss expired the dead worker's attempt (after the configured 4 s) and retried the same job once.
      const job: Array<{ state: string; retry_count: number; expire_in: { seconds: number } }> = await t.dataSource.query(`SELECT state, retry_count, expire_in FROM pgboss.job WHERE name = 'mail.send'`);
      expect(job).toEqual([{ state: 'completed', retry_count: 1, expire_in: { seconds: 4 } }]);
      console.log(`Worker crash: the mail was retried and sent ${retriedAfterMs} ms after the worker was killed.`);
    } finally {
      if (second) await stopAssay(second);
    }
  }, 120_000);

  it('applies changed mail job settings to a queue that already exists (e.g. after a redeploy)', async () => {
    await t.app.get(JobsService).ensureStarted();
    const settings = () => t.dataSource.query(`SELECT expire_seconds, retry_delay FROM pgboss.queue WHERE name = 'mail.send'`);
    expect(await settings()).toEqual([{ expire_seconds: 4, retry_delay: 1 }]);
    const redeployed = await createTestApp({ SMTP_URL: smtpUrl, MAIL_SEND_TIMEOUT_SECONDS: '90', MAIL_RETRY_DELAY_SECONDS: '20' }, { databaseUrl: t.databaseUrl });
    try {
      await redeployed.app.get(JobsService).ensureStarted();
      expect(await settings()).toEqual([{ expire_seconds: 90, retry_delay: 20 }]);
    } finally {
      await redeployed.close();
    }
  }, 60_000);
});
