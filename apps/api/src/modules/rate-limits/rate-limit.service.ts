import { Injectable } from '@nestjs/common';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { rateLimited } from '../../common/errors';
import type { RequestContext } from '../../common/request-context';

/**
 * Every limit Assay applies: points per window. State lives in PostgreSQL
 * (table `rate_limits`), so the limits hold across any number of API processes.
 */
export const RATE_LIMITS = {
  signInIp: { points: 30, durationSeconds: 15 * 60, what: 'sign-in attempts from this network' },
  signInAccount: { points: 10, durationSeconds: 15 * 60, what: 'sign-in attempts for this account' },
  signUp: { points: 20, durationSeconds: 60 * 60, what: 'sign-ups from this network' },
  referenceToken: { points: 30, durationSeconds: 15 * 60, what: 'attempts with reference links from this network' },
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
      await this.limiter(name).consume(key.toLowerCase().slice(0, 200), 1);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        throw rateLimited(Math.ceil(rejection.msBeforeNext / 1000), RATE_LIMITS[name].what);
      }
      throw rejection;
    }
  }

  /** Forgets the points of a key (e.g. after a successful sign-in). */
  async reset(name: RateLimitName, key: string): Promise<void> {
    await this.limiter(name).delete(key.toLowerCase().slice(0, 200));
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
