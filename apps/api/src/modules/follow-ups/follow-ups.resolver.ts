import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/graphql-context';
import type { RequestContext } from '../../common/request-context';
import { FollowUpsService } from './follow-ups.service';
import { FollowUpQuestionObject } from './graphql/follow-up.object';

/** The +6/+12-month follow-up page behind its emailed link (no account). */
@Resolver()
export class FollowUpsResolver {
  constructor(private readonly followUps: FollowUpsService) {}

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
}
