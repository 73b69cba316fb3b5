import { randomInt } from 'node:crypto';
import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { checkDecline, drawOrder, matchesExpertise, OFFER_HOURS, SECOND_VERDICT_REASON_TEXT, transition } from '@assay/domain';
import { z } from 'zod';
import { authorize } from '../../common/authz/authorize';
import { badInput, conflict, forbidden, notFound } from '../../common/errors';
import { RequestContext } from '../../common/request-context';
import { parseInput } from '../../common/validation';
import { TransactionService } from '../../database/transaction.service';
import { CaseStudiesRepository } from '../case-studies/case-studies.repository';
import { JobsService } from '../jobs/jobs.service';
import { MailService } from '../mail/mail.service';
import { TaskOfferEntity, type CheckReason, type VerificationTaskEntity } from './entities/verification-task.entity';
import { ReviewerEligibilityService } from './reviewer-eligibility.service';
import { ReviewersService } from './reviewers.service';
import { VerificationTasksRepository } from './verification-tasks.repository';

export const ASSIGN_TASKS_JOB = 'verification.assign-tasks';
/** Tasks one sweep looks at (oldest first); the rest wait a minute for the next. */
const SWEEP_LIMIT = 50;
/** How many drawn reviewers are checked for conflicts before a task waits for the next sweep. */
const MAX_CANDIDATES_CHECKED = 25;

const declineSchema = z.object({
  taskId: z.uuid({ error: 'This task does not exist.' }),
  reason: z.string().trim().min(3, 'Say in a few words why you decline (for example: no time this week, outside my expertise).').max(500, 'At most 500 characters.'),
});

/** A uniform number in [0, 1) from the operating system's generator: nobody can predict a draw. */
const secureRandom = (): number => randomInt(2 ** 47) / 2 ** 47;

/**
 * Who gets which verification task. A task is offered to one reviewer drawn at random from the
 * eligible pool (accredited, confirmed email, room for more work, no conflict with the vendor or
 * the client, not already offered this task, not the author of a verdict it checks). The reviewer
 * accepts or declines within OFFER_HOURS; a decline (recorded, limited), a lapsed offer or a lapsed
 * lease moves the task on to the next draw. A reviewer never picks a task from a list.
 */
