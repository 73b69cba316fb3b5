import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { z } from 'zod';
import { Ctx } from '../../common/graphql-context';
import { notFound } from '../../common/errors';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';
import { CaseStudiesService } from '../case-studies/case-studies.service';
import { toCaseStudyObject, toReferenceObject } from '../case-studies/case-study.mapper';
import { ReferenceChecksService } from '../references/reference-checks.service';
import { DisputesService } from './disputes.service';
import { DisputeEntity, VerdictReplyEntity } from './entities/dispute.entity';
import { VerdictEntity, VerdictOutcomeEntity } from './entities/verdict.entity';
import { FollowUpsService } from './follow-ups.service';
import {
  AffiliationInput,
  DisputeObject,
  DisputeVerdictInput,
  FollowUpQuestionObject,
  QueuedTaskObject,
  ReferenceAnswerInput,
  ReferenceQuestionnaireObject,
  ReplyToVerdictInput,
  ResolveDisputeInput,
  ReviewerAffiliationObject,
  ReviewerObject,
  SubmitVerdictInput,
  VerdictObject,
  VerdictReplyObject,
  VerificationTaskObject,
} from './graphql/verification.object';
import { ReviewersService } from './reviewers.service';
import { VerificationService } from './verification.service';

const toDispute = (d: DisputeEntity): DisputeObject => ({ id: d.id, verdictId: d.verdictId, caseStudyId: d.caseStudyId, reason: d.reason, status: d.status, resolutionNote: d.resolutionNote, resolvedAt: d.resolvedAt, amendedVerdictId: d.amendedVerdictId, createdAt: d.createdAt });
const toReply = (r: VerdictReplyEntity): VerdictReplyObject => ({ id: r.id, body: r.body, createdAt: r.createdAt });

@Resolver()
export class VerificationResolver {
  constructor(
    private readonly tx: TransactionService,
    private readonly reviewerAccounts: ReviewersService,
    private readonly verification: VerificationService,
    private readonly disputes: DisputesService,
    private readonly caseStudies: CaseStudiesService,
    private readonly referenceChecks: ReferenceChecksService,
    private readonly followUps: FollowUpsService,
  ) {}

  // Reviewers and affiliations

  @Query(() => [ReviewerObject], { description: 'Admins: accredited reviewers with their affiliations and spot-check record.' })
  async reviewers(@Ctx() ctx: RequestContext): Promise<ReviewerObject[]> {
    return (await this.reviewerAccounts.list(ctx)).map((r) => ({ userId: r.userId, email: r.email, displayName: r.displayName, accreditedAt: r.accreditedAt, revokedAt: r.revokedAt, spotChecksAgreed: r.spotChecksAgreed, spotChecksTotal: r.spotChecksTotal, affiliations: r.affiliations }));
  }

