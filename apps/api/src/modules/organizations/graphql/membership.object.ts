import { Field, ObjectType } from '@nestjs/graphql';
import { MembershipRoleGql, OrganizationObject } from './organization.object';

@ObjectType('Membership')
export class MembershipObject {
  @Field(() => OrganizationObject) organization!: OrganizationObject;
  @Field(() => MembershipRoleGql) role!: MembershipRoleGql;
}
