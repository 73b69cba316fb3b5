import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum VendorDomainStatusGql {
  pending = 'pending',
  verified = 'verified',
  expired = 'expired',
}
registerEnumType(VendorDomainStatusGql, {
  name: 'VendorDomainStatus',
  description: 'pending: the link was mailed and still works; expired: the link ran out before anyone used it; verified: it counts as the vendor’s own.',
});

@ObjectType('VendorDomain', { description: 'An email domain a vendor claims; only verified ones count as the vendor’s own.' })
export class VendorDomainObject {
  @Field(() => ID) id!: string;
  @Field() domain!: string;
  @Field({ description: 'Where the verification link was sent.' }) verificationEmail!: string;
  @Field(() => VendorDomainStatusGql) status!: VendorDomainStatusGql;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) verifiedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the mailed link stops working (pending domains).' }) linkExpiresAt!: Date | null;
}

@ObjectType('VendorDomainVerification', { description: 'What a verification link confirmed.' })
export class VendorDomainVerificationObject {
  @Field() domain!: string;
  @Field(() => ID) vendorId!: string;
  @Field() vendorName!: string;
  @Field() verifiedAt!: Date;
}
