import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum ReferenceSourceGql {
  nominated = 'nominated',
  drawn = 'drawn',
}
registerEnumType(ReferenceSourceGql, { name: 'ReferenceSource', description: 'Nominated by the vendor, or drawn at random from its client roster.' });

export enum IdentityStrengthGql {
  strong = 'strong',
  weak = 'weak',
  unknown = 'unknown',
  self = 'self',
}
registerEnumType(IdentityStrengthGql, { name: 'IdentityStrength' });

export enum ReferenceStatusGql {
  refused = 'refused',
  pending = 'pending',
  sent = 'sent',
  answered = 'answered',
  declined = 'declined',
  expired = 'expired',
}
registerEnumType(ReferenceStatusGql, { name: 'ReferenceStatus' });

@ObjectType('ReferenceRequest', { description: 'A client contact asked to confirm a case study.' })
export class ReferenceRequestObject {
  @Field(() => ID) id!: string;
  @Field(() => ReferenceSourceGql) source!: ReferenceSourceGql;
  @Field(() => String, { nullable: true, description: 'Hidden from the vendor for references drawn from its roster.' }) contactName!: string | null;
  @Field(() => String, { nullable: true, description: 'Hidden from the vendor for references drawn from its roster.' }) contactEmail!: string | null;
  @Field() contactRole!: string;
  @Field() clientName!: string;
  @Field(() => IdentityStrengthGql) identityStrength!: IdentityStrengthGql;
  @Field(() => [String]) identityFlags!: string[];
  @Field({ description: 'Why the identity rule judged the contact as it did.' }) identityReason!: string;
  @Field(() => ReferenceStatusGql) status!: ReferenceStatusGql;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) sentAt!: Date | null;
  @Field(() => Date, { nullable: true }) answeredAt!: Date | null;
}

@InputType()
export class NominateReferenceInput {
  @Field(() => ID) caseStudyId!: string;
  @Field() contactName!: string;
  @Field() contactEmail!: string;
  @Field({ defaultValue: '' }) contactRole!: string;
}
