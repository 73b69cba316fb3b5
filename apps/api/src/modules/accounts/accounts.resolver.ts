import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/graphql-context';
import type { RequestContext } from '../../common/request-context';
import { AccountsService } from './accounts.service';
import type { UserEntity } from './entities/user.entity';
import { ChangePasswordInput, SignInInput, SignUpInput } from './graphql/account.input';
import { SignUpResultObject, UserObject } from './graphql/user.object';

const toUserObject = (u: UserEntity): UserObject => ({ id: u.id, email: u.email, displayName: u.displayName, platformRoles: u.platformRoles, emailVerified: u.emailVerifiedAt !== null });

@Resolver(() => UserObject)
export class AccountsResolver {
  constructor(private readonly accounts: AccountsService) {}

  @Query(() => UserObject, { nullable: true, description: 'The signed-in user, or null.' })
  async me(@Ctx() ctx: RequestContext): Promise<UserObject | null> {
    const user = await this.accounts.current(ctx);
    return user ? toUserObject(user) : null;
  }

  @Mutation(() => SignUpResultObject, {
    description: 'Creates an account and mails a link that confirms the address and signs it in. The answer is the same for an address that already has an account (its owner gets a mail).',
  })
  async signUp(@Ctx() ctx: RequestContext, @Args('input') input: SignUpInput): Promise<SignUpResultObject> {
    return { message: await this.accounts.signUp(ctx, input) };
  }

  @Mutation(() => UserObject, { description: 'Uses the emailed link: confirms the address and signs the account in.' })
  async verifyEmail(@Ctx() ctx: RequestContext, @Args('token') token: string): Promise<UserObject> {
    return toUserObject(await this.accounts.verifyEmail(ctx, token));
  }

  @Mutation(() => Boolean, { description: 'Mails a new confirmation link to the signed-in, unconfirmed account (false when none was needed or one just went out).' })
  resendEmailVerification(@Ctx() ctx: RequestContext): Promise<boolean> {
    return this.accounts.resendEmailVerification(ctx);
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
