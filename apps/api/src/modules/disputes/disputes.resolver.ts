import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/graphql-context';
import { groupBy, requestLoader } from '../../common/loaders';
import type { RequestContext } from '../../common/request-context';
import { VerdictObject } from '../verification/graphql/verification.object';
import { DisputesService } from './disputes.service';
import type { DisputeEntity, VerdictReplyEntity } from './entities/dispute.entity';
import { DisputeObject, DisputeVerdictInput, ReplyToVerdictInput, ResolveDisputeInput, VerdictReplyObject } from './graphql/dispute.object';

const toDispute = (d: DisputeEntity): DisputeObject => ({ id: d.id, verdictId: d.verdictId, caseStudyId: d.caseStudyId, reason: d.reason, status: d.status, resolutionNote: d.resolutionNote, resolvedAt: d.resolvedAt, amendedVerdictId: d.amendedVerdictId, createdAt: d.createdAt });
const toReply = (r: VerdictReplyEntity): VerdictReplyObject => ({ id: r.id, body: r.body, createdAt: r.createdAt });

/** The vendor's right of reply and dispute, and the admin's resolution; `Verdict.replies` and `Verdict.disputes`. */
@Resolver(() => VerdictObject)
export class DisputesResolver {
  constructor(private readonly service: DisputesService) {}

  @ResolveField(() => [VerdictReplyObject])
  async replies(@Ctx() ctx: RequestContext, @Parent() verdict: VerdictObject): Promise<VerdictReplyObject[]> {
    const loader = requestLoader<string, VerdictReplyEntity[]>(ctx, 'disputes.repliesByVerdict', async (ids) => groupBy(ids, await this.service.repliesTo(ctx, ids), (r) => r.verdictId));
    return (await loader.load(verdict.id)).map(toReply);
  }

  @ResolveField(() => [DisputeObject])
  async disputes(@Ctx() ctx: RequestContext, @Parent() verdict: VerdictObject): Promise<DisputeObject[]> {
    const loader = requestLoader<string, DisputeEntity[]>(ctx, 'disputes.byVerdict', async (ids) => groupBy(ids, await this.service.disputesOf(ctx, ids), (d) => d.verdictId));
    return (await loader.load(verdict.id)).map(toDispute);
  }

  @Mutation(() => VerdictReplyObject, { description: 'Vendor members: a public reply to a verdict.' })
  async replyToVerdict(@Ctx() ctx: RequestContext, @Args('input') input: ReplyToVerdictInput): Promise<VerdictReplyObject> {
    return toReply(await this.service.reply(ctx, input));
  }

  @Mutation(() => DisputeObject, { description: 'Vendor members: disputes a verdict within 30 days.' })
  async disputeVerdict(@Ctx() ctx: RequestContext, @Args('input') input: DisputeVerdictInput): Promise<DisputeObject> {
    return toDispute(await this.service.open(ctx, input));
  }

  @Mutation(() => DisputeObject, { description: 'Admins: upholds a disputed verdict or amends it.' })
  async resolveDispute(@Ctx() ctx: RequestContext, @Args('input') input: ResolveDisputeInput): Promise<DisputeObject> {
    return toDispute(await this.service.resolve(ctx, input));
  }

  @Query(() => [DisputeObject], { description: 'Admins: disputes waiting for a decision.' })
  async openDisputes(@Ctx() ctx: RequestContext): Promise<DisputeObject[]> {
    return (await this.service.openDisputes(ctx)).map(toDispute);
  }
}
