import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { domainChallengeRecord } from '@assay/domain';
import { Ctx } from '../../common/graphql-context';
import { requestLoader } from '../../common/loaders';
import type { RequestContext } from '../../common/request-context';
import { toCaseStudyObject } from '../case-studies/case-study.mapper';
import { CaseStudyObject } from '../case-studies/graphql/case-study.object';
import type { ClientAnswerRow, OrganizationDomainRow } from './client-confirmations.repository';
import { ClientConfirmationsService } from './client-confirmations.service';
import {
  AnswerAsClientInput,
  ClientAnswerGql,
  ClientAnswerObject,
  ClientCaseStudyObject,
  DomainProofMethodGql,
  OrganizationDomainObject,
  ProveOrganizationDomainInput,
  ReplyToClientAnswerInput,
} from './graphql/client-confirmation.object';

const toDomain = (d: OrganizationDomainRow): OrganizationDomainObject => {
  const record = d.verified_at ? null : domainChallengeRecord(d.domain, d.txt_token);
  return {
    id: d.id,
    domain: d.domain,
    method: d.method as DomainProofMethodGql,
    verified: d.verified_at !== null,
    verifiedAt: d.verified_at,
    txtRecordName: record?.name ?? null,
    txtRecordValue: record?.value ?? null,
  };
};

/** `hideName`: the case study is anonymised for this viewer, so the client organisation is not named either. */
export const toClientAnswer = (a: ClientAnswerRow, hideName: boolean): ClientAnswerObject => ({
  id: a.id,
  caseStudyId: a.case_study_id,
  answer: a.answer as ClientAnswerGql,
  organizationName: hideName ? 'The client organisation' : a.organization_name,
  note: a.note,
  answeredAt: a.created_at,
  disputed: a.answer !== 'worked_with',
  vendorReply: a.vendor_reply,
  vendorRepliedAt: a.vendor_replied_at,
});

/** Maps GraphQL to the client-confirmation use cases; `CaseStudy.clientAnswer`. */
@Resolver(() => CaseStudyObject)
export class ClientConfirmationsResolver {
  constructor(private readonly service: ClientConfirmationsService) {}

  @ResolveField(() => ClientAnswerObject, { nullable: true, description: 'The client organisation’s own answer about this case study, when it proved the client domain and answered.' })
  async clientAnswer(@Ctx() ctx: RequestContext, @Parent() cs: CaseStudyObject): Promise<ClientAnswerObject | null> {
    const loader = requestLoader<string, ClientAnswerRow | null>(ctx, 'clientConfirmations.answerByCaseStudy', async (ids) => {
      const rows = new Map((await this.service.answersAbout(ctx, ids)).map((a) => [a.case_study_id, a]));
      return ids.map((id) => rows.get(id) ?? null);
    });
    const answer = await loader.load(cs.id);
    // The mapper already hid the client's name from this viewer when the case study is anonymised.
    return answer ? toClientAnswer(answer, cs.client.anonymised && cs.client.name === null) : null;
  }

  @Query(() => [OrganizationDomainObject], { description: 'Members of a buyer organisation: the domains it proved or is proving.' })
  async organizationDomains(@Ctx() ctx: RequestContext, @Args('organizationId', { type: () => ID }) organizationId: string): Promise<OrganizationDomainObject[]> {
    return (await this.service.domains(ctx, organizationId)).map(toDomain);
  }

  @Query(() => [ClientCaseStudyObject], { description: 'Members of a buyer organisation: case studies that name one of its proven domains as the client, newest first.' })
  async clientCaseStudies(@Ctx() ctx: RequestContext, @Args('organizationId', { type: () => ID }) organizationId: string): Promise<ClientCaseStudyObject[]> {
    // The client sees its own name on case studies that name it, even anonymised ones.
    return (await this.service.caseStudiesNamingUs(ctx, organizationId)).map((i) => ({ caseStudy: toCaseStudyObject(i.caseStudy, 'client'), answer: i.answer ? toClientAnswer(i.answer, false) : null }));
  }

  @Mutation(() => OrganizationDomainObject, {
    description: 'Owners of a buyer organisation: claims a domain. Proven at once when your confirmed address is at it; otherwise publish the TXT record and check it.',
  })
  async proveOrganizationDomain(@Ctx() ctx: RequestContext, @Args('input') input: ProveOrganizationDomainInput): Promise<OrganizationDomainObject> {
    return toDomain(await this.service.prove(ctx, input));
  }

  @Mutation(() => OrganizationDomainObject, { description: 'Owners of a buyer organisation: looks up the TXT record of a pending domain and proves it when found.' })
  async checkOrganizationDomain(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<OrganizationDomainObject> {
    return toDomain(await this.service.check(ctx, id));
  }

  @Mutation(() => ClientAnswerObject, {
    description: 'Members of a buyer organisation that proved the client domain: answers once, for the organisation, about a case study that names it. A denial is a dispute the vendor may reply to.',
  })
  async answerAsClient(@Ctx() ctx: RequestContext, @Args('input') input: AnswerAsClientInput): Promise<ClientAnswerObject> {
    return toClientAnswer(await this.service.answer(ctx, input), false);
  }

  @Mutation(() => ClientAnswerObject, { description: 'Vendor members: the public reply to a client organisation’s denial, once.' })
  async replyToClientAnswer(@Ctx() ctx: RequestContext, @Args('input') input: ReplyToClientAnswerInput): Promise<ClientAnswerObject> {
    const row = await this.service.reply(ctx, input);
    return toClientAnswer(row, false);
  }
}
