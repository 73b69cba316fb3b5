import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/graphql-context';
import type { RequestContext } from '../../common/request-context';
import { AccountsService } from './accounts.service';
import type { UserEntity } from './entities/user.entity';
import { ChangePasswordInput, SignInInput, SignUpInput } from './graphql/account.input';
import { UserObject } from './graphql/user.object';

const toUserObject = (u: UserEntity): UserObject => ({ id: u.id, email: u.email, displayName: u.displayName, platformRoles: u.platformRoles });

@Resolver(() => UserObject)
export class AccountsResolver {
  constructor(private readonly accounts: AccountsService) {}

  @Query(() => UserObject, { nullable: true, description: 'The signed-in user, or null.' })
  async me(@Ctx() ctx: RequestContext): Promise<UserObject | null> {
    const user = await this.accounts.current(ctx);
    return user ? toUserObject(user) : null;
  }

  @Mutation(() => UserObject, { description: 'Creates an account and signs it in.' })
  async signUp(@Ctx() ctx: RequestContext, @Args('input') input: SignUpInput): Promise<UserObject> {
    return toUserObject(await this.accounts.signUp(ctx, input));
  }

  @Mutation(() => UserObject)
  async signIn(@Ctx() ctx: RequestContext, @Args('input') input: SignInInput): Promise<UserObject> {
    return toUserObject(await this.accounts.signIn(ctx, input));
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
