import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { HttpException, Logger } from '@nestjs/common';
import { DomainError } from './errors';

const logger = new Logger('GraphQL');

/** Codes that graphql-js/Apollo produce for malformed requests; safe to pass through. */
const CLIENT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST']);

function unwrap(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
}

/**
 * In production, graphql-js's own messages name schema types, fields, arguments and
 * variables ("Cannot query field …", "Variable "$input" got invalid value … in
 * "OrganizationKind" enum") — the schema that production hides. There a request error
 * gets one sentence per code instead; the shape limits' messages name no schema and stay.
 */
const PRODUCTION_MESSAGES: Record<string, string> = {
  GRAPHQL_PARSE_FAILED: 'This request is not valid GraphQL; check its syntax.',
  GRAPHQL_VALIDATION_FAILED: 'This request asks for something the API does not offer, or leaves out something it needs.',
  BAD_USER_INPUT: 'A value in this request is missing or of the wrong type.',
  BAD_REQUEST: 'This request could not be understood. Please check it and try again.',
  PERSISTED_QUERY_NOT_FOUND: 'This request could not be understood. Please check it and try again.',
  OPERATION_RESOLUTION_FAILURE: 'This request could not be understood: name the operation to run.',
};

function productionMessage(code: string, message: string): string {
  if (/introspection/i.test(message)) return 'Introspection is turned off on this server.';
  if (/(depth|cost|alias|directive|token)s? limit|exceeded/i.test(message) && !/"/.test(message)) return message;
  return PRODUCTION_MESSAGES[code] ?? PRODUCTION_MESSAGES.BAD_REQUEST;
}

/** The formatter Apollo uses: {@link formatGraphQLError}, with schema names hidden in production. */
export function graphqlErrorFormatter(env: 'development' | 'production' | 'test'): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => formatGraphQLError(formatted, error, { hideSchemaNames: env === 'production' });
}

/**
 * The single place errors leave the API: domain errors keep their code, reason and
 * per-field messages; anything unexpected becomes INTERNAL_SERVER_ERROR with a
 * plain sentence, and is logged. No stack trace ever reaches a client.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown, options: { hideSchemaNames?: boolean } = {}): GraphQLFormattedError {
  const original = unwrap(error);
  if (original instanceof DomainError) {
    return {
      message: original.message,
      path: formatted.path,
      extensions: {
        code: original.code,
        reason: original.reason,
        ...(original.fields?.length ? { fields: original.fields } : {}),
        ...(original.retryAfterSeconds !== undefined ? { retryAfterSeconds: original.retryAfterSeconds } : {}),
      },
    };
  }
  if (original instanceof HttpException) {
    const status = original.getStatus();
    const code = status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : status === 404 ? 'NOT_FOUND' : status === 429 ? 'RATE_LIMITED' : 'BAD_USER_INPUT';
    return { message: original.message, path: formatted.path, extensions: { code } };
  }
  const code = String(formatted.extensions?.code ?? '');
  if (CLIENT_CODES.has(code) || (!(original instanceof Error) && !formatted.path)) {
    const clientCode = code || 'BAD_REQUEST';
    const message = options.hideSchemaNames ? productionMessage(clientCode, formatted.message) : formatted.message;
    return { message, locations: formatted.locations, extensions: { code: clientCode } };
  }
  // graphql-js refuses some requests with a bare GraphQLError — no path, no cause, no code, so
  // Apollo labels it INTERNAL_SERVER_ERROR (e.g. "Too many errors processing variables"). It is
  // about the request, not a fault of ours.
  if (!formatted.path && original instanceof GraphQLError && !original.originalError && (!code || code === 'INTERNAL_SERVER_ERROR')) {
    const message = options.hideSchemaNames ? productionMessage('BAD_REQUEST', formatted.message) : formatted.message;
    return { message, locations: formatted.locations, extensions: { code: 'BAD_REQUEST' } };
  }
  logger.error({ err: original, path: formatted.path }, 'Unexpected error while resolving a GraphQL operation');
  // Tests run with the logger off; an unexpected error must still be visible there.
  if (process.env.NODE_ENV === 'test') console.error('Unexpected GraphQL error', formatted.path, original);
  return {
    message: 'Something went wrong on our side. Please try again; if it keeps happening, contact support.',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
