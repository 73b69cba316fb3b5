import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/graphql-context';
import type { RequestContext } from '../../common/request-context';
import { type AnonymityFlagView, AnonymityFlagsService } from './anonymity-flags.service';
import { AnonymityLeakFlagObject, FlagAnonymityLeakInput, type PublicTextFieldGql } from './graphql/anonymity-flag.object';

function toFlagObject({ flag, open }: AnonymityFlagView): AnonymityLeakFlagObject {
  return { id: flag.id, caseStudyId: flag.caseStudyId, fields: flag.fields as PublicTextFieldGql[], note: flag.note, createdAt: flag.createdAt, open };
}

/** Reviewers flag an anonymised case study that names its client; the vendor sees the flags. */
@Resolver()
export class AnonymityFlagsResolver {
  constructor(private readonly flags: AnonymityFlagsService) {}

  @Mutation(() => AnonymityLeakFlagObject, { description: 'The task’s holder: this anonymised case study names its client (where, and a note).' })
  async flagAnonymityLeak(@Ctx() ctx: RequestContext, @Args('input') input: FlagAnonymityLeakInput): Promise<AnonymityLeakFlagObject> {
    return toFlagObject(await this.flags.flag(ctx, input));
  }

  @Query(() => [AnonymityLeakFlagObject], { description: 'The vendor’s members and admins: reviewers’ anonymity flags on a case study.' })
  async caseStudyAnonymityFlags(@Ctx() ctx: RequestContext, @Args('caseStudyId', { type: () => ID }) caseStudyId: string): Promise<AnonymityLeakFlagObject[]> {
    return (await this.flags.forCaseStudy(ctx, caseStudyId)).map(toFlagObject);
  }
}
