import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/graphql-context';
import type { RequestContext } from '../../common/request-context';
import { UserObject } from '../accounts/graphql/user.object';
import { MembershipObject } from './graphql/membership.object';
import { OrganizationsService } from './organizations.service';

/** `User.memberships`: the organizations module extends the accounts module's type, so accounts never import organizations. */
@Resolver(() => UserObject)
export class UserMembershipsResolver {
  constructor(private readonly organizations: OrganizationsService) {}

  @ResolveField(() => [MembershipObject])
  memberships(@Ctx() ctx: RequestContext, @Parent() user: UserObject): Promise<MembershipObject[]> {
    return this.organizations.membershipsOf(ctx, user.id);
  }
}
