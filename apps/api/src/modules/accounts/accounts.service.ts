import { Inject, Injectable } from '@nestjs/common';
import { checkPassword } from '@assay/domain';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { authorize } from '../../common/authz/authorize';
import { badInput, conflict, unauthenticated } from '../../common/errors';
import type { AuthenticatedUser, RequestContext } from '../../common/request-context';
import { fieldRules, parseInput } from '../../common/validation';
import { TransactionService } from '../../database/transaction.service';
import { RateLimitService } from '../rate-limits/rate-limit.service';
import { PasswordHasher } from './passwords';
import { SignInDevices } from './sign-in-devices';
import { SignInThrottle } from './sign-in-throttle';
import { SessionsRepository } from './sessions.repository';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './session-cookie';
import { hashToken, newToken } from '../../common/tokens';
import { UsersRepository } from './users.repository';
import { EmailVerificationService } from './email-verification.service';
import { UserEntity } from './entities/user.entity';

const signUpSchema = z.object({
  email: fieldRules.email,
  displayName: fieldRules.name('your name', 80),
  password: z.string({ error: 'Enter a password.' }),
});
const signInSchema = z.object({ email: fieldRules.email, password: z.string().min(1, 'Enter your password.').max(1024) });

@Injectable()
export class AccountsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionService,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly hasher: PasswordHasher,
    private readonly rateLimits: RateLimitService,
    private readonly throttle: SignInThrottle,
    private readonly devices: SignInDevices,
    private readonly emailVerification: EmailVerificationService,
  ) {}

  /** Resolves the cookie of a request to its live user (one statement). */
  async userForRequest(ctx: RequestContext): Promise<AuthenticatedUser | null> {
    const token = readSessionCookie(ctx.req);
    if (!token) return null;
    return this.sessions.findLiveUser(ctx, hashToken(token));
  }

  /** The signed-in user's account, or null. */
  async current(ctx: RequestContext): Promise<UserEntity | null> {
    const user = await ctx.user();
    return user ? this.tx.repo(ctx, UserEntity).findOneBy({ id: user.id }) : null;
  }

  /**
   * Creates an account and mails it a verification link; the link signs it in. The answer
   * is the same whether or not the address already has an account (its owner gets a mail
   * instead), so sign-up does not reveal who is registered.
   */
  async signUp(ctx: RequestContext, input: unknown): Promise<string> {
    const data = parseInput(signUpSchema, input);
    const policy = checkPassword(data.password, { email: data.email, userInputs: [data.displayName] });
    if (!policy.ok) throw badInput(policy.message, [{ field: 'password', message: policy.message }], 'WEAK_PASSWORD');
    await this.rateLimits.consume(ctx, 'signUp', ctx.ip ?? 'unknown');
    const passwordHash = await this.hasher.hash(data.password);
    await this.tx.run(ctx, async (tx) => {
      const user = await this.users.insert(tx, { email: data.email, displayName: data.displayName, passwordHash });
      if (user) await this.emailVerification.send(tx, user);
      else await this.emailVerification.notifyExistingAccount(tx, data.email);
    });
    return `We sent a link to ${data.email}. Open it to confirm the address and finish creating your account.`;
  }

  /** Uses an emailed verification link: the address is verified and the account signed in. */
  async verifyEmail(ctx: RequestContext, token: unknown): Promise<UserEntity> {
    const userId = await this.emailVerification.verify(ctx, token);
    await this.startSession(ctx, userId);
    return (await this.users.findById(ctx, userId))!;
  }

  /** Mails a new verification link to the signed-in account, unless it is verified or one went out minutes ago. */
  async resendEmailVerification(ctx: RequestContext): Promise<boolean> {
    const me = await authorize(ctx, 'signedIn');
    if (me.emailVerified) return false;
    if (await this.emailVerification.recentlySent(ctx, me.id)) return false;
    await this.emailVerification.send(ctx, me);
    return true;
  }

  /**
   * Checks the password under the sign-in throttle (sign-in-throttle.ts): refused
   * before the check when this address guessed too often, or when the account is
   * being slowed down and this browser has not signed in to it before. An unknown
   * email is counted and answered exactly like a wrong password.
   */
  async signIn(ctx: RequestContext, input: unknown): Promise<UserEntity> {
    const data = parseInput(signInSchema, input);
    const user = await this.users.findByEmail(ctx, data.email);
    await this.throttle.beforeAttempt(ctx, data.email, await this.devices.isKnown(ctx, user?.id));
    const ok = user ? await this.hasher.verify(user.passwordHash, data.password) : (await this.hasher.dummyVerify(data.password), false);
    if (!user || !ok) {
      await this.throttle.afterFailure(ctx, data.email);
      throw unauthenticated('The email or password is not right.', 'INVALID_CREDENTIALS');
    }
    await this.throttle.afterSuccess(ctx, data.email);
    await this.tx.run(ctx, async (tx) => {
      await this.startSession(tx, user.id);
      await this.devices.remember(tx, user.id, this.config.cookieSecure);
      // Accounts from before email verification (and any not yet verified) get a link at sign-in.
      if (!user.emailVerifiedAt && !(await this.emailVerification.recentlySent(tx, user.id))) await this.emailVerification.send(tx, user);
    });
    return user;
  }

  async signOut(ctx: RequestContext): Promise<boolean> {
    const user = await ctx.user();
    if (user) await this.sessions.revoke(ctx, user.sessionId);
    clearSessionCookie(ctx.res, this.config.cookieSecure);
    return true;
  }

  /** Changes the password and ends every other session of the user. */
  async changePassword(ctx: RequestContext, input: { currentPassword: string; newPassword: string }): Promise<boolean> {
    const me = await authorize(ctx, 'signedIn');
    const user = await this.users.findById(ctx, me.id);
    if (!user) throw unauthenticated();
    // The current password is a secret check like sign-in: a stolen session may not guess it freely.
    await this.rateLimits.check(ctx, 'passwordCheckFailures', user.id);
    if (!(await this.hasher.verify(user.passwordHash, String(input.currentPassword ?? '')))) {
      await this.rateLimits.fail(ctx, 'passwordCheckFailures', user.id);
      throw badInput('Your current password is not right.', [{ field: 'currentPassword', message: 'Your current password is not right.' }], 'INVALID_CREDENTIALS');
    }
    await this.rateLimits.reset('passwordCheckFailures', user.id);
    const policy = checkPassword(String(input.newPassword ?? ''), { email: user.email, userInputs: [user.displayName] });
    if (!policy.ok) throw badInput(policy.message, [{ field: 'newPassword', message: policy.message }], 'WEAK_PASSWORD');
    const hash = await this.hasher.hash(input.newPassword);
    await this.tx.run(ctx, async (tx) => {
      await this.users.updatePasswordHash(tx, user.id, hash);
      await this.sessions.revokeAllForUser(tx, user.id);
      await this.startSession(tx, user.id);
    });
    return true;
  }

  /**
   * Creates a user directly (admin CLI, seed, test setup): refuses weak passwords like sign-up
   * does, and takes the address as verified unless `emailVerified: false` (whoever runs this
   * holds the machine).
   */
  async createUser(
    ctx: RequestContext,
    input: { email: string; displayName: string; password: string; platformRoles?: ('admin' | 'reviewer')[]; emailVerified?: boolean; /** Only the demo seed. */ allowDemoPassword?: boolean },
  ): Promise<UserEntity> {
    const data = parseInput(signUpSchema, input);
    const policy = checkPassword(data.password, { email: data.email, userInputs: [data.displayName], allowDemoPassword: input.allowDemoPassword === true });
    if (!policy.ok) throw badInput(policy.message, [{ field: 'password', message: policy.message }], 'WEAK_PASSWORD');
    const user = await this.users.insert(ctx, {
      email: data.email,
      displayName: data.displayName,
      passwordHash: await this.hasher.hash(data.password),
      platformRoles: input.platformRoles,
      emailVerifiedAt: input.emailVerified === false ? null : new Date(),
    });
    if (!user) throw conflict('An account with this email already exists.', 'EMAIL_TAKEN');
    return user;
  }

  private async startSession(ctx: RequestContext, userId: string): Promise<void> {
    const { token, hash } = newToken();
    const expiresAt = new Date(Date.now() + this.config.sessionTtlDays * 86_400_000);
    await this.sessions.create(ctx, userId, hash, expiresAt, ctx.req?.get('user-agent')?.slice(0, 300) ?? null);
    setSessionCookie(ctx.res, token, expiresAt, this.config.cookieSecure);
  }
}
