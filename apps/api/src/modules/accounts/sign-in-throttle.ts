import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/request-context';
import { RateLimitService } from '../rate-limits/rate-limit.service';

/**
 * How Assay answers password guessing without handing an attacker a way to lock
 * the owner out (docs/operations.md, "Sign-in throttling"):
 *
 * - failures are counted per (account, network address) and per network address;
 *   an address that guesses too often is refused, everyone else is not;
 * - failures for an account from anywhere never lock it: past `slowDownAfter`
 *   they slow it down — each further failure makes browsers the account has not
 *   signed in from before wait a growing delay (doubling, at most `maxDelaySeconds`)
 *   before their next attempt is even checked;
 * - a browser that signed in to the account before carries a device cookie and is
 *   never slowed down (OWASP, "Slow Down Online Guessing Attacks with Device Cookies");
 * - a successful sign-in resets the account's counters.
 */
export const SIGN_IN_THROTTLE = {
  /** Failures for an account (from all addresses, last hour) before the slow-down starts. */
  slowDownAfter: 10,
  /** First delay once the slow-down starts; doubles with each further failure. */
  firstDelaySeconds: 2,
  maxDelaySeconds: 60,
} as const;

/** The delay a failure imposes on new browsers, given the account's failure count. */
export function slowDownSeconds(failures: number): number {
  const over = failures - SIGN_IN_THROTTLE.slowDownAfter;
  if (over < 0) return 0;
  return Math.min(SIGN_IN_THROTTLE.maxDelaySeconds, SIGN_IN_THROTTLE.firstDelaySeconds * 2 ** Math.min(over, 16));
}

@Injectable()
export class SignInThrottle {
  constructor(private readonly rateLimits: RateLimitService) {}

  /** Refuses the attempt (RATE_LIMITED, with when to retry) before the password is checked. */
  async beforeAttempt(ctx: RequestContext, account: string, knownBrowser: boolean): Promise<void> {
    const ip = clientAddress(ctx);
    await this.rateLimits.check(ctx, 'signInFailuresIp', ip);
    await this.rateLimits.check(ctx, 'signInFailuresAccountIp', `${account}|${ip}`);
    if (!knownBrowser) await this.rateLimits.check(ctx, 'signInSlowdown', account);
  }

  async afterFailure(ctx: RequestContext, account: string): Promise<void> {
    const ip = clientAddress(ctx);
    await this.rateLimits.fail(ctx, 'signInFailuresIp', ip);
    await this.rateLimits.fail(ctx, 'signInFailuresAccountIp', `${account}|${ip}`);
    const failures = await this.rateLimits.fail(ctx, 'signInFailuresAccount', account);
    await this.rateLimits.block(ctx, 'signInSlowdown', account, slowDownSeconds(failures));
  }

  /** The owner got in: the account's counters start again (the address's own count stays). */
  async afterSuccess(ctx: RequestContext, account: string): Promise<void> {
    const ip = clientAddress(ctx);
    await this.rateLimits.reset('signInFailuresAccountIp', `${account}|${ip}`);
    await this.rateLimits.reset('signInFailuresAccount', account);
    await this.rateLimits.reset('signInSlowdown', account);
  }
}

function clientAddress(ctx: RequestContext): string {
  return ctx.ip ?? 'unknown';
}
