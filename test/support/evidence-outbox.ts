import { ClientDomainStandingService, REASSESS_RELATED_STANDINGS_JOB } from '../../apps/api/src/modules/identity/client-domain-standing.service';
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
  const standings = t.app.get(ClientDomainStandingService);
  const left = () => Math.max(1, deadline - Date.now());
  for (;;) {
    await standings.waitUntilIdle(left());
    await t.app.get(EvidenceEventsService).waitUntilDrained(left());
    const state = await t.app.get(JobsService).queueState(REASSESS_RELATED_STANDINGS_JOB);
    if (state.waiting + state.active === 0) return;
  }
}

/** Drains the outbox in the test's own process (for apps started without job workers). */
export async function drainEvidence(t: TestApp): Promise<void> {
  await t.app.get(EvidenceEventsService).drain();
}
