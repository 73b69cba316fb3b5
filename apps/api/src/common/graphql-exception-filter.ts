import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';

/**
 * Hands every error raised in a GraphQL resolver straight back to Apollo, where
 * `formatGraphQLError` turns it into a typed error and logs it once if it was
 * unexpected. Without this, Nest's default handler logs every thrown error —
 * a refused sign-in included — at error level with a stack trace, and unexpected
 * errors twice. Other contexts (HTTP) keep Nest's default handling.
 */
@Catch()
export class GraphQLExceptionPassthrough extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}
