import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CaseStudyObject } from '../../case-studies/graphql/case-study.object';

export enum ClientAnswerGql {
  worked_with = 'worked_with',
  did_not_work_with = 'did_not_work_with',
  outcome_wrong = 'outcome_wrong',
}
registerEnumType(ClientAnswerGql, {
  name: 'ClientAnswerKind',
  description: 'What the client organisation says: we worked with them; we did not work with them; the outcome stated is wrong.',
});

export enum DomainProofMethodGql {
  dns_txt = 'dns_txt',
  member_email = 'member_email',
}
registerEnumType(DomainProofMethodGql, { name: 'DomainProofMethod', description: 'A TXT record in DNS, or a member whose confirmed address is at the domain.' });

@ObjectType('OrganizationDomain', { description: 'A domain a buyer organisation proves is its own, so it can answer for case studies that name it.' })
export class OrganizationDomainObject {
  @Field(() => ID) id!: string;
  @Field() domain!: string;
  @Field(() => DomainProofMethodGql) method!: DomainProofMethodGql;
  @Field() verified!: boolean;
  @Field(() => Date, { nullable: true }) verifiedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'While pending: the name of the TXT record to publish.' }) txtRecordName!: string | null;
  @Field(() => String, { nullable: true, description: 'While pending: the value of the TXT record to publish.' }) txtRecordValue!: string | null;
}

@ObjectType('ClientAnswer', { description: 'The client organisation’s own answer about a case study that names it, and the vendor’s reply.' })
export class ClientAnswerObject {
  @Field(() => ID) id!: string;
  @Field(() => ID) caseStudyId!: string;
  @Field(() => ClientAnswerGql) answer!: ClientAnswerGql;
  @Field({ description: 'The organisation that answered; "The client organisation" when the case study is anonymised for this viewer.' }) organizationName!: string;
  @Field() note!: string;
  @Field() answeredAt!: Date;
  @Field({ description: 'True when the answer contradicts the vendor: a dispute the vendor may reply to.' }) disputed!: boolean;
  @Field(() => String, { nullable: true }) vendorReply!: string | null;
  @Field(() => Date, { nullable: true }) vendorRepliedAt!: Date | null;
}

@ObjectType('ClientCaseStudy', { description: 'A case study that names one of the organisation’s proven domains as its client, with the organisation’s answer if it gave one.' })
export class ClientCaseStudyObject {
  @Field(() => CaseStudyObject) caseStudy!: CaseStudyObject;
  @Field(() => ClientAnswerObject, { nullable: true }) answer!: ClientAnswerObject | null;
}

@InputType()
export class ProveOrganizationDomainInput {
  @Field(() => ID) organizationId!: string;
  @Field() domain!: string;
}

@InputType()
export class AnswerAsClientInput {
  @Field(() => ID) caseStudyId!: string;
  @Field(() => ID) organizationId!: string;
  @Field(() => ClientAnswerGql) answer!: ClientAnswerGql;
  @Field({ nullable: true, description: 'Optional for "we worked with them"; required otherwise (what is wrong).' }) note?: string;
}

@InputType()
export class ReplyToClientAnswerInput {
  @Field(() => ID) answerId!: string;
  @Field() body!: string;
}
