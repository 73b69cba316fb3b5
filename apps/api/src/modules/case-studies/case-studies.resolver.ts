import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/graphql-context';
import { groupBy, requestLoader } from '../../common/loaders';
import type { RequestContext } from '../../common/request-context';
import type { ReferenceRequestEntity } from '../references/entities/reference-request.entity';
import { NominateReferenceInput, ReferenceRequestObject } from '../references/graphql/reference-request.object';
import { ReferencesService } from '../references/references.service';
import { CaseStudiesService } from './case-studies.service';
import { toCaseStudyObject, toReferenceObject } from './case-study.mapper';
import { CreateCaseStudyInput, UpdateCaseStudyInput } from './graphql/case-study.input';
import { CaseStudyObject } from './graphql/case-study.object';

@Resolver(() => CaseStudyObject)
export class CaseStudiesResolver {
  constructor(
    private readonly caseStudies: CaseStudiesService,
    private readonly referencesService: ReferencesService,
  ) {}

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

  @ResolveField(() => [ReferenceRequestObject], { nullable: true, description: 'The vendor and admins only; null for everyone else.' })
  async references(@Ctx() ctx: RequestContext, @Parent() parent: CaseStudyObject): Promise<ReferenceRequestObject[] | null> {
    const access = parent.viewerAccess;
    if (access !== 'owner' && access !== 'admin') return null;
    const loader = requestLoader<string, ReferenceRequestEntity[]>(ctx, 'references.byCaseStudy', async (ids) =>
      groupBy(ids, await this.referencesService.forCaseStudies(ctx, ids), (r) => r.caseStudyId),
    );
    return (await loader.load(parent.id)).map((r) => toReferenceObject(r, access));
  }

  @Mutation(() => CaseStudyObject, { description: 'Starts a draft case study for one of your consultancies.' })
  async createCaseStudy(@Ctx() ctx: RequestContext, @Args('input') input: CreateCaseStudyInput): Promise<CaseStudyObject> {
    return toCaseStudyObject(await this.caseStudies.create(ctx, input as unknown as CreateCaseStudyInput & Record<string, unknown>), 'owner');
  }

  @Mutation(() => CaseStudyObject, { description: 'Edits a draft.' })
  async updateCaseStudy(@Ctx() ctx: RequestContext, @Args('input') input: UpdateCaseStudyInput): Promise<CaseStudyObject> {
    return toCaseStudyObject(await this.caseStudies.update(ctx, input as unknown as UpdateCaseStudyInput & Record<string, unknown>), 'owner');
  }

  @Mutation(() => CaseStudyObject, { description: 'Sends a draft for verification; it cannot change afterwards.' })
  async submitCaseStudy(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<CaseStudyObject> {
    return toCaseStudyObject(await this.caseStudies.submit(ctx, id), 'owner');
  }

  @Mutation(() => CaseStudyObject, { description: 'Withdraws a case study; it stays on record as withdrawn.' })
  async withdrawCaseStudy(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<CaseStudyObject> {
    return toCaseStudyObject(await this.caseStudies.withdraw(ctx, id), 'owner');
  }

  @Mutation(() => CaseStudyObject, { description: 'Starts a corrected revision of a submitted case study as a new draft.' })
  async reviseCaseStudy(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<CaseStudyObject> {
    return toCaseStudyObject(await this.caseStudies.revise(ctx, id), 'owner');
  }

  @Mutation(() => ReferenceRequestObject, { description: 'Nominates a client reference. A self-reference is recorded as refused, with the reason.' })
  async nominateReference(@Ctx() ctx: RequestContext, @Args('input') input: NominateReferenceInput): Promise<ReferenceRequestObject> {
    const ref = await this.referencesService.nominate(ctx, input, (tx, id) => this.caseStudies.lockOwned(tx, id));
    return toReferenceObject(ref, 'owner');
  }

  @Mutation(() => Boolean, { description: 'Removes a nominated reference from a draft.' })
  removeReference(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.referencesService.remove(ctx, id, (tx, csId) => this.caseStudies.lockOwned(tx, csId));
  }
}
