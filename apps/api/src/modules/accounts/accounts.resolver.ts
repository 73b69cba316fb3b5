import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/graphql-context';
import type { RequestContext } from '../../common/request-context';
import { OrganizationsService } from '../organizations/organizations.service';
import { AccountsService } from './accounts.service';
import { ChangePasswordInput, SignInInput, SignUpInput } from './graphql/account.input';
import { UserObject } from './graphql/user.object';

@Resolver(() => UserObject)
export class AccountsResolver {
  constructor(
    private readonly accounts: AccountsService,
    private readonly organizations: OrganizationsService,
  ) {}

  @Query(() => UserObject, { nullable: true, description: 'The signed-in user, or null.' })
  async me(@Ctx() ctx: RequestContext): Promise<UserObject | null> {
    const user = await ctx.user();
    if (!user) return null;
    return this.organizations.describeUser(ctx, user.id);
  }

  @Mutation(() => UserObject, { description: 'Creates an account and signs it in.' })
  async signUp(@Ctx() ctx: RequestContext, @Args('input') input: SignUpInput): Promise<UserObject> {
    const user = await this.accounts.signUp(ctx, input);
    return this.organizations.describeUser(ctx, user.id);
  }

  @Mutation(() => UserObject)
  async signIn(@Ctx() ctx: RequestContext, @Args('input') input: SignInInput): Promise<UserObject> {
    const user = await this.accounts.signIn(ctx, input);
    return this.organizations.describeUser(ctx, user.id);
  }

  @Mutation(() => Boolean, { description: 'Ends the current session.' })
  signOut(@Ctx() ctx: RequestContext): Promise<boolean> {
    return this.accounts.signOut(ctx);
  }

  @Mutation(() => Boolean, { description: 'Changes the password and ends every other session.' })
  changePassword(@Ctx() ctx: RequestContext, @Args('input') input: ChangePasswordInput): Promise<boolean> {
    return this.accounts.changePassword(ctx, input);
  }
}
