import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { answerShare, assessVerdict, secondVerdictReasons, SECOND_VERDICT_REASON_TEXT, transition, verdictsAgree, type OutcomeVerification, type OutcomeVerificationResult } from '@assay/domain';
import { z } from 'zod';
import { authorize } from '../../common/authz/authorize';
import { badInput, conflict, forbidden, notFound } from '../../common/errors';
import type { RequestContext } from '../../common/request-context';
import { parseInput } from '../../common/validation';
import { TransactionService } from '../../database/transaction.service';
import { CaseStudiesRepository, type CaseStudyWithVendor } from '../case-studies/case-studies.repository';
import { CaseStudiesService } from '../case-studies/case-studies.service';
import { CaseStudyEntity } from '../case-studies/entities/case-study.entity';
import { OutcomeClaimEntity } from '../case-studies/entities/outcome-claim.entity';
import { MailService } from '../mail/mail.service';
import { ReferenceRequestEntity } from '../references/entities/reference-request.entity';
import { ReferenceResponseEntity } from '../references/entities/reference-response.entity';
import { EvidenceEventsService } from '../signals/evidence-events.service';
import { ReviewerProfileEntity } from './entities/reviewer.entity';
import type { VerificationTaskEntity } from './entities/verification-task.entity';
import { VerdictEntity, VerdictOutcomeEntity } from './entities/verdict.entity';
import { LedgerService } from '../ledger/ledger.service';
import { FollowUpsService } from '../follow-ups/follow-ups.service';
import { ReviewersService } from './reviewers.service';
import { ReviewerEligibilityService } from './reviewer-eligibility.service';
import { TaskAssignmentService } from './task-assignment.service';
import { VerificationTasksRepository, type QueuedTask } from './verification-tasks.repository';

const tri = z.boolean().nullable();
export const verdictSchema = z.object({
  taskId: z.uuid({ error: 'This task does not exist.' }),
  outcomes: z
    .array(
      z.object({
        outcomeClaimId: z.uuid(),
        result: z.enum(['verified', 'partially_verified', 'refuted', 'unverifiable'], { error: 'Choose a result for every outcome.' }),
        verifiedValue: z.number().refine(Number.isFinite, 'Enter a number.').nullish(),
      }),
    )
    .min(1, 'Record a result for every outcome.')
    .max(10),
  productionStatus: z.enum(['poc_only', 'in_production', 'retired']),
  handover: z.enum(['client_alone', 'joint', 'vendor']),
  rubric: z.object({
    properBaseline: tri,
    heldOutOrOnlineEvaluation: tri,
    leakageChecked: tri,
    monitoringInProduction: tri,
    notes: z.string().trim().max(4000, 'At most 4,000 characters.').default(''),
  }),
  notes: z.string().trim().max(8000, 'At most 8,000 characters.').default(''),
  conflictDeclaration: z.string().trim().min(3, 'Declare any conflict of interest, or write "none".').max(2000, 'At most 2,000 characters.'),
  noConflictOfInterest: z.literal(true, { error: 'Confirm that you have no conflict of interest with the consultancy or the client.' }),
});

/** A verdict with its per-outcome findings, as the viewer may see it. */
export interface VerdictView {
  verdict: VerdictEntity;
  outcomes: VerdictOutcomeEntity[];
  /** False for buyers: the reviewer's free-text notes may describe the client's systems. */
  notesVisible: boolean;
}

export interface TaskView {
  task: VerificationTaskEntity;
  caseStudy: CaseStudyWithVendor;
  references: Array<ReferenceRequestEntity & { response: ReferenceResponseEntity | null }>;
}

@Injectable()
export class VerificationService {
  constructor(
    private readonly tx: TransactionService,
    private readonly tasks: VerificationTasksRepository,
    private readonly caseStudies: CaseStudiesRepository,
    private readonly caseStudyAccess: CaseStudiesService,
    private readonly reviewers: ReviewersService,
    private readonly eligibility: ReviewerEligibilityService,
    private readonly assignment: TaskAssignmentService,
    private readonly followUps: FollowUpsService,
    private readonly mail: MailService,
    private readonly evidenceEvents: EvidenceEventsService,
    private readonly ledger: LedgerService,
  ) {}

  /** Admins: every task not yet done, with whom it is offered to or held by. */
  async queue(ctx: RequestContext): Promise<QueuedTask[]> {
    await authorize(ctx, 'admin');
    return this.tasks.pending(ctx, { limit: 200 });
  }

