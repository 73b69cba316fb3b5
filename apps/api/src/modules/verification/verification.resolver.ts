import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/graphql-context';
import type { RequestContext } from '../../common/request-context';
import {
  AffiliationInput,
  DeclineTaskInput,
  QueuedTaskObject,
  ReviewerAffiliationObject,
  ReviewerObject,
  SubmitVerdictInput,
  VerdictObject,
  VerificationTaskObject,
} from './graphql/verification.object';
import { ReviewersService } from './reviewers.service';
import { TaskAssignmentService } from './task-assignment.service';
import { toQueuedTaskObject, toTaskObject, toVerdictObject } from './verification.mapper';
import { VerificationService } from './verification.service';

/** Reviewers, the task queue and verdicts. Each operation maps GraphQL to one service call. */
@Resolver()
export class VerificationResolver {
  constructor(
    private readonly reviewerAccounts: ReviewersService,
    private readonly verification: VerificationService,
    private readonly assignment: TaskAssignmentService,
  ) {}

  // Reviewers and affiliations

  @Query(() => [ReviewerObject], { description: 'Admins: accredited reviewers with their affiliations and spot-check record.' })
  async reviewers(@Ctx() ctx: RequestContext): Promise<ReviewerObject[]> {
    return (await this.reviewerAccounts.list(ctx)).map((r) => ({ userId: r.userId, email: r.email, displayName: r.displayName, accreditedAt: r.accreditedAt, revokedAt: r.revokedAt, spotChecksAgreed: r.spotChecksAgreed, spotChecksTotal: r.spotChecksTotal, expertise: r.expertise, affiliations: r.affiliations }));
  }

  @Mutation(() => Boolean, {
    description: 'Admins: accredits an account as a reviewer, named by its id (or by the address it verified). An account that has not confirmed its email cannot be accredited.',
  })
  async accreditReviewer(
    @Ctx() ctx: RequestContext,
    @Args('userId', { type: () => ID, nullable: true }) userId?: string,
    @Args('email', { type: () => String, nullable: true }) email?: string,
  ): Promise<boolean> {
    await this.reviewerAccounts.accredit(ctx, { userId, email });
    return true;
  }

  @Mutation(() => Boolean, { description: 'Admins: revokes a reviewer accreditation (and ends their sessions).' })
  revokeReviewer(@Ctx() ctx: RequestContext, @Args('userId', { type: () => ID }) userId: string): Promise<boolean> {
    return this.reviewerAccounts.revoke(ctx, userId);
  }

  @Query(() => [String], { description: 'Your declared expertise: capability keys of the vendor taxonomy (empty when none or not a reviewer).' })
  myExpertise(@Ctx() ctx: RequestContext): Promise<string[]> {
    return this.reviewerAccounts.myExpertise(ctx);
  }

  @Mutation(() => [String], {
    description: 'Reviewers: declares the capabilities (vendor taxonomy keys) you can judge, replacing the earlier list. Tasks of vendors with a matching capability are offered to you before reviewers without one.',
  })
  declareExpertise(@Ctx() ctx: RequestContext, @Args('capabilities', { type: () => [String] }) capabilities: string[]): Promise<string[]> {
    return this.reviewerAccounts.declareExpertise(ctx, { capabilities });
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

  @Query(() => [QueuedTaskObject], { description: 'Admins: every task not yet done, oldest first, with whom it is offered to or held by.' })
  async verificationQueue(@Ctx() ctx: RequestContext): Promise<QueuedTaskObject[]> {
    return (await this.verification.queue(ctx)).map(toQueuedTaskObject);
  }

  @Query(() => [QueuedTaskObject], { description: 'Reviewers: the tasks Assay drew you for, waiting for you to accept or decline.' })
  async myTaskOffers(@Ctx() ctx: RequestContext): Promise<QueuedTaskObject[]> {
    return (await this.verification.myOffers(ctx)).map(toQueuedTaskObject);
  }

  @Mutation(() => Boolean, { description: 'Reviewers: declines a task offered to you, with a reason (recorded; at most 5 in 30 days). The task goes to another drawn reviewer.' })
  declineTask(@Ctx() ctx: RequestContext, @Args('input') input: DeclineTaskInput): Promise<boolean> {
    return this.assignment.decline(ctx, input);
  }

  @Mutation(() => QueuedTaskObject, { description: 'Admins: offers a task to a named reviewer instead of the draw (conflicts and eligibility still apply; recorded).' })
  async assignTask(@Ctx() ctx: RequestContext, @Args('taskId', { type: () => ID }) taskId: string, @Args('reviewerId', { type: () => ID }) reviewerId: string): Promise<QueuedTaskObject> {
    return toQueuedTaskObject(await this.verification.assign(ctx, taskId, reviewerId));
  }

  @Query(() => [VerificationTaskObject], { description: 'Reviewers: the tasks you hold.' })
  async myVerificationTasks(@Ctx() ctx: RequestContext): Promise<VerificationTaskObject[]> {
    return (await this.verification.myTaskViews(ctx)).map(toTaskObject);
  }

  @Query(() => VerificationTaskObject, { description: 'The leaseholder (or an admin): a task with claims and reference answers.' })
  async verificationTask(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<VerificationTaskObject> {
    return toTaskObject(await this.verification.taskView(ctx, id));
  }

  @Mutation(() => VerificationTaskObject, { description: 'Reviewers: accepts a task offered to you and holds it for 72 hours. A task that was not offered to you is refused (TASK_NOT_OFFERED).' })
  async claimTask(@Ctx() ctx: RequestContext, @Args('taskId', { type: () => ID }) taskId: string): Promise<VerificationTaskObject> {
    await this.verification.claim(ctx, taskId);
    return toTaskObject(await this.verification.taskView(ctx, taskId));
  }

  @Mutation(() => VerdictObject, { description: 'The leaseholder records the verdict; it cannot change afterwards.' })
  async submitVerdict(@Ctx() ctx: RequestContext, @Args('input') input: SubmitVerdictInput): Promise<VerdictObject> {
    const verdict = await this.verification.submitVerdict(ctx, input);
    return toVerdictObject((await this.verification.withOutcomes(ctx, [verdict]))[0]);
  }

  @Mutation(() => ID, { description: 'Admins: asks for a second, independent verdict (spot check); returns the new task id.' })
  async requireSpotCheck(@Ctx() ctx: RequestContext, @Args('caseStudyId', { type: () => ID }) caseStudyId: string): Promise<string> {
    return (await this.verification.requireSpotCheck(ctx, caseStudyId)).id;
  }

  @Query(() => [VerdictObject], { description: "A case study's verdicts with replies and disputes (spot checks only for admins)." })
  async caseStudyVerdicts(@Ctx() ctx: RequestContext, @Args('caseStudyId', { type: () => ID }) caseStudyId: string): Promise<VerdictObject[]> {
    return (await this.verification.caseStudyVerdicts(ctx, caseStudyId)).map(toVerdictObject);
  }
}
