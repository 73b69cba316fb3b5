import { Field, ID, ObjectType } from '@nestjs/graphql';
import { MembershipRoleGql, OrganizationObject } from '../../organizations/graphql/organization.object';

@ObjectType('Membership')
export class MembershipObject {
  @Field(() => OrganizationObject) organization!: OrganizationObject;
  @Field(() => MembershipRoleGql) role!: MembershipRoleGql;
}

@ObjectType('User', { description: 'The signed-in user, with memberships and platform roles.' })
export class UserObject {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() displayName!: string;
  @Field(() => [String], { description: 'Platform roles: admin, reviewer.' }) platformRoles!: string[];
  @Field(() => [MembershipObject]) memberships!: MembershipObject[];
}