  /** Admins: offers a task to a named reviewer; returns it as the queue lists it. */
  async assign(ctx: RequestContext, taskId: string, reviewerId: string): Promise<QueuedTask> {
    const task = await this.assignment.assign(ctx, taskId, reviewerId);
    return (await this.tasks.pending(ctx, { limit: 1, taskId: task.id }))[0];
  }

  /** Reviewers: the tasks offered to them, waiting for an answer. */
  async myOffers(ctx: RequestContext): Promise<QueuedTask[]> {
    const reviewer = await this.reviewers.requireAccredited(ctx);
    return this.tasks.pending(ctx, { limit: 100, offeredTo: reviewer.id });
  }

  async myTasks(ctx: RequestContext): Promise<VerificationTaskEntity[]> {
    const reviewer = await this.reviewers.requireAccredited(ctx);
    return this.tasks.leasedTo(ctx, reviewer.id);
  }

  /**
   * Accepts a task offered to the caller (TASK_NOT_OFFERED otherwise: tasks are drawn, never
   * picked) and holds it for 72 h; a primary task starts the case study's verification.
   */
  claim(ctx: RequestContext, taskId: string): Promise<VerificationTaskEntity> {
    return this.assignment.accept(ctx, taskId);
  }

  /** Everything the leaseholder needs side by side: claims, references and their answers. */
  async taskView(ctx: RequestContext, taskId: string): Promise<TaskView> {
    await authorize(ctx, 'reviewer');
    if (!z.uuid().safeParse(taskId).success) throw notFound('This task');
    const task = await this.tasks.findById(ctx, taskId);
    if (!task) throw notFound('This task');
    await authorize(ctx, 'taskHolderOrAdmin', task);
    const caseStudy = (await this.caseStudies.findById(ctx, task.caseStudyId))!;
    const refs = await this.tx.repo(ctx, ReferenceRequestEntity).find({ where: { caseStudyId: task.caseStudyId }, order: { createdAt: 'ASC' } });
    const responses = refs.length
      ? await this.tx.repo(ctx, ReferenceResponseEntity).createQueryBuilder('r').where('r.reference_request_id = ANY(:ids)', { ids: refs.map((r) => r.id) }).getMany()
      : [];
    return { task, caseStudy, references: refs.map((r) => Object.assign(r, { response: responses.find((x) => x.referenceRequestId === r.id) ?? null })) };
  }

  /** Records a verdict; the case study's status follows from it by a pure rule. Immutable once written. */
  async submitVerdict(ctx: RequestContext, input: unknown): Promise<VerdictEntity> {
    const data = parseInput(verdictSchema, input);
    const reviewer = await this.reviewers.requireAccredited(ctx);
    return this.tx.run(ctx, async (tx) => {
      const task = await this.tasks.findById(tx, data.taskId, true);
      if (!task) throw notFound('This task');
      await authorize(ctx, 'taskHolder', task);
      if (task.leaseExpiresAt && task.leaseExpiresAt.getTime() < Date.now()) throw conflict('Your lease on this task expired; claim it again if it is still open.', 'LEASE_EXPIRED');
      const cs = (await this.caseStudies.findById(tx, task.caseStudyId, true))!;
      const check = await this.eligibility.check(tx, reviewer, cs, task);
      if (!check.ok) throw forbidden(check.message, check.code);
      const { status, rows } = this.assess(cs.outcomes, data.outcomes);

      const repo = this.tx.repo(tx, VerdictEntity);
      const verdict = await repo.save(
        repo.create({
          taskId: task.id,
          caseStudyId: cs.id,
          vendorId: cs.vendorId,
          reviewerId: reviewer.id,
          kind: task.kind,
          status,
          productionStatus: data.productionStatus,
          handover: data.handover,
          rubric: { ...data.rubric, notes: data.rubric.notes ?? '' },
          notes: data.notes,
          conflictDeclaration: data.conflictDeclaration,
          supersedesId: null,
          supersededById: null,
        }),
      );
      await this.tx.repo(tx, VerdictOutcomeEntity).insert(rows.map((r) => ({ ...r, verdictId: verdict.id })));
      await this.tasks.complete(tx, task.id);

      if (task.kind === 'primary') {
        await this.applyToCaseStudy(tx, cs, verdict, rows, { type: 'record_verdict', status });
        await this.evidenceEvents.record(tx, { vendorId: cs.vendorId, reviewerId: reviewer.id, cause: 'verdict_recorded' });
        await this.maybeSecondVerdict(tx, cs, verdict, rows);
      } else if (task.checksVerdictId) {
        // A check moves the checked reviewer's reliability, which weighs every vendor they judged;
        // the check's verdict is a verdict row of the checker's, which moves their verdict totals.
        const { reviewerId: checked, agreed } = await this.recordSpotCheckAgreement(tx, task.checksVerdictId, verdict);
        if (checked && !agreed && !task.checkReasons.includes('tie_break')) await this.escalateDisagreement(tx, cs, task, verdict);
        await this.evidenceEvents.record(
          tx,
          { vendorId: cs.vendorId, reviewerId: reviewer.id, cause: 'verdict_recorded' },
          ...(checked ? [{ vendorId: cs.vendorId, reviewerId: checked, cause: 'spot_check_recorded' as const }] : []),
        );
      }
      // Last, in the same transaction: the verdict and its ledger entry commit together.
      await this.ledger.append(tx, { kind: 'verdict', subjectId: verdict.id });
      return verdict;
    });
  }

