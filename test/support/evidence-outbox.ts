import { REASSESS_RELATED_STANDINGS_JOB } from '../../apps/api/src/modules/identity/client-domain-standing.service';
import { JobsService } from '../../apps/api/src/modules/jobs/jobs.service';
import { EvidenceEventsService } from '../../apps/api/src/modules/signals/evidence-events.service';
import type { TestApp } from './test-app';

/**
 * Waits until the evidence pipeline is at rest, as the app's own jobs (started with
 * `createTestApp(env, { jobs: true })`) leave it: no client-domain re-assessment waiting or
 * running (it can record new evidence events), and the evidence outbox empty. Fails with the
 * state on timeout.
 */
export async function waitForEvidenceDrained(t: TestApp, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const jobs = t.app.get(JobsService);
  const standingsIdle = async () => {
    const state = await jobs.queueState(REASSESS_RELATED_STANDINGS_JOB);
    return state.waiting + state.active === 0;
  };
  for (;;) {
    while (!(await standingsIdle())) {
      if (Date.now() > deadline) throw new Error(`Client-domain standings did not settle in ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await t.app.get(EvidenceEventsService).waitUntilDrained(Math.max(1, deadline - Date.now()));
    if (await standingsIdle()) return;
  }
}

/** Drains the outbox in the test's own process (for apps started without job workers). */
export async function drainEvidence(t: TestApp): Promise<void> {
  await t.app.get(EvidenceEventsService).drain();
}
