import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { assessVerdict, checkReviewerConflicts, emailDomain, reviewerConflict, transition, verdictsAgree, type OutcomeVerification, type OutcomeVerificationResult } from '@assay/domain';
import { z } from 'zod';
import { requirePlatformRole } from '../../common/authz';
import { badInput, conflict, forbidden, notFound } from '../../common/errors';
import { RequestContext } from '../../common/request-context';
import { parseInput } from '../../common/validation';
import { TransactionService } from '../../database/transaction.service';
import { CaseStudiesRepository, type CaseStudyWithVendor } from '../case-studies/case-studies.repository';
import { CaseStudiesService } from '../case-studies/case-studies.service';
import { CaseStudyEntity } from '../case-studies/entities/case-study.entity';
import { OutcomeClaimEntity } from '../case-studies/entities/outcome-claim.entity';
import { JobsService } from '../jobs/jobs.service';
import { ReferenceRequestEntity } from '../references/entities/reference-request.entity';
import { ReferenceResponseEntity } from '../references/entities/reference-response.entity';
import { VendorDomainsRepository } from '../vendors/vendor-domains.repository';
import { EvidenceEventsService } from '../signals/evidence-events.service';
import { ReviewerProfileEntity } from './entities/reviewer.entity';
import type { VerificationTaskEntity } from './entities/verification-task.entity';
import { VerdictEntity, VerdictOutcomeEntity } from './entities/verdict.entity';
import { LedgerService } from '../ledger/ledger.service';
import { FollowUpsService } from '../follow-ups/follow-ups.service';
import { membershipFactsOf } from '../identity/membership-facts';
import { ReviewersService } from './reviewers.service';
import { VerificationTasksRepository } from './verification-tasks.repository';

export const RELEASE_LEASES_JOB = 'verification.release-expired-leases';
/** A reviewer may verify the same vendor at most this many times in 12 months. */
export const MAX_VERDICTS_PER_VENDOR_PER_YEAR = 3;

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
export class VerificationService implements OnModuleInit {
  private readonly logger = new Logger('Verification');

  constructor(
    private readonly tx: TransactionService,
    private readonly tasks: VerificationTasksRepository,
    private readonly caseStudies: CaseStudiesRepository,
    private readonly caseStudyAccess: CaseStudiesService,
    private readonly domains: VendorDomainsRepository,
    private readonly reviewers: ReviewersService,
    private readonly followUps: FollowUpsService,
    private readonly jobs: JobsService,
    private readonly evidenceEvents: EvidenceEventsService,
    private readonly ledger: LedgerService,
  ) {}

  onModuleInit(): void {
    this.jobs.define<object>({
      name: RELEASE_LEASES_JOB,
      cron: '*/5 * * * *',
      handler: async () => {
        const released = await this.tasks.releaseExpiredLeases(RequestContext.system());
        if (released) this.logger.log(`Returned ${released} tasks with expired leases to the queue`);
      },
    });
  }

  /** Open tasks, each with the reason this reviewer may not take it (if any). */
  async queue(ctx: RequestContext): Promise<Array<Awaited<ReturnType<VerificationTasksRepository['queue']>>[number] & { conflictReason: string | null }>> {
    const reviewer = await this.reviewers.requireAccredited(ctx);
    const tasks = await this.tasks.queue(ctx, 100);
    const out = [];
    for (const task of tasks) {
      const check = await this.conflicts(ctx, reviewer, task.vendorId, task.clientName, task.clientDomain, task);
      out.push({ ...task, conflictReason: check.ok ? null : check.message });
    }
    return out;
  }

  async myTasks(ctx: RequestContext): Promise<VerificationTaskEntity[]> {
    const reviewer = await this.reviewers.requireAccredited(ctx);
    return this.tasks.leasedTo(ctx, reviewer.id);
  }