  /** Admins may require a second, independent verdict on any verified case study (the waiting check, if a rule already asked for one). */
  async requireSpotCheck(ctx: RequestContext, caseStudyId: string): Promise<VerificationTaskEntity> {
    const admin = await authorize(ctx, 'admin');
    if (!z.uuid().safeParse(caseStudyId).success) throw notFound('This case study');
    return this.tx.run(ctx, async (tx) => {
      const verdict = await this.currentVerdict(tx, caseStudyId);
      if (!verdict) throw conflict('This case study has no verdict to check yet.', 'NO_VERDICT');
      // A check a rule already asked for serves the admin too: it is marked as theirs and returned.
      const [pending]: Array<{ id: string }> = await this.tx
        .manager(tx)
        .query(`SELECT id FROM verification_tasks WHERE checks_verdict_id = $1 AND status IN ('open', 'offered', 'leased') ORDER BY created_at LIMIT 1 FOR UPDATE`, [verdict.id]);
      if (pending) {
        await this.tx
          .manager(tx)
          .query(`UPDATE verification_tasks SET check_reasons = array_append(check_reasons, 'admin'), requested_by_id = coalesce(requested_by_id, $2) WHERE id = $1 AND NOT ('admin' = ANY(check_reasons))`, [pending.id, admin.id]);
        return (await this.tasks.findById(tx, pending.id))!;
      }
      return this.assignment.createCheck(tx, caseStudyId, verdict.id, ['admin'], admin.id);
    });
  }

  /** The tasks the caller holds, each as its leaseholder sees it. */
  async myTaskViews(ctx: RequestContext): Promise<TaskView[]> {
    const tasks = await this.myTasks(ctx);
    return Promise.all(tasks.map((t) => this.taskView(ctx, t.id)));
  }

  /**
   * A case study's verdicts as the viewer may see them: spot checks for admins only, and for
   * buyers without the reviewer's free-text notes (they may describe the client's systems).
   */
  async caseStudyVerdicts(ctx: RequestContext, caseStudyId: string): Promise<VerdictView[]> {
    const { access } = await this.caseStudyAccess.get(ctx, caseStudyId);
    const verdicts = (await this.tx.repo(ctx, VerdictEntity).find({ where: { caseStudyId }, order: { createdAt: 'ASC' } })).filter((v) => v.kind !== 'spot_check' || access === 'admin');
    return (await this.withOutcomes(ctx, verdicts)).map((v) => ({ ...v, notesVisible: access !== 'public' }));
  }

  /** Verdicts with their per-outcome findings, in one statement. */
  async withOutcomes(ctx: RequestContext, verdicts: VerdictEntity[]): Promise<VerdictView[]> {
    if (!verdicts.length) return [];
    const outcomes = await this.tx.repo(ctx, VerdictOutcomeEntity).createQueryBuilder('o').where('o.verdict_id = ANY(:ids)', { ids: verdicts.map((v) => v.id) }).getMany();
    return verdicts.map((verdict) => ({ verdict, outcomes: outcomes.filter((o) => o.verdictId === verdict.id), notesVisible: true }));
  }

