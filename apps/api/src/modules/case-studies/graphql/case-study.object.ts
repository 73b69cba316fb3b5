import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum CaseStudyStatusGql {
  draft = 'draft',
  submitted = 'submitted',
  in_verification = 'in_verification',
  verified = 'verified',
  partially_verified = 'partially_verified',
  unverified = 'unverified',
  disputed = 'disputed',
  withdrawn = 'withdrawn',
}
registerEnumType(CaseStudyStatusGql, { name: 'CaseStudyStatus' });

export enum ProductionStatusGql {
  poc_only = 'poc_only',
  in_production = 'in_production',
  retired = 'retired',
}
registerEnumType(ProductionStatusGql, { name: 'ProductionStatus', description: 'Whether the system reached production and is still there.' });

export enum HandoverGql {
  client_alone = 'client_alone',
  joint = 'joint',
  vendor = 'vendor',
}
registerEnumType(HandoverGql, { name: 'Handover', description: 'Who operates the system now.' });

export enum OutcomeDirectionGql {
  higher_is_better = 'higher_is_better',
  lower_is_better = 'lower_is_better',
}
registerEnumType(OutcomeDirectionGql, { name: 'OutcomeDirection' });

export enum MeasurementMethodGql {
  held_out_test_set = 'held_out_test_set',
  ab_test = 'ab_test',
  before_after_production = 'before_after_production',
  other = 'other',
}
registerEnumType(MeasurementMethodGql, { name: 'MeasurementMethod' });

export enum OutcomeVerificationStatusGql {
  pending = 'pending',
  verified = 'verified',
  partially_verified = 'partially_verified',
  refuted = 'refuted',
  unverifiable = 'unverifiable',
}
registerEnumType(OutcomeVerificationStatusGql, { name: 'OutcomeVerificationStatus' });

@ObjectType('OutcomeClaim')
export class OutcomeClaimObject {
  @Field(() => ID) id!: string;
  @Field(() => Int) position!: number;
  @Field() metricName!: string;
  @Field() unit!: string;
  @Field(() => OutcomeDirectionGql) direction!: OutcomeDirectionGql;
  @Field(() => Float) baselineValue!: number;
  @Field(() => Float) claimedValue!: number;
  @Field({ description: 'ISO date the claimed value was measured.' }) measuredAt!: string;
  @Field(() => MeasurementMethodGql) measurementMethod!: MeasurementMethodGql;
  @Field(() => String, { nullable: true }) methodNote!: string | null;
  @Field(() => Float, { nullable: true, description: 'What a reviewer verified; null until a verdict.' }) verifiedValue!: number | null;
  @Field(() => OutcomeVerificationStatusGql) verificationStatus!: OutcomeVerificationStatusGql;
}

export enum ClientDomainStandingGql {
  confirmed = 'confirmed',
  corroborated = 'corroborated',
  unconfirmed = 'unconfirmed',
  suspect = 'suspect',
}
registerEnumType(ClientDomainStandingGql, {
  name: 'ClientDomainStanding',
  description: 'How well the client domain is proven: confirmed by the client organisation, corroborated by independent evidence, unconfirmed, or suspect.',
});

@ObjectType('ClientDomainStandingInfo', { description: 'The standing of a case study’s client domain, with the reason in a sentence.' })
export class ClientDomainStandingObject {
  @Field(() => ClientDomainStandingGql) standing!: ClientDomainStandingGql;
  @Field({ description: 'Why, in a sentence a buyer understands.' }) reason!: string;
  @Field({ description: 'False when DNS could not be checked: the standing then says "not checked" and is at most unconfirmed.' }) dnsChecked!: boolean;
  @Field(() => Date) checkedAt!: Date;
}

@ObjectType('CaseStudyClient', { description: 'The client. When anonymised, buyers see only the descriptor.' })
export class CaseStudyClientObject {
  @Field({ description: 'The client name, or the descriptor (e.g. "a European retailer") when anonymised for this viewer.' }) displayName!: string;
  @Field() anonymised!: boolean;
  @Field(() => String, { nullable: true, description: 'Only for the vendor, assigned reviewers and admins.' }) name!: string | null;
  @Field(() => String, { nullable: true, description: 'Only for the vendor, assigned reviewers and admins.' }) domain!: string | null;
  @Field(() => String, { nullable: true, description: 'What buyers see when the client is anonymised, e.g. "a European retailer".' }) descriptor!: string | null;
  @Field(() => ClientDomainStandingObject, { nullable: true, description: 'The standing of the client domain; null until it was first assessed.' })
  domainStanding!: ClientDomainStandingObject | null;
}

@ObjectType('CaseStudy')
export class CaseStudyObject {
  @Field(() => ID) id!: string;
  @Field(() => ID) vendorId!: string;
  @Field() vendorName!: string;
  @Field(() => ID, { description: 'Shared by every revision of this case study.' }) lineageId!: string;
  @Field(() => Int) revision!: number;
  @Field(() => ID, { nullable: true }) supersedesId!: string | null;
  @Field(() => Date, { nullable: true }) supersededAt!: Date | null;
  @Field(() => CaseStudyStatusGql) status!: CaseStudyStatusGql;
  @Field() title!: string;
  @Field(() => CaseStudyClientObject) client!: CaseStudyClientObject;
  @Field() problem!: string;
  @Field() approach!: string;
  @Field(() => String, { nullable: true }) startedOn!: string | null;
  @Field(() => String, { nullable: true }) endedOn!: string | null;
  @Field(() => Int, { nullable: true }) teamSize!: number | null;
  @Field(() => [String]) stackTags!: string[];
  @Field(() => ProductionStatusGql) productionStatus!: ProductionStatusGql;
  @Field(() => String, { nullable: true }) productionSince!: string | null;
  @Field(() => String, { nullable: true }) retiredOn!: string | null;
  @Field(() => HandoverGql) handover!: HandoverGql;
  @Field(() => Date, { nullable: true }) submittedAt!: Date | null;
  @Field(() => Date, { nullable: true }) verifiedAt!: Date | null;
  @Field(() => Date, { nullable: true }) withdrawnAt!: Date | null;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
  @Field(() => Int, { description: 'Pass back as expectedVersion when editing a draft.' }) version!: number;
  @Field(() => [OutcomeClaimObject]) outcomes!: OutcomeClaimObject[];
  @Field(() => Boolean, { description: 'Whether the viewer may edit this case study now.' }) editable!: boolean;
  /** Not in the schema: how the viewer relates to it, for field resolvers. */
  viewerAccess?: 'owner' | 'admin' | 'client' | 'public';
}

@ObjectType('CaseStudyConnection')
export class CaseStudyConnectionObject {
  @Field(() => [CaseStudyObject]) nodes!: CaseStudyObject[];
  @Field(() => Int) totalCount!: number;
}
