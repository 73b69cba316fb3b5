import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/graphql-context';
import type { RequestContext } from '../../common/request-context';
import { EvidenceService, toEvidenceItemObject } from './evidence.service';
import { AddEvidenceLinkInput } from './graphql/evidence.input';
import { CaseStudyEvidenceObject, EvidenceItemObject } from './graphql/evidence.object';

/** Files are uploaded and downloaded over REST (EvidenceController); everything else is here. */
@Resolver(() => EvidenceItemObject)
export class EvidenceResolver {
  constructor(private readonly evidence: EvidenceService) {}

  @Query(() => CaseStudyEvidenceObject, { description: "A case study's files and links; the vendor's members, assigned reviewers and admins only." })
  caseStudyEvidence(@Ctx() ctx: RequestContext, @Args('caseStudyId', { type: () => ID }) caseStudyId: string): Promise<CaseStudyEvidenceObject> {
    return this.evidence.list(ctx, caseStudyId);
  }

  @Mutation(() => EvidenceItemObject, { description: 'Attaches an https link to a draft case study; members of the vendor only.' })
  async addEvidenceLink(@Ctx() ctx: RequestContext, @Args('input') input: AddEvidenceLinkInput): Promise<EvidenceItemObject> {
    return toEvidenceItemObject(await this.evidence.addLink(ctx, input));
  }

  @Mutation(() => ID, { description: 'Removes a file or link from a draft case study; returns its id.' })
  removeEvidence(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<string> {
    return this.evidence.remove(ctx, id);
  }
}
