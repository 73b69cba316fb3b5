import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/request-context';
import { returnedRows } from '../../database/returning';
import { TransactionService } from '../../database/transaction.service';
import { VerificationTaskEntity } from './entities/verification-task.entity';

/** How long a claimed task stays with its reviewer before returning to the queue. */
export const LEASE_HOURS = 72;

@Injectable()
export class VerificationTasksRepository {
  constructor(private readonly tx: TransactionService) {}

  createPrimary(ctx: RequestContext, caseStudyId: string): Promise<VerificationTaskEntity> {
    const repo = this.tx.repo(ctx, VerificationTaskEntity);
    return repo.save(repo.create({ caseStudyId, kind: 'primary', status: 'open' }));
  }

  createSpotCheck(ctx: RequestContext, caseStudyId: string, checksVerdictId: string, requestedById: string): Promise<VerificationTaskEntity> {
    const repo = this.tx.repo(ctx, VerificationTaskEntity);
    return repo.save(repo.create({ caseStudyId, kind: 'spot_check', status: 'open', checksVerdictId, requestedById }));
  }

  findById(ctx: RequestContext, id: string, lock = false): Promise<VerificationTaskEntity | null> {
    const qb = this.tx.repo(ctx, VerificationTaskEntity).createQueryBuilder('t').where('t.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  /**
   * Atomically leases the task to `reviewerId` when it is open or its lease ran
   * out. One UPDATE decides: of two reviewers claiming at once, exactly one wins.
   */
  async claim(ctx: RequestContext, id: string, reviewerId: string): Promise<VerificationTaskEntity | null> {
    const result: unknown = await this.tx.manager(ctx).query(
      `UPDATE verification_tasks
          SET status = 'leased', leased_to_id = $2, lease_expires_at = now() + make_interval(hours => $3), version = version + 1
        WHERE id = $1 AND (status = 'open' OR (status = 'leased' AND lease_expires_at < now()))
        RETURNING id`,
      [id, reviewerId, LEASE_HOURS],
    );
    return returnedRows<{ id: string }>(result).length ? this.findById(ctx, id) : null;
  }

  async complete(ctx: RequestContext, id: string): Promise<void> {
    await this.tx.repo(ctx, VerificationTaskEntity).update({ id }, { status: 'completed', completedAt: new Date() });
  }

  /** Returns tasks whose lease expired to the queue; returns how many. */
  async releaseExpiredLeases(ctx: RequestContext): Promise<number> {
    const result = await this.tx
      .repo(ctx, VerificationTaskEntity)
      .createQueryBuilder()
      .update()
      .set({ status: 'open', leasedToId: null, leaseExpiresAt: null })
      .where(`status = 'leased' AND lease_expires_at < now()`)
      .execute();
    return result.affected ?? 0;
  }

  /** Open tasks and tasks whose lease ran out, oldest first, with what a reviewer needs to triage them. */
  async queue(ctx: RequestContext, limit: number): Promise<Array<VerificationTaskEntity & { title: string; vendorId: string; vendorName: string; clientName: string; clientDomain: string; outcomeCount: number }>> {
    const rows: Array<Record<string, unknown>> = await this.tx.manager(ctx).query(
      `SELECT t.*, c.title, c.vendor_id, o.name AS vendor_name, c.client_name, c.client_domain,
              (SELECT count(*)::int FROM outcome_claims oc WHERE oc.case_study_id = c.id) AS outcome_count
         FROM verification_tasks t
         JOIN case_studies c ON c.id = t.case_study_id
         JOIN organizations o ON o.id = c.vendor_id
        WHERE t.status = 'open' OR (t.status = 'leased' AND t.lease_expires_at < now())
        ORDER BY t.created_at ASC
        LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({
      ...this.tx.repo(ctx, VerificationTaskEntity).create({
        id: r.id as string,
        caseStudyId: r.case_study_id as string,
        kind: r.kind as 'primary',
        status: r.status as 'open',
        leasedToId: r.leased_to_id as string | null,
        leaseExpiresAt: r.lease_expires_at as Date | null,
        checksVerdictId: r.checks_verdict_id as string | null,
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
