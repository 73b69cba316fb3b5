import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { DomainError } from '../../common/errors';
import type { GraphQLContext } from '../../common/graphql-context';
import { RateLimitService } from './rate-limit.service';

/** Whose budget a mutation spends: the signed-in user's, or an anonymous caller's network address. */
export function mutationRateLimitKey(user: { id: string } | null, ip: string | undefined): string {
  return user ? `user:${user.id}` : `ip:${ip ?? 'unknown'}`;
}

/**
 * Spends one point of the `mutation` limit for every mutation operation, once
 * the operation is known and before anything executes, so a refused request
 * runs none of its fields. The refusal is RATE_LIMITED with
 * `retryAfterSeconds`, HTTP 429 and a Retry-After header. The points live in
 * PostgreSQL, so the limit holds across every API process.
 */
export function mutationRateLimitPlugin(rateLimits: RateLimitService): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation !== 'mutation') return;
          const { ctx } = contextValue;
          try {
            await rateLimits.consume(ctx, 'mutation', mutationRateLimitKey(await ctx.user(), ctx.ip));
          } catch (error) {
            if (!(error instanceof DomainError) || error.retryAfterSeconds === undefined) throw error;
            // Apollo answers errors thrown here with HTTP 500 unless they carry their own status.
            throw new GraphQLError(error.message, {
              originalError: error,
              extensions: { http: { status: 429, headers: new HeaderMap([['retry-after', String(error.retryAfterSeconds)]]) } },
            });
          }
        },
      };
    },
  };
}
