import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum OrganizationKindGql {
  vendor = 'vendor',
  buyer = 'buyer',
}
registerEnumType(OrganizationKindGql, { name: 'OrganizationKind', description: 'A consultancy (vendor) or a company hiring one (buyer).' });

export enum MembershipRoleGql {
  owner = 'owner',
  member = 'member',
}
registerEnumType(MembershipRoleGql, { name: 'MembershipRole' });

@ObjectType('Organization')
export class OrganizationObject {
  @Field(() => ID) id!: string;
  @Field(() => OrganizationKindGql) kind!: OrganizationKindGql;
  @Field() name!: string;
  @Field() slug!: string;
  @Field(() => String, { nullable: true }) website!: string | null;
  @Field() createdAt!: Date;
}

@ObjectType('OrganizationMember')
export class OrganizationMemberObject {
  @Field(() => ID) userId!: string;
  @Field() displayName!: string;
  @Field() email!: string;
  @Field(() => MembershipRoleGql) role!: MembershipRoleGql;
  @Field() joinedAt!: Date;
}

@ObjectType('Invitation')
export class InvitationObject {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field(() => MembershipRoleGql) role!: MembershipRoleGql;
  @Field() createdAt!: Date;
  @Field() expiresAt!: Date;
  @Field(() => Date, { nullable: true }) acceptedAt!: Date | null;
}

@ObjectType('OrganizationDetails', { description: 'An organization as its members see it.' })
export class OrganizationDetailsObject extends OrganizationObject {
  @Field(() => [OrganizationMemberObject]) members!: OrganizationMemberObject[];
  @Field(() => [InvitationObject]) pendingInvitations!: InvitationObject[];
  @Field(() => MembershipRoleGql) myRole!: MembershipRoleGql;
}
