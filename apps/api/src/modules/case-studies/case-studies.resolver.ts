import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/graphql-context';
import type { RequestContext } from '../../common/request-context';
import { CaseStudiesService } from './case-studies.service';
import { toCaseStudyObject } from './case-study.mapper';
import { CreateCaseStudyInput, UpdateCaseStudyInput } from './graphql/case-study.input';
import { CaseStudyObject } from './graphql/case-study.object';

@Resolver(() => CaseStudyObject)
export class CaseStudiesResolver {
  constructor(private readonly caseStudies: CaseStudiesService) {}

  @Query(() => CaseStudyObject, { description: 'A case study. Drafts and withdrawn ones only for the vendor and admins.' })
  async caseStudy(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<CaseStudyObject> {
    const { cs, access } = await this.caseStudies.get(ctx, id);
    return toCaseStudyObject(cs, access);
  }

  @Query(() => [CaseStudyObject], { description: "A consultancy's current case studies (its members also see drafts)." })
  async vendorCaseStudies(@Ctx() ctx: RequestContext, @Args('vendorId', { type: () => ID }) vendorId: string): Promise<CaseStudyObject[]> {
    return (await this.caseStudies.listForVendor(ctx, vendorId)).map(({ cs, access }) => toCaseStudyObject(cs, access));
  }

  @Query(() => [CaseStudyObject], { description: 'Every revision of a case study that the viewer may see, oldest first.' })
  async caseStudyRevisions(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<CaseStudyObject[]> {
    return (await this.caseStudies.revisions(ctx, id)).map(({ cs, access }) => toCaseStudyObject(cs, access));
  }

  @Mutation(() => CaseStudyObject, { description: 'Starts a draft case study for one of your consultancies.' })
  async createCaseStudy(@Ctx() ctx: RequestContext, @Args('input') input: CreateCaseStudyInput): Promise<CaseStudyObject> {
    return toCaseStudyObject(await this.caseStudies.create(ctx, input as unknown as CreateCaseStudyInput & Record<string, unknown>), 'owner');
  }

  @Mutation(() => CaseStudyObject, { description: 'Edits a draft.' })
  async updateCaseStudy(@Ctx() ctx: RequestContext, @Args('input') input: UpdateCaseStudyInput): Promise<CaseStudyObject> {
    return toCaseStudyObject(await this.caseStudies.update(ctx, input as unknown as UpdateCaseStudyInput & Record<string, unknown>), 'owner');
  }

  @Mutation(() => CaseStudyObject, { description: 'Withdraws a case study; it stays on record as withdrawn.' })
  async withdrawCaseStudy(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<CaseStudyObject> {
    return toCaseStudyObject(await this.caseStudies.withdraw(ctx, id), 'owner');
  }

  @Mutation(() => CaseStudyObject, { description: 'Starts a corrected revision of a submitted case study as a new draft.' })
  async reviseCaseStudy(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<CaseStudyObject> {
    return toCaseStudyObject(await this.caseStudies.revise(ctx, id), 'owner');
  }
}