  @Mutation(() => Boolean, { description: 'Admins: accredits the account with this email as a reviewer.' })
  async accreditReviewer(@Ctx() ctx: RequestContext, @Args('email') email: string): Promise<boolean> {
    await this.reviewerAccounts.accredit(ctx, email);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Admins: revokes a reviewer accreditation (and ends their sessions).' })
  revokeReviewer(@Ctx() ctx: RequestContext, @Args('userId', { type: () => ID }) userId: string): Promise<boolean> {
    return this.reviewerAccounts.revoke(ctx, userId);
  }

  @Query(() => [ReviewerAffiliationObject], { description: 'Your declared affiliations.' })
  myAffiliations(@Ctx() ctx: RequestContext): Promise<ReviewerAffiliationObject[]> {
    return this.reviewerAccounts.myAffiliations(ctx);
  }

  @Mutation(() => ReviewerAffiliationObject, { description: 'Reviewers: declares an organization or email domain you are affiliated with.' })
  declareAffiliation(@Ctx() ctx: RequestContext, @Args('input') input: AffiliationInput): Promise<ReviewerAffiliationObject> {
    return this.reviewerAccounts.declareAffiliation(ctx, input);
  }

  // Queue, tasks, verdicts

  @Query(() => [QueuedTaskObject], { description: 'Reviewers: tasks waiting for a reviewer, oldest first.' })
  async verificationQueue(@Ctx() ctx: RequestContext): Promise<QueuedTaskObject[]> {
    return (await this.verification.queue(ctx)).map((t) => ({ id: t.id, kind: t.kind, caseStudyId: t.caseStudyId, title: t.title, vendorName: t.vendorName, clientName: t.clientName, outcomeCount: t.outcomeCount, createdAt: t.createdAt, conflictReason: t.conflictReason }));
  }

  @Query(() => [VerificationTaskObject], { description: 'Reviewers: the tasks you hold.' })
  async myVerificationTasks(@Ctx() ctx: RequestContext): Promise<VerificationTaskObject[]> {
    const tasks = await this.verification.myTasks(ctx);
    return Promise.all(tasks.map((t) => this.verificationTask(ctx, t.id)));
  }

  @Query(() => VerificationTaskObject, { description: 'The leaseholder (or an admin): a task with claims and reference answers.' })
  async verificationTask(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<VerificationTaskObject> {
    const view = await this.verification.taskView(ctx, id);
    return {
      id: view.task.id,
      kind: view.task.kind,
      status: view.task.status,
      leaseExpiresAt: view.task.leaseExpiresAt,
      caseStudy: toCaseStudyObject(view.caseStudy, 'admin'),
      references: view.references.map((r) => ({
        ...toReferenceObject(r, 'admin'),
        answer: r.response
          ? {
              declined: r.response.declined,
              declineReason: r.response.declineReason,
              outcomes: r.response.outcomeAnswers,
              inProduction: r.response.inProduction,
              handoverRating: r.response.handoverRating,
              onTime: r.response.onTime,
              onBudget: r.response.onBudget,
              communication: r.response.communication,
              wouldHireAgain: r.response.wouldHireAgain,
              comments: r.response.comments,
              answeredAt: r.response.createdAt,
            }
          : null,
      })),
    };
  }

  @Mutation(() => VerificationTaskObject, { description: 'Reviewers: takes a task for 72 hours.' })
  async claimTask(@Ctx() ctx: RequestContext, @Args('taskId', { type: () => ID }) taskId: string): Promise<VerificationTaskObject> {
    await this.verification.claim(ctx, taskId);
    return this.verificationTask(ctx, taskId);
  }

  @Mutation(() => VerdictObject, { description: 'The leaseholder records the verdict; it cannot change afterwards.' })
  async submitVerdict(@Ctx() ctx: RequestContext, @Args('input') input: SubmitVerdictInput): Promise<VerdictObject> {
    const verdict = await this.verification.submitVerdict(ctx, input);
    return (await this.verdictObjects(ctx, [verdict]))[0];
  }

  @Mutation(() => ID, { description: 'Admins: asks for a second, independent verdict (spot check); returns the new task id.' })
  async requireSpotCheck(@Ctx() ctx: RequestContext, @Args('caseStudyId', { type: () => ID }) caseStudyId: string): Promise<string> {
    return (await this.verification.requireSpotCheck(ctx, caseStudyId)).id;
  }

  @Query(() => [VerdictObject], { description: "A case study's verdicts with replies and disputes (spot checks only for admins)." })
  async caseStudyVerdicts(@Ctx() ctx: RequestContext, @Args('caseStudyId', { type: () => ID }) caseStudyId: string): Promise<VerdictObject[]> {
    const { access } = await this.caseStudies.get(ctx, caseStudyId);
    const verdicts = await this.tx.repo(ctx, VerdictEntity).find({ where: { caseStudyId }, order: { createdAt: 'ASC' } });
    const objects = await this.verdictObjects(ctx, verdicts.filter((v) => v.kind !== 'spot_check' || access === 'admin'));
    // Buyers see the findings, not the reviewer's free-text notes (they may describe the client's systems).
    return access === 'public' ? objects.map((o) => ({ ...o, notes: null, rubric: { ...o.rubric, notes: null } })) : objects;
  }

  // Replies and disputes

  @Mutation(() => VerdictReplyObject, { description: 'Vendor members: a public reply to a verdict.' })
  async replyToVerdict(@Ctx() ctx: RequestContext, @Args('input') input: ReplyToVerdictInput): Promise<VerdictReplyObject> {
    return toReply(await this.disputes.reply(ctx, input));
  }

  @Mutation(() => DisputeObject, { description: 'Vendor members: disputes a verdict within 30 days.' })
  async disputeVerdict(@Ctx() ctx: RequestContext, @Args('input') input: DisputeVerdictInput): Promise<DisputeObject> {
    return toDispute(await this.disputes.open(ctx, input));
  }

  @Mutation(() => DisputeObject, { description: 'Admins: upholds a disputed verdict or amends it.' })
  async resolveDispute(@Ctx() ctx: RequestContext, @Args('input') input: ResolveDisputeInput): Promise<DisputeObject> {
    return toDispute(await this.disputes.resolve(ctx, input));
  }

  @Query(() => [DisputeObject], { description: 'Admins: disputes waiting for a decision.' })
  async openDisputes(@Ctx() ctx: RequestContext): Promise<DisputeObject[]> {
    return (await this.disputes.openDisputes(ctx)).map(toDispute);
  }

  // The public, token-based pages (no account)

  @Query(() => ReferenceQuestionnaireObject, { description: 'The questionnaire behind a reference link.' })
  async referenceQuestionnaire(@Ctx() ctx: RequestContext, @Args('token') token: string): Promise<ReferenceQuestionnaireObject> {
    const q = await this.referenceChecks.questionnaire(ctx, token);
    return {
      contactName: q.request.contactName,
      vendorName: q.vendorName,
      caseStudyTitle: q.caseStudy.title,
      clientName: q.request.clientName,
      problem: q.caseStudy.problem,
      outcomes: q.outcomes.map((o) => ({ id: o.id, metricName: o.metricName, unit: o.unit, direction: o.direction as never, baselineValue: o.baselineValue, claimedValue: o.claimedValue })),
      expiresAt: q.request.expiresAt!,
    };
  }

  @Mutation(() => Boolean, { description: 'A reference answers the questionnaire (once).' })
  async answerReference(@Ctx() ctx: RequestContext, @Args('token') token: string, @Args('input') input: ReferenceAnswerInput): Promise<boolean> {
    await this.referenceChecks.answer(ctx, token, input);
    return true;
  }

  @Mutation(() => Boolean, { description: 'A reference declines to answer (declines count).' })
  async declineReference(@Ctx() ctx: RequestContext, @Args('token') token: string, @Args('reason', { type: () => String, nullable: true }) reason?: string): Promise<boolean> {
    await this.referenceChecks.decline(ctx, token, reason ?? '');
    return true;
  }

  @Query(() => FollowUpQuestionObject, { description: 'The question behind a follow-up link.' })
  async followUpCheck(@Ctx() ctx: RequestContext, @Args('token') token: string): Promise<FollowUpQuestionObject> {
    const v = await this.followUps.view(ctx, token);
    return { vendorName: v.vendorName, caseStudyTitle: v.title, monthsAfter: v.check.monthsAfter, expiresAt: v.check.expiresAt! };
  }

  @Mutation(() => Boolean, { description: 'Answers a +6/+12-month follow-up (once).' })
  async answerFollowUp(@Ctx() ctx: RequestContext, @Args('token') token: string, @Args('stillInProduction') stillInProduction: boolean): Promise<boolean> {
    await this.followUps.answer(ctx, token, stillInProduction);
    return true;
  }

  private async verdictObjects(ctx: RequestContext, verdicts: VerdictEntity[]): Promise<VerdictObject[]> {
    if (!verdicts.length) return [];
    const ids = verdicts.map((v) => v.id);
    if (ids.some((id) => !z.uuid().safeParse(id).success)) throw notFound('This verdict');
    const [outcomes, replies, disputes] = await Promise.all([
      this.tx.repo(ctx, VerdictOutcomeEntity).createQueryBuilder('o').where('o.verdict_id = ANY(:ids)', { ids }).getMany(),
      this.tx.repo(ctx, VerdictReplyEntity).createQueryBuilder('r').where('r.verdict_id = ANY(:ids)', { ids }).orderBy('r.created_at').getMany(),
      this.tx.repo(ctx, DisputeEntity).createQueryBuilder('d').where('d.verdict_id = ANY(:ids)', { ids }).orderBy('d.created_at').getMany(),
    ]);
    return verdicts.map((v) => ({
      id: v.id,
      caseStudyId: v.caseStudyId,
      kind: v.kind,
      status: v.status,
      productionStatus: v.productionStatus as never,
      handover: v.handover as never,
      rubric: v.rubric,
      notes: v.notes,
      outcomes: outcomes.filter((o) => o.verdictId === v.id).map((o) => ({ outcomeClaimId: o.outcomeClaimId, result: o.result, verifiedValue: o.verifiedValue, verifiedShare: o.verifiedShare })),
      supersedesId: v.supersedesId,
      supersededById: v.supersededById,
      createdAt: v.createdAt,
      replies: replies.filter((r) => r.verdictId === v.id).map(toReply),
      disputes: disputes.filter((d) => d.verdictId === v.id).map(toDispute),
    }));
  }
}