  /** The verdict currently in force for a case study (not superseded, not a spot check). */
  async currentVerdict(ctx: RequestContext, caseStudyId: string): Promise<VerdictEntity | null> {
    return this.tx
      .repo(ctx, VerdictEntity)
      .createQueryBuilder('v')
      .where(`v.case_study_id = :caseStudyId AND v.kind <> 'spot_check' AND v.superseded_by_id IS NULL`, { caseStudyId })
      .orderBy('v.created_at', 'DESC')
      .getOne();
  }

  /** Validates the per-outcome results against the claims (same order) and derives the status. */
  assess(claims: OutcomeClaimEntity[], results: z.infer<typeof verdictSchema>['outcomes']): { status: VerdictEntity['status']; rows: Array<Omit<VerdictOutcomeEntity, 'id' | 'verdictId' | 'verdict'>> } {
    const byId = new Map(results.map((r) => [r.outcomeClaimId, r]));
    const missing = claims.findIndex((c) => !byId.has(c.id));
    if (missing >= 0 || results.length !== claims.length) {
      throw badInput('Record exactly one result for every claimed outcome.', [{ field: `outcomes`, message: 'One result per claimed outcome.' }], 'VERDICT_OUTCOME_COUNT_MISMATCH');
    }
    const verifications = claims.map((c) => {
      const r = byId.get(c.id)!;
      return (r.result === 'unverifiable' ? { result: 'unverifiable' } : { result: r.result, verifiedValue: r.verifiedValue ?? null }) as OutcomeVerification;
    });
    const assessment = assessVerdict(claims, verifications);
    if (!assessment.ok) {
      throw badInput(assessment.errors[0].message, assessment.errors.map((e) => ({ field: e.field, message: e.message })), assessment.errors[0].code);
    }
    return {
      status: assessment.status,
      rows: claims.map((c, i) => ({
        outcomeClaimId: c.id,
        result: assessment.outcomes[i].result,
        verifiedValue: byId.get(c.id)!.verifiedValue ?? null,
        verifiedShare: assessment.outcomes[i].verifiedShare,
      })),
    };
  }

  /** Writes a verdict's results onto the claims and moves the case study on. */
  async applyToCaseStudy(tx: RequestContext, cs: CaseStudyEntity, verdict: VerdictEntity, rows: Array<{ outcomeClaimId: string; result: string; verifiedValue: number | null }>, event: Parameters<typeof transition>[1]): Promise<void> {
    for (const row of rows) {
      await this.tx.repo(tx, OutcomeClaimEntity).update({ id: row.outcomeClaimId }, { verifiedValue: row.verifiedValue, verificationStatus: row.result as OutcomeClaimEntity['verificationStatus'] });
    }
    const next = transition(cs.status, event);
    if (!next.ok) throw conflict(next.message, next.code);
    await this.caseStudies.update(tx, cs.id, { status: next.to, verifiedAt: new Date() });
    if (next.to === 'verified' || next.to === 'partially_verified') await this.followUps.scheduleFor(tx, cs.id, verdict.createdAt);
  }



  /** Counts the check for the checked reviewer; returns that reviewer (null when the verdict is gone) and whether the two agreed. */
  private async recordSpotCheckAgreement(tx: RequestContext, checkedVerdictId: string, spot: VerdictEntity): Promise<{ reviewerId: string | null; agreed: boolean }> {
    const original = await this.tx.repo(tx, VerdictEntity).findOneBy({ id: checkedVerdictId });
    if (!original) return { reviewerId: null, agreed: true };
    // Outcome by outcome (result and verified share), not only the overall status: see libs/domain verdict-agreement.ts.
    const rows: Array<{ verdict_id: string; result: OutcomeVerificationResult; verified_share: number }> = await this.tx.manager(tx).query(
      `SELECT vo.verdict_id, vo.result, vo.verified_share FROM verdict_outcomes vo JOIN outcome_claims oc ON oc.id = vo.outcome_claim_id
        WHERE vo.verdict_id = ANY($1::uuid[]) ORDER BY oc.position`,
      [[original.id, spot.id]],
    );
    const findings = (v: VerdictEntity) => ({
      status: v.status,
      outcomes: rows.filter((r) => r.verdict_id === v.id).map((r) => ({ result: r.result, verifiedShare: Number(r.verified_share) })),
    });
    const agreed = verdictsAgree(findings(original), findings(spot));
    await this.tx.manager(tx).query(
      `UPDATE reviewer_profiles SET spot_checks_total = spot_checks_total + 1, spot_checks_agreed = spot_checks_agreed + $2 WHERE user_id = $1`,
      [original.reviewerId, agreed ? 1 : 0],
    );
    return { reviewerId: original.reviewerId, agreed };
  }

