import { Injectable } from '@nestjs/common';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { rateLimited } from '../../common/errors';
import type { RequestContext } from '../../common/request-context';

/**
 * Every limit Assay applies: points per window. State lives in PostgreSQL
 * (table `rate_limits`), so the limits hold across any number of API processes.
 * Limits named `…Failures` count failed secret checks only (a right answer costs
 * nothing); the others count every attempt. docs/operations.md lists them.
 */
export const RATE_LIMITS = {
  /** Wrong passwords from one network address, whatever the account. */
  signInFailuresIp: { points: 30, durationSeconds: 15 * 60, what: 'failed sign-ins from this network' },
  /** Wrong passwords for one account from one network address: the guesser is refused, the owner elsewhere is not. */
  signInFailuresAccountIp: { points: 5, durationSeconds: 15 * 60, what: 'failed sign-ins for this account from this network' },
  /**
   * Wrong passwords for one account from anywhere. Never a lockout: past a threshold
   * the account is slowed down for browsers it does not know (see sign-in-throttle.ts).
   */
  signInFailuresAccount: { points: 1_000_000, durationSeconds: 60 * 60, what: 'failed sign-ins for this account' },
  /** The account's current slow-down: blocked for a growing delay after each failure past the threshold. */
  signInSlowdown: { points: 1, durationSeconds: 60, what: 'sign-in attempts for this account from a new browser' },
  /** Wrong current passwords in changePassword, per signed-in user. */
  passwordCheckFailures: { points: 5, durationSeconds: 15 * 60, what: 'wrong current passwords' },
  signUp: { points: 20, durationSeconds: 60 * 60, what: 'sign-ups from this network' },
  /** Emailed single-use links (reference, follow-up) tried from one network address. */
  referenceToken: { points: 30, durationSeconds: 15 * 60, what: 'attempts with reference links from this network' },
  /** Other secret tokens (organization invitations, domain verification codes) tried from one network address. */
  secretTokenFailures: { points: 20, durationSeconds: 15 * 60, what: 'attempts with invalid codes or links from this network' },
  /** TXT lookups for one claimed domain (each asks DNS; the record may take minutes to appear). */
  domainCheck: { points: 10, durationSeconds: 15 * 60, what: 'checks of this domain' },
  mutation: { points: 300, durationSeconds: 60, what: 'changes in a short time' },
  upload: { points: 120, durationSeconds: 60 * 60, what: 'file uploads' },
} as const;

export type RateLimitName = keyof typeof RATE_LIMITS;

@Injectable()
export class RateLimitService {
  private readonly limiters = new Map<RateLimitName, RateLimiterPostgres>();

  constructor(private readonly dataSource: DataSource) {}

  /** Spends one point of `name` for `key`, or throws RATE_LIMITED saying when to retry. */
  async consume(ctx: RequestContext, name: RateLimitName, key: string): Promise<void> {
    // Limits protect the HTTP surface; jobs, CLIs and the seed act without a request.
    if (!ctx.req) return;
    try {
      await this.limiter(name).consume(normalise(key), 1);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        throw rateLimited(Math.ceil(rejection.msBeforeNext / 1000), RATE_LIMITS[name].what);
      }
      throw rejection;
    }
  }

  /**
   * For limits that count failures: throws RATE_LIMITED when `key` has used up its
   * points (or is blocked), without spending one.
   */
  async check(ctx: RequestContext, name: RateLimitName, key: string): Promise<void> {
    if (!ctx.req) return;
    const state = await this.limiter(name).get(normalise(key));
    if (state && state.consumedPoints >= RATE_LIMITS[name].points) {
      throw rateLimited(Math.max(1, Math.ceil(state.msBeforeNext / 1000)), RATE_LIMITS[name].what);
    }
  }

  /** Records one failure against `key` and returns how many it now has in the window. */
  async fail(ctx: RequestContext, name: RateLimitName, key: string): Promise<number> {
    if (!ctx.req) return 0;
    const res = await this.limiter(name).penalty(normalise(key), 1);
    return res.consumedPoints;
  }

  /** Blocks `key` under `name` for `seconds` (a slow-down). */
  async block(ctx: RequestContext, name: RateLimitName, key: string, seconds: number): Promise<void> {
    if (!ctx.req || seconds <= 0) return;
    await this.limiter(name).block(normalise(key), seconds);
  }

  /** Forgets the points of a key (e.g. after a successful sign-in). */
  async reset(name: RateLimitName, key: string): Promise<void> {
    await this.limiter(name).delete(normalise(key));
  }

  private limiter(name: RateLimitName): RateLimiterPostgres {
    let limiter = this.limiters.get(name);
    if (!limiter) {
      const spec = RATE_LIMITS[name];
      limiter = new RateLimiterPostgres({
        storeClient: this.dataSource,
        storeType: 'typeorm',
        tableName: 'rate_limits',
        tableCreated: true,
        clearExpiredByTimeout: false,
        keyPrefix: name,
        points: spec.points,
        duration: spec.durationSeconds,
      });
      this.limiters.set(name, limiter);
    }
    return limiter;
  }
}

function normalise(key: string): string {
  return key.toLowerCase().slice(0, 200);
}
