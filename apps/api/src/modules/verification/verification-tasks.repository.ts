import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/request-context';
import { returnedRows } from '../../database/returning';
import { TransactionService } from '../../database/transaction.service';
import { VerificationTaskEntity, type CheckReason, type TaskKind, type TaskStatus } from './entities/verification-task.entity';

export type QueuedTask = VerificationTaskEntity & { title: string; vendorId: string; vendorName: string; clientName: string; clientDomain: string; outcomeCount: number };

/** How long a claimed task stays with its reviewer before returning to the queue. */
export const LEASE_HOURS = 72;

@Injectable()
export class VerificationTasksRepository {
  constructor(private readonly tx: TransactionService) {}

  createPrimary(ctx: RequestContext, caseStudyId: string): Promise<VerificationTaskEntity> {
    const repo = this.tx.repo(ctx, VerificationTaskEntity);
    return repo.save(repo.create({ caseStudyId, kind: 'primary', status: 'open', checkReasons: [] }));
  }

  createCheck(ctx: RequestContext, caseStudyId: string, checksVerdictId: string, reasons: CheckReason[], requestedById: string | null): Promise<VerificationTaskEntity> {
    const repo = this.tx.repo(ctx, VerificationTaskEntity);
    return repo.save(repo.create({ caseStudyId, kind: 'spot_check', status: 'open', checksVerdictId, checkReasons: reasons, requestedById }));
  }

  findById(ctx: RequestContext, id: string, lock = false): Promise<VerificationTaskEntity | null> {
    const qb = this.tx.repo(ctx, VerificationTaskEntity).createQueryBuilder('t').where('t.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  /**
   * Atomically leases the task to `reviewerId` when it is offered to them and the offer has not
   * lapsed. One UPDATE decides, so an offer is accepted at most once.
   */
  async accept(ctx: RequestContext, id: string, reviewerId: string): Promise<VerificationTaskEntity | null> {
    const result: unknown = await this.tx.manager(ctx).query(
      `UPDATE verification_tasks
          SET status = 'leased', leased_to_id = $2, lease_expires_at = now() + make_interval(hours => $3),
              offered_to_id = NULL, offer_expires_at = NULL, version = version + 1
        WHERE id = $1 AND status = 'offered' AND offered_to_id = $2 AND offer_expires_at > now()
        RETURNING id`,
      [id, reviewerId, LEASE_HOURS],
    );
    return returnedRows<{ id: string }>(result).length ? this.findById(ctx, id) : null;
  }

  /** Offers the task to `reviewerId` until `hours` from now (replacing any earlier offer or lapsed lease). */
  async offer(ctx: RequestContext, id: string, reviewerId: string, hours: number): Promise<void> {
    await this.tx.manager(ctx).query(
      `UPDATE verification_tasks
          SET status = 'offered', offered_to_id = $2, offer_expires_at = now() + make_interval(hours => $3),
              leased_to_id = NULL, lease_expires_at = NULL, version = version + 1
        WHERE id = $1`,
      [id, reviewerId, hours],
    );
  }

  /** Back to open: nobody eligible could be drawn now; the assignment sweep tries again. */
  async reopen(ctx: RequestContext, id: string): Promise<void> {
    await this.tx.manager(ctx).query(
      `UPDATE verification_tasks SET status = 'open', offered_to_id = NULL, offer_expires_at = NULL, leased_to_id = NULL, lease_expires_at = NULL, version = version + 1 WHERE id = $1`,
      [id],
    );
  }

  /** The condition of a task that waits for a reviewer: open, or its offer or lease lapsed. */
  private static readonly DUE = `(status = 'open' OR (status = 'offered' AND offer_expires_at < now()) OR (status = 'leased' AND lease_expires_at < now()))`;

  /** Tasks waiting for a reviewer, oldest first. */
  async dueForOffer(ctx: RequestContext, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.tx
      .manager(ctx)
      .query(`SELECT id FROM verification_tasks WHERE ${VerificationTasksRepository.DUE} ORDER BY created_at ASC LIMIT $1`, [limit]);
    return rows.map((r) => r.id);
  }

  /** The task, locked, if it still waits for a reviewer and no other transaction holds it. */
  async lockIfDue(ctx: RequestContext, id: string): Promise<VerificationTaskEntity | null> {
    const rows: Array<{ id: string }> = await this.tx
      .manager(ctx)
      .query(`SELECT id FROM verification_tasks WHERE id = $1 AND ${VerificationTasksRepository.DUE} FOR UPDATE SKIP LOCKED`, [id]);
    return rows[0] ? this.findById(ctx, id) : null;
  }

  async complete(ctx: RequestContext, id: string): Promise<void> {
    await this.tx.repo(ctx, VerificationTaskEntity).update({ id }, { status: 'completed', completedAt: new Date() });
  }

  /**
   * Tasks not yet done, oldest first, with what a reader needs to see them: the whole queue, the
   * tasks offered to one reviewer (`offeredTo`), or one task (`taskId`).
   */
  async pending(ctx: RequestContext, filter: { limit: number; offeredTo?: string; taskId?: string }): Promise<QueuedTask[]> {
    const rows: Array<Record<string, unknown>> = await this.tx.manager(ctx).query(
      `SELECT t.*, c.title, c.vendor_id, o.name AS vendor_name, c.client_name, c.client_domain,
              (SELECT count(*)::int FROM outcome_claims oc WHERE oc.case_study_id = c.id) AS outcome_count
         FROM verification_tasks t
         JOIN case_studies c ON c.id = t.case_study_id
         JOIN organizations o ON o.id = c.vendor_id
        WHERE t.status IN ('open', 'offered', 'leased')
          AND ($2::uuid IS NULL OR (t.status = 'offered' AND t.offered_to_id = $2 AND t.offer_expires_at > now()))
          AND ($3::uuid IS NULL OR t.id = $3)
        ORDER BY t.created_at ASC
        LIMIT $1`,
      [filter.limit, filter.offeredTo ?? null, filter.taskId ?? null],
    );
    return rows.map((r) => ({
      ...this.tx.repo(ctx, VerificationTaskEntity).create({
        id: r.id as string,
        caseStudyId: r.case_study_id as string,
        kind: r.kind as TaskKind,
        status: r.status as TaskStatus,
        leasedToId: r.leased_to_id as string | null,
        leaseExpiresAt: r.lease_expires_at as Date | null,
        checksVerdictId: r.checks_verdict_id as string | null,
        offeredToId: r.offered_to_id as string | null,
        offerExpiresAt: r.offer_expires_at as Date | null,
        checkReasons: r.check_reasons as CheckReason[],
        requestedById: r.requested_by_id as string | null,
        createdAt: r.created_at as Date,
        completedAt: r.completed_at as Date | null,
        version: r.version as number,
      }),
      title: r.title as string,
      vendorId: r.vendor_id as string,
      vendorName: r.vendor_name as string,
      clientName: r.client_name as string,
      clientDomain: r.client_domain as string,
      outcomeCount: r.outcome_count as number,
    }));
  }

  leasedTo(ctx: RequestContext, reviewerId: string): Promise<VerificationTaskEntity[]> {
    return this.tx.repo(ctx, VerificationTaskEntity).find({ where: { leasedToId: reviewerId, status: 'leased' }, order: { createdAt: 'ASC' } });
  }
}