  /** Refuses a person conflicted with a case study's vendor or client (the dispute path asks for its admin). */
  assertUnconflicted(ctx: RequestContext, person: { id: string; email: string }, cs: { vendorId: string; clientName: string; clientDomain: string }): Promise<void> {
    return this.eligibility.assertUnconflicted(ctx, person, cs);
  }

  /**
   * A blind second verdict when a rule selects this verdict (libs/domain reviewer-assignment.ts):
   * one in ten at random, every verdict of a new reviewer, one much more favourable than the other
   * evidence on the vendor, a high-impact claim. Offered to another drawn reviewer.
   */
  private async maybeSecondVerdict(tx: RequestContext, cs: CaseStudyWithVendor, verdict: VerdictEntity, rows: Array<{ outcomeClaimId: string; verifiedShare: number }>): Promise<void> {
    const m = this.tx.manager(tx);
    const prior: Array<{ n: number }> = await m.query(`SELECT count(*)::int AS n FROM verdicts WHERE reviewer_id = $1 AND id <> $2`, [verdict.reviewerId, verdict.id]);
    const answers: Array<{ outcome_answers: Array<{ outcomeClaimId: string; achieved: string }> }> = await m.query(
      `SELECT r.outcome_answers FROM reference_responses r JOIN reference_requests q ON q.id = r.reference_request_id
        WHERE q.case_study_id = $1 AND NOT r.declined`,
      [cs.id],
    );
    const others: Array<{ verified_share: number }> = await m.query(
      `SELECT vo.verified_share FROM verdict_outcomes vo JOIN verdicts v ON v.id = vo.verdict_id
        WHERE v.vendor_id = $1 AND v.id <> $2 AND v.kind = 'primary' AND v.superseded_by_id IS NULL`,
      [cs.vendorId, verdict.id],
    );
    const claimed = new Set(rows.map((r) => r.outcomeClaimId));
    const otherEvidenceShares = [
      ...answers.flatMap((a) => (a.outcome_answers ?? []).filter((o) => claimed.has(o.outcomeClaimId)).map((o) => answerShare(o.achieved))).filter((x): x is number => x !== undefined),
      ...others.map((o) => Number(o.verified_share)),
    ];
    const reasons = secondVerdictReasons({
      draw: randomInt(2 ** 47) / 2 ** 47,
      reviewerPriorVerdicts: prior[0].n,
      verdictShares: rows.map((r) => r.verifiedShare),
      otherEvidenceShares,
      claims: cs.outcomes.map((o) => ({ baseline: o.baselineValue, claimed: o.claimedValue })),
    });
    if (reasons.length) await this.assignment.createCheck(tx, cs.id, verdict.id, reasons, null);
  }

  /**
   * Two reviewers disagreed on at least one outcome: a third drawn reviewer (neither of them)
   * judges it blind, and every administrator is told by mail; the admin page lists it.
   */
  private async escalateDisagreement(tx: RequestContext, cs: CaseStudyWithVendor, check: VerificationTaskEntity, second: VerdictEntity): Promise<void> {
    await this.assignment.createCheck(tx, cs.id, check.checksVerdictId!, ['tie_break'], null);
    const admins: Array<{ email: string }> = await this.tx.manager(tx).query(`SELECT email FROM users WHERE 'admin' = ANY(platform_roles) AND email_verified_at IS NOT NULL`);
    for (const admin of admins) {
      await this.mail.queue(tx, {
        idempotencyKey: `verdict-disagreement:${second.id}:${admin.email}`,
        to: admin.email,
        subject: `Reviewers disagree on "${cs.title}"`,
        text: `A check of the verdict on "${cs.title}" by ${cs.vendor?.name ?? 'a consultancy'} disagreed on at least one outcome (${check.checkReasons.map((r) => SECOND_VERDICT_REASON_TEXT[r]).join('; ')}). A third reviewer has been drawn to judge it blind. Both verdicts are on the case study's admin view; the task queue shows the third.`,
      });
    }
  }

  /** Reviewer reliability inputs for the signals (agreement in spot checks). */
  reviewerProfile(ctx: RequestContext, userId: string): Promise<ReviewerProfileEntity | null> {
    return this.tx.repo(ctx, ReviewerProfileEntity).findOneBy({ userId });
  }
}
