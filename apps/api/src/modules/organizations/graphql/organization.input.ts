import { Field, ID, InputType } from '@nestjs/graphql';
import { MembershipRoleGql, OrganizationKindGql } from './organization.object';

@InputType()
export class CreateOrganizationInput {
  @Field() name!: string;
  @Field(() => OrganizationKindGql) kind!: OrganizationKindGql;
  @Field(() => String, { nullable: true }) website?: string | null;
}

@InputType()
export class InviteMemberInput {
  @Field(() => ID) organizationId!: string;
  @Field() email!: string;
  @Field(() => MembershipRoleGql, { defaultValue: MembershipRoleGql.member }) role!: MembershipRoleGql;
}

@InputType()
export class AcceptInvitationInput {
  @Field({ description: 'The token from the invitation email.' }) token!: string;
}