  /** Claims a task for 72 h. Conflicted reviewers are refused with the reason; of two claims at once, one wins. */
  async claim(ctx: RequestContext, taskId: string): Promise<VerificationTaskEntity> {
    const reviewer = await this.reviewers.requireAccredited(ctx);
    if (!z.uuid().safeParse(taskId).success) throw notFound('This task');
    return this.tx.run(ctx, async (tx) => {
      const task = await this.tasks.findById(tx, taskId);
      if (!task) throw notFound('This task');
      const cs = await this.caseStudies.findById(tx, task.caseStudyId);
      if (!cs) throw notFound('This case study');
      const check = await this.conflicts(tx, reviewer, cs.vendorId, cs.clientName, cs.clientDomain, task);
      if (!check.ok) throw forbidden(check.message, check.code);
      const claimed = await this.tasks.claim(tx, taskId, reviewer.id);
      if (!claimed) throw conflict('Another reviewer has already taken this task.', 'TASK_TAKEN');
      if (task.kind === 'primary' && cs.status === 'submitted') {
        const next = transition(cs.status, { type: 'start_verification' });
        if (next.ok) await this.caseStudies.update(tx, cs.id, { status: next.to });
      }
      return claimed;
    });
  }

  /** Everything the leaseholder needs side by side: claims, references and their answers. */
  async taskView(ctx: RequestContext, taskId: string): Promise<TaskView> {
    const user = await requirePlatformRole(ctx, 'reviewer');
    if (!z.uuid().safeParse(taskId).success) throw notFound('This task');
    const task = await this.tasks.findById(ctx, taskId);
    if (!task) throw notFound('This task');
    if (task.leasedToId !== user.id && !user.platformRoles.includes('admin')) throw forbidden('Claim this task before opening it.', 'NOT_LEASEHOLDER');
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
      if (task.status !== 'leased' || task.leasedToId !== reviewer.id) throw forbidden('Only the reviewer who holds this task can record its verdict.', 'NOT_LEASEHOLDER');
      if (task.leaseExpiresAt && task.leaseExpiresAt.getTime() < Date.now()) throw conflict('Your lease on this task expired; claim it again if it is still open.', 'LEASE_EXPIRED');
      const cs = (await this.caseStudies.findById(tx, task.caseStudyId, true))!;
      const check = await this.conflicts(tx, reviewer, cs.vendorId, cs.clientName, cs.clientDomain, task);
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
      } else if (task.checksVerdictId) {
        // A spot check moves the checked reviewer's reliability, which weighs every vendor they judged;
        // the spot-check verdict is a verdict row of the checker's, which moves their verdict totals.
        const checked = await this.recordSpotCheckAgreement(tx, task.checksVerdictId, verdict);
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

  /** Admins may require a second, independent verdict on any verified case study. */
  async requireSpotCheck(ctx: RequestContext, caseStudyId: string): Promise<VerificationTaskEntity> {
    const admin = await requirePlatformRole(ctx, 'admin');
    if (!z.uuid().safeParse(caseStudyId).success) throw notFound('This case study');
    return this.tx.run(ctx, async (tx) => {
      const verdict = await this.currentVerdict(tx, caseStudyId);
      if (!verdict) throw conflict('This case study has no verdict to check yet.', 'NO_VERDICT');
      const open: Array<{ n: number }> = await this.tx.manager(tx).query(`SELECT count(*)::int AS n FROM verification_tasks WHERE checks_verdict_id = $1 AND status IN ('open', 'leased')`, [verdict.id]);
      if (open[0].n > 0) throw conflict('A spot check of this verdict is already in the queue.', 'SPOT_CHECK_PENDING');
      return this.tasks.createSpotCheck(tx, caseStudyId, verdict.id, admin.id);
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



  /** Counts the spot check for the checked reviewer; returns that reviewer (null when the verdict is gone). */
  private async recordSpotCheckAgreement(tx: RequestContext, checkedVerdictId: string, spot: VerdictEntity): Promise<string | null> {
    const original = await this.tx.repo(tx, VerdictEntity).findOneBy({ id: checkedVerdictId });
    if (!original) return null;
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
    return original.reviewerId;
  }

  private async conflicts(ctx: RequestContext, reviewer: { id: string; email: string }, vendorId: string, clientName: string, clientDomain: string, task: VerificationTaskEntity) {
    if (task.kind === 'spot_check' && task.checksVerdictId) {
      const original = await this.tx.repo(ctx, VerdictEntity).findOneBy({ id: task.checksVerdictId });
      if (original?.reviewerId === reviewer.id) {
        return { ok: false as const, code: 'REVIEWER_CHECKS_OWN_VERDICT', message: 'A spot check must be independent: you recorded the verdict it checks.' };
      }
    }
    const affiliations = await this.reviewers.affiliationsOf(ctx, reviewer.id);
    const past: Array<{ created_at: Date }> = await this.tx
      .manager(ctx)
      .query(`SELECT created_at FROM verdicts WHERE reviewer_id = $1 AND vendor_id = $2 AND created_at > now() - interval '13 months'`, [reviewer.id, vendorId]);
    const result = checkReviewerConflicts({
      reviewer: {
        emailDomain: emailDomain(reviewer.email) ?? '',
        affiliatedOrganizationIds: affiliations.map((a) => a.organizationId).filter((x): x is string => !!x),
        affiliatedDomains: affiliations.map((a) => a.domain).filter((x): x is string => !!x),
        // Facts, not only declarations: a member of the vendor's (or client's) organisation is conflicted.
        memberships: await membershipFactsOf(this.tx, ctx, reviewer.id),
      },
      vendor: { organizationId: vendorId, name: await this.organizationName(ctx, vendorId), verifiedDomains: await this.domains.verifiedDomains(ctx, vendorId) },
      client: { name: clientName, domain: clientDomain, organizationId: await this.clientOrganizationOf(ctx, clientDomain) },
      pastVerdictDatesForVendor: past.map((p) => new Date(p.created_at)),
      maxVerdictsPer12Months: MAX_VERDICTS_PER_VENDOR_PER_YEAR,
      now: new Date(),
    });
    return result.ok ? { ok: true as const } : { ok: false as const, code: result.code as string, message: result.message };
  }

  /**
   * Refuses a person conflicted with a case study's vendor or client, by the one rule
   * (`reviewerConflict`: memberships, verified email domain, declarations). The dispute
   * path calls it for the admin who resolves.
   */
  async assertUnconflicted(ctx: RequestContext, person: { id: string; email: string }, cs: { vendorId: string; clientName: string; clientDomain: string }): Promise<void> {
    const affiliations = await this.reviewers.affiliationsOf(ctx, person.id);
    const result = reviewerConflict({
      reviewer: {
        memberships: await membershipFactsOf(this.tx, ctx, person.id),
        verifiedEmailDomains: [emailDomain(person.email) ?? ''],
        declaredOrganizationIds: affiliations.map((a) => a.organizationId).filter((x): x is string => !!x),
        declaredDomains: affiliations.map((a) => a.domain).filter((x): x is string => !!x),
      },
      vendor: { organizationId: cs.vendorId, name: await this.organizationName(ctx, cs.vendorId), domains: await this.domains.verifiedDomains(ctx, cs.vendorId) },
      client: { organizationId: await this.clientOrganizationOf(ctx, cs.clientDomain), name: cs.clientName, domains: [cs.clientDomain] },
      now: new Date(),
    });
    if (result.conflicted) throw forbidden(result.findings[0].message, result.findings[0].code);
  }

  private async organizationName(ctx: RequestContext, organizationId: string): Promise<string> {
    const rows: Array<{ name: string }> = await this.tx.manager(ctx).query(`SELECT name FROM organizations WHERE id = $1`, [organizationId]);
    return rows[0]?.name ?? 'the vendor';
  }

  /** The buyer organisation that proved the client domain, if any. */
  private async clientOrganizationOf(ctx: RequestContext, clientDomain: string): Promise<string | null> {
    const rows: Array<{ organization_id: string }> = await this.tx
      .manager(ctx)
      .query(`SELECT organization_id FROM organization_domains WHERE domain = $1 AND verified_at IS NOT NULL`, [clientDomain]);
    return rows[0]?.organization_id ?? null;
  }

  /** Reviewer reliability inputs for the signals (agreement in spot checks). */
  reviewerProfile(ctx: RequestContext, userId: string): Promise<ReviewerProfileEntity | null> {
    return this.tx.repo(ctx, ReviewerProfileEntity).findOneBy({ userId });
  }
}
