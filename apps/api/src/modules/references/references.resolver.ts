import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/graphql-context';
import { groupBy, requestLoader } from '../../common/loaders';
import type { RequestContext } from '../../common/request-context';
import { CaseStudiesService } from '../case-studies/case-studies.service';
import { CaseStudyObject } from '../case-studies/graphql/case-study.object';
import type { ReferenceRequestEntity } from './entities/reference-request.entity';
import { ReferenceAnswerInput, ReferenceQuestionnaireObject } from './graphql/questionnaire.object';
import { NominateReferenceInput, ReferenceRequestObject } from './graphql/reference-request.object';
import { ReferenceChecksService } from './reference-checks.service';
import { toReferenceObject } from './reference.mapper';
import { ReferencesService } from './references.service';

/** Nominations on drafts, a case study's references, and the reference's own questionnaire page (no account). */
@Resolver(() => CaseStudyObject)
export class ReferencesResolver {
  constructor(
    private readonly referencesService: ReferencesService,
    private readonly referenceChecks: ReferenceChecksService,
    private readonly caseStudies: CaseStudiesService,
  ) {}

  @ResolveField(() => [ReferenceRequestObject], { nullable: true, description: 'The vendor and admins only; null for everyone else.' })
  async references(@Ctx() ctx: RequestContext, @Parent() parent: CaseStudyObject): Promise<ReferenceRequestObject[] | null> {
    const access = parent.viewerAccess;
    if (access !== 'owner' && access !== 'admin') return null;
    const loader = requestLoader<string, ReferenceRequestEntity[]>(ctx, 'references.byCaseStudy', async (ids) =>
      groupBy(ids, await this.referencesService.forCaseStudies(ctx, ids), (r) => r.caseStudyId),
    );
    return (await loader.load(parent.id)).map((r) => toReferenceObject(r, access));
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
}
