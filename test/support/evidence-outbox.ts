import { EvidenceEventsService } from '../../apps/api/src/modules/signals/evidence-events.service';
import type { TestApp } from './test-app';

/**
 * Waits until the evidence outbox is empty, as the app's own drain job (started with
 * `createTestApp(env, { jobs: true })`) empties it. Fails with the outbox's state on timeout.
 */
export function waitForEvidenceDrained(t: TestApp, timeoutMs = 30_000): Promise<void> {
  return t.app.get(EvidenceEventsService).waitUntilDrained(timeoutMs);
}

/** Drains the outbox in the test's own process (for apps started without job workers). */
export async function drainEvidence(t: TestApp): Promise<void> {
  await t.app.get(EvidenceEventsService).drain();
}
