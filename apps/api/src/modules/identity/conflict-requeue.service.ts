import { Injectable } from '@nestjs/common';
import { transition, verdictsTaintedByMembership } from '@assay/domain';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';
import { EvidenceEventsService } from '../signals/evidence-events.service';
import { membershipFactsOf } from './membership-facts';

/**
 * When a reviewer joins an organisation, the verdicts they recorded on its case
 * studies while courting it (24 months before joining) or as a member are no longer
 * independent: each such case study goes back to the verification queue for a new
 * verdict by someone else, and its outcomes count as unreviewed until then. The old
 * verdict stays in the ledger.
 */
@Injectable()
export class ConflictRequeueService {
  constructor(
    private readonly tx: TransactionService,
    private readonly evidenceEvents: EvidenceEventsService,
  ) {}

  /** Re-queues the tainted verdicts of `userId` on `organizationId`'s case studies; returns the case studies re-queued. */
  async afterJoining(tx: RequestContext, userId: string, organizationId: string): Promise<string[]> {
    const m = this.tx.manager(tx);
    const verdicts: Array<{ id: string; case_study_id: string; created_at: Date; status: string }> = await m.query(
      `SELECT v.id, v.case_study_id, v.created_at, cs.status
         FROM verdicts v JOIN case_studies cs ON cs.id = v.case_study_id
        WHERE v.reviewer_id = $1 AND v.vendor_id = $2 AND v.kind = 'primary' AND v.superseded_by_id IS NULL
          AND cs.superseded_at IS NULL
        FOR UPDATE OF cs`,
      [userId, organizationId],
    );
    if (verdicts.length === 0) return [];
    const tainted = new Set(
      verdictsTaintedByMembership(
        await membershipFactsOf(this.tx, tx, userId),
        verdicts.map((v) => ({ id: v.id, vendorOrganizationId: organizationId, recordedAt: new Date(v.created_at) })),
        new Date(),
      ),
    );
    const requeued: string[] = [];
    for (const v of verdicts) {
      if (!tainted.has(v.id)) continue;
      // Only a verdict in force can be re-queued; one under dispute waits for the admin's resolution.
      const next = transition(v.status as Parameters<typeof transition>[0], { type: 'reopen_for_reverification' });
      if (!next.ok) continue;
      await m.query(`UPDATE case_studies SET status = $2, version = version + 1, updated_at = now() WHERE id = $1`, [v.case_study_id, next.to]);
      await m.query(`UPDATE outcome_claims SET verification_status = 'pending', verified_value = NULL WHERE case_study_id = $1`, [v.case_study_id]);
      await m.query(`INSERT INTO verification_tasks (case_study_id, kind, status, version) VALUES ($1, 'primary', 'open', 1)`, [v.case_study_id]);
      requeued.push(v.case_study_id);
    }
    if (requeued.length) await this.evidenceEvents.record(tx, { vendorId: organizationId, reviewerId: userId, cause: 'verdict_requeued' });
    return requeued;
  }
}
