// Who may flag that an anonymised case study names its client, and when a flag is open. Pure:
// the verification service loads the task and the case study and asks these rules.
import type { RuleResult } from './result';

export type AnonymityFlagRefusalCode = 'NOT_LEASEHOLDER' | 'TASK_NOT_ACTIVE' | 'CASE_STUDY_NOT_ANONYMISED';

/**
 * A reviewer may flag a leak only on a task they hold (claimed, or completed by them): the task is
 * where they read the texts, and holding it is what makes them independent of the vendor. A
 * released or cancelled task is nobody's. Only an anonymised case study can leak its client's name.
 */
export function canFlagAnonymityLeak(
  reviewerId: string,
  task: { leasedToId: string | null; status: string },
  caseStudy: { clientAnonymised: boolean },
): RuleResult<AnonymityFlagRefusalCode> {
  if (task.leasedToId !== reviewerId) return { ok: false, code: 'NOT_LEASEHOLDER', message: 'Only the reviewer who holds this task can flag it.' };
  if (task.status !== 'leased' && task.status !== 'completed') return { ok: false, code: 'TASK_NOT_ACTIVE', message: 'This task is no longer yours; claim it again to flag it.' };
  if (!caseStudy.clientAnonymised) return { ok: false, code: 'CASE_STUDY_NOT_ANONYMISED', message: 'This case study names its client openly; there is no anonymity to keep.' };
  return { ok: true };
}

/**
 * A flag is open while the flagged revision is the current one: the vendor fixes the text by
 * submitting a revision, which supersedes it (and passes the anonymity check on submit).
 */
export function anonymityFlagOpen(flaggedRevision: { supersededAt: Date | null }): boolean {
  return flaggedRevision.supersededAt === null;
}
