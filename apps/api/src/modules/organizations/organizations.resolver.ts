import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/graphql-context';
import type { RequestContext } from '../../common/request-context';
import { AcceptInvitationInput, CreateOrganizationInput, InviteMemberInput } from './graphql/organization.input';
import { InvitationObject, OrganizationDetailsObject, OrganizationObject } from './graphql/organization.object';
import { OrganizationsService, toOrganizationObject } from './organizations.service';

@Resolver(() => OrganizationObject)
export class OrganizationsResolver {
  constructor(private readonly organizations: OrganizationsService) {}

  @Query(() => OrganizationDetailsObject, { description: 'An organization with its members; members only.' })
  organization(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<OrganizationDetailsObject> {
    return this.organizations.details(ctx, id);
  }

  @Mutation(() => OrganizationObject, { description: 'Creates an organization; you become its owner.' })
  async createOrganization(@Ctx() ctx: RequestContext, @Args('input') input: CreateOrganizationInput): Promise<OrganizationObject> {
    return toOrganizationObject(await this.organizations.create(ctx, input));
  }

  @Mutation(() => InvitationObject, { description: 'Owners only: invites someone by email.' })
  inviteMember(@Ctx() ctx: RequestContext, @Args('input') input: InviteMemberInput): Promise<InvitationObject> {
    return this.organizations.invite(ctx, input);
  }

  @Mutation(() => OrganizationObject, { description: 'Joins the organization of an invitation sent to your email.' })
  async acceptInvitation(@Ctx() ctx: RequestContext, @Args('input') input: AcceptInvitationInput): Promise<OrganizationObject> {
    return toOrganizationObject(await this.organizations.acceptInvitation(ctx, input.token));
  }
}
