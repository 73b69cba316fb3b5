import { RequestContext } from '../../apps/api/src/common/request-context';
import { EvidenceEventsService } from '../../apps/api/src/modules/signals/evidence-events.service';
import type { TestApp } from './test-app';

/**
 * Waits until the evidence outbox is empty, as the app's own drain job (started with
 * `createTestApp(env, { jobs: true })`) empties it. Fails with the outbox's state on timeout.
 */
export async function waitForEvidenceDrained(t: TestApp, timeoutMs = 30_000): Promise<void> {
  const events = t.app.get(EvidenceEventsService);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await events.status(RequestContext.system());
    if (status.pendingEvents === 0) {
      // The drain deletes events after their vendors are stored, in a later statement: an empty
      // outbox means every event's vendors were written. Wait for a drain still running to end.
      await t.dataSource.query(`SELECT pg_advisory_xact_lock(hashtext('assay.evidence-outbox.drain'))`);
      return;
    }
    if (Date.now() > deadline) throw new Error(`The evidence outbox did not drain in ${timeoutMs} ms: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Drains the outbox in the test's own process (for apps started without job workers). */
export async function drainEvidence(t: TestApp): Promise<void> {
  await t.app.get(EvidenceEventsService).drain();
}