@Injectable()
export class TaskAssignmentService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('TaskAssignment');
  private stopping = false;

  constructor(
    private readonly tx: TransactionService,
    private readonly tasks: VerificationTasksRepository,
    private readonly caseStudies: CaseStudiesRepository,
    private readonly reviewers: ReviewersService,
    private readonly eligibility: ReviewerEligibilityService,
    private readonly mail: MailService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.define<object>({
      name: ASSIGN_TASKS_JOB,
      cron: '* * * * *',
      handler: async () => {
        const moved = await this.sweep(RequestContext.system());
        if (moved.offered) this.logger.log(`Assignment sweep: ${moved.offered} tasks offered, ${moved.waiting} still waiting for an eligible reviewer`);
      },
    });
  }

  /** A new primary task for a submitted case study, offered at once. */
  async createPrimary(tx: RequestContext, caseStudyId: string): Promise<VerificationTaskEntity> {
    const task = await this.tasks.createPrimary(tx, caseStudyId);
    await this.offerNext(tx, task);
    return task;
  }

  /** A check (blind second verdict, tie-break or admin spot check) of a verdict, offered at once. */
  async createCheck(tx: RequestContext, caseStudyId: string, checksVerdictId: string, reasons: CheckReason[], requestedById: string | null): Promise<VerificationTaskEntity> {
    const task = await this.tasks.createCheck(tx, caseStudyId, checksVerdictId, reasons, requestedById);
    await this.offerNext(tx, task);
    return task;
  }

  /**
   * Offers the task to the next drawn reviewer, or leaves it open when nobody is eligible now
   * (the sweep tries again every minute). Returns the reviewer offered, if any.
   */
  async offerNext(tx: RequestContext, task: VerificationTaskEntity, named?: { reviewerId: string; adminId: string }): Promise<string | null> {
    const cs = await this.caseStudies.findById(tx, task.caseStudyId);
    if (!cs) return null;
    const m = this.tx.manager(tx);
    // The vendor's capabilities ride along on every row (one statement): the draw prefers reviewers who declared one.
    const candidates: Array<{ id: string; email: string; open_tasks: number; expertise: string[]; needed: string[] | null }> = await m.query(
      `WITH load AS (
         SELECT reviewer_id, count(*)::int AS n FROM (
           SELECT offered_to_id AS reviewer_id FROM verification_tasks WHERE status = 'offered'
           UNION ALL SELECT leased_to_id FROM verification_tasks WHERE status = 'leased') held
          GROUP BY reviewer_id)
       SELECT u.id, u.email, coalesce(l.n, 0) AS open_tasks, p.expertise,
              (SELECT vp.capabilities FROM vendor_profiles vp WHERE vp.organization_id = $1) AS needed
         FROM reviewer_profiles p JOIN users u ON u.id = p.user_id LEFT JOIN load l ON l.reviewer_id = u.id
        WHERE p.revoked_at IS NULL AND u.email_verified_at IS NOT NULL AND 'reviewer' = ANY(u.platform_roles)
          ${named ? 'AND u.id = $2' : ''}`,
      named ? [cs.vendorId, named.reviewerId] : [cs.vendorId],
    );
    // Never offered twice, and a check never goes to a reviewer of the verdicts it compares.
    const excluded: Array<{ reviewer_id: string }> = await m.query(
      `SELECT reviewer_id FROM task_offers WHERE task_id = $1
       UNION SELECT reviewer_id FROM verdicts WHERE id = $2
       UNION SELECT v.reviewer_id FROM verdicts v JOIN verification_tasks t ON t.id = v.task_id WHERE t.checks_verdict_id = $2`,
      [task.id, task.checksVerdictId ?? '00000000-0000-0000-0000-000000000000'],
    );
    const exclude = new Set(named ? [] : excluded.map((e) => e.reviewer_id));
    const order = named ? candidates.map((c) => c.id) : drawOrder(candidates.map((c) => ({ id: c.id, openTasks: c.open_tasks, expertise: c.expertise })), secureRandom, { exclude, needed: candidates[0]?.needed ?? [] });
    const byId = new Map(candidates.map((c) => [c.id, c]));
    for (const id of order.slice(0, MAX_CANDIDATES_CHECKED)) {
      const reviewer = byId.get(id)!;
      const check = await this.eligibility.check(tx, reviewer, cs, task);
      if (!check.ok) {
        if (named) throw forbidden(check.message, check.code);
        continue;
      }
      await this.withdrawPending(tx, task.id, 'withdrawn');
      await this.tasks.offer(tx, task.id, id, OFFER_HOURS);
      await this.tx.repo(tx, TaskOfferEntity).insert({ taskId: task.id, reviewerId: id, assignedById: named?.adminId ?? null, expiresAt: new Date(Date.now() + OFFER_HOURS * 3_600_000), outcome: 'pending' });
      const why = task.kind === 'spot_check' && task.checkReasons.length ? ` It is an independent check of another reviewer's verdict (${task.checkReasons.map((r) => SECOND_VERDICT_REASON_TEXT[r]).join('; ')}); you will not see that verdict.` : '';
      await this.mail.queue(tx, {
        idempotencyKey: `task-offer:${task.id}:${id}`,
        to: reviewer.email,
        subject: `A verification task is offered to you: ${cs.title}`,
        text: `Assay drew you at random${matchesExpertise(reviewer.expertise, reviewer.needed ?? []) ? ' among the reviewers who declared expertise in this consultancy’s field' : ''} to verify "${cs.title}" by ${cs.vendor?.name ?? 'a consultancy'}.${why}\n\nAccept or decline it on your Review tasks page within ${OFFER_HOURS} hours; after that it goes to another reviewer.`,
      });
      return id;
    }
    if (named) throw forbidden('This reviewer cannot take this task: not accredited, not confirmed, or already holding as much work as Assay allows.', 'REVIEWER_NOT_ELIGIBLE');
    await this.withdrawPending(tx, task.id, 'lapsed');
    await this.tasks.reopen(tx, task.id);
    return null;
  }

  /** The reviewer accepts a task offered to them: it becomes theirs for the lease; a primary task starts the case study's verification. */
  async accept(ctx: RequestContext, taskId: string): Promise<VerificationTaskEntity> {
    const reviewer = await this.reviewers.requireAccredited(ctx);
    if (!z.uuid().safeParse(taskId).success) throw notFound('This task');
    return this.tx.run(ctx, async (tx) => {
      const task = await this.tasks.findById(tx, taskId, true);
      if (!task) throw notFound('This task');
      await authorize(ctx, 'taskOfferee', task);
      if (task.offerExpiresAt && task.offerExpiresAt.getTime() <= Date.now()) throw conflict('Your offer for this task lapsed; it goes to another reviewer.', 'OFFER_LAPSED');
      const cs = (await this.caseStudies.findById(tx, task.caseStudyId, true))!;
      // Facts may have changed since the draw (a membership, a declaration).
      const check = await this.eligibility.check(tx, reviewer, cs, task);
      if (!check.ok) throw forbidden(check.message, check.code);
      const accepted = await this.tasks.accept(tx, taskId, reviewer.id);
      if (!accepted) throw conflict('Your offer for this task lapsed; it goes to another reviewer.', 'OFFER_LAPSED');
      await this.resolveOffer(tx, taskId, reviewer.id, 'accepted', null);
      if (task.kind === 'primary' && cs.status === 'submitted') {
        const next = transition(cs.status, { type: 'start_verification' });
        if (next.ok) await this.caseStudies.update(tx, cs.id, { status: next.to });
      }
      return accepted;
    });
  }

  /** The reviewer declines an offer, with a reason; recorded, limited, and the task moves on. */
  async decline(ctx: RequestContext, input: unknown): Promise<boolean> {
    const reviewer = await this.reviewers.requireAccredited(ctx);
    const data = parseInput(declineSchema, input);
    return this.tx.run(ctx, async (tx) => {
      const task = await this.tasks.findById(tx, data.taskId, true);
      if (!task) throw notFound('This task');
      await authorize(ctx, 'taskOfferee', task);
      const declines: Array<{ n: number }> = await this.tx
        .manager(tx)
        .query(`SELECT count(*)::int AS n FROM task_offers WHERE reviewer_id = $1 AND outcome = 'declined' AND resolved_at > now() - interval '30 days'`, [reviewer.id]);
      const allowed = checkDecline(declines[0].n);
      if (!allowed.ok) throw badInput(allowed.message, [{ field: 'taskId', message: 'Decline limit reached.' }], allowed.code);
      await this.resolveOffer(tx, task.id, reviewer.id, 'declined', data.reason);
      await this.offerNext(tx, task);
      return true;
    });
  }

  /** Admins: offers a task to a named reviewer (conflicts and eligibility still apply); recorded with the admin's id. */
  async assign(ctx: RequestContext, taskId: string, reviewerId: string): Promise<VerificationTaskEntity> {
    const admin = await authorize(ctx, 'admin');
    if (!z.uuid().safeParse(taskId).success) throw notFound('This task');
    if (!z.uuid().safeParse(reviewerId).success) throw notFound('This reviewer');
    return this.tx.run(ctx, async (tx) => {
      const task = await this.tasks.findById(tx, taskId, true);
      if (!task) throw notFound('This task');
      if (task.status === 'completed' || task.status === 'cancelled') throw conflict('This task is already done.', 'TASK_DONE');
      if (task.status === 'leased' && task.leaseExpiresAt && task.leaseExpiresAt.getTime() > Date.now()) {
        throw conflict('A reviewer has accepted this task and still holds it.', 'TASK_TAKEN');
      }
      await this.offerNext(tx, task, { reviewerId, adminId: admin.id });
      return (await this.tasks.findById(tx, taskId))!;
    });
  }

  /**
   * Offers every task that waits (open, or its offer or lease lapsed), each in its own short
   * transaction (a task another worker holds is skipped), and stops early when the process shuts
   * down so that no sweep outlives the job runner. Returns how many were offered and how many wait.
   */
  async sweep(ctx: RequestContext, limit = SWEEP_LIMIT): Promise<{ offered: number; waiting: number }> {
    let offered = 0;
    let waiting = 0;
    const due = await this.tasks.dueForOffer(ctx, limit);
    for (const id of due) {
      if (this.stopping) break;
      const result = await this.tx.run(ctx, async (tx) => {
        const task = await this.tasks.lockIfDue(tx, id);
        if (!task) return 'skipped' as const;
        if (task.status === 'offered') await this.resolveOffer(tx, task.id, task.offeredToId!, 'lapsed', null);
        return (await this.offerNext(tx, task)) !== null ? ('offered' as const) : ('waiting' as const);
      });
      if (result === 'offered') offered++;
      else if (result === 'waiting') waiting++;
    }
    return { offered, waiting };
  }

  beforeApplicationShutdown(): void {
    this.stopping = true;
  }

  private async resolveOffer(tx: RequestContext, taskId: string, reviewerId: string, outcome: TaskOfferEntity['outcome'], reason: string | null): Promise<void> {
    await this.tx
      .manager(tx)
      .query(`UPDATE task_offers SET outcome = $3, decline_reason = $4, resolved_at = now() WHERE task_id = $1 AND reviewer_id = $2 AND outcome = 'pending'`, [taskId, reviewerId, outcome, reason]);
  }

  private async withdrawPending(tx: RequestContext, taskId: string, outcome: 'withdrawn' | 'lapsed'): Promise<void> {
    await this.tx.manager(tx).query(`UPDATE task_offers SET outcome = $2, resolved_at = now() WHERE task_id = $1 AND outcome = 'pending'`, [taskId, outcome]);
  }
}
