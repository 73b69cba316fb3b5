import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/graphql-context';
import type { RequestContext } from '../../common/request-context';
import { toCaseStudyObject } from '../case-studies/case-study.mapper';
import { CaseStudyObject } from '../case-studies/graphql/case-study.object';
import { SubmissionsService } from './submissions.service';

@Resolver()
export class SubmissionsResolver {
  constructor(private readonly submissions: SubmissionsService) {}

  @Mutation(() => CaseStudyObject, { description: 'Sends a draft for verification; it cannot change afterwards.' })
  async submitCaseStudy(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<CaseStudyObject> {
    return toCaseStudyObject(await this.submissions.submit(ctx, id), 'owner');
  }
}
