import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import type { GraphQLFormattedError } from 'graphql';

/** The stable codes the API puts in `extensions.code`. */
export type ApiErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR';

/** What the UI needs to know about any failure: a code to switch on and a sentence for people. */
export interface ErrorDescription {
  code: ApiErrorCode | 'NETWORK' | 'UNKNOWN';
  /** The finer domain code (`EMAIL_TAKEN`, `WRONG_RECIPIENT`, ...), when the API gave one. */
  reason?: string;
  /** A sentence a person understands; never a stack trace or a protocol message. */
  message: string;
  /** Per-field messages of BAD_USER_INPUT, with API paths like `outcomes[1].claimedValue`. */
  fields: FieldMessage[];
  retryAfterSeconds?: number;
}

export interface FieldMessage {
  field: string;
  message: string;
}

const API_CODES = new Set<string>([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
]);

const FALLBACK_MESSAGES: Record<ErrorDescription['code'], string> = {
  BAD_USER_INPUT: 'Some of the information is not valid. Please check it and try again.',
  UNAUTHENTICATED: 'Please sign in to continue.',
  FORBIDDEN: 'You do not have permission to do that.',
  NOT_FOUND: 'We could not find what you were looking for.',
  CONFLICT: 'This conflicts with something that already exists. Please reload and try again.',
  RATE_LIMITED: 'Too many attempts. Please wait a moment and try again.',
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side. Please try again; if it keeps happening, contact support.',
  NETWORK: 'We could not reach Assay. Check your connection and try again.',
  UNKNOWN: 'Something went wrong. Please try again.',
};

/**
 * Turns whatever Apollo throws into an {@link ErrorDescription}. The API's domain
 * errors (those with a `reason`) carry sentences written for people, so they are
 * shown as they are; anything else gets a plain fallback sentence for its code.
 */
export function describeError(error: unknown): ErrorDescription {
  const graphQLErrors = graphQLErrorsOf(error);
  if (graphQLErrors.length > 0) return describeGraphQLError(graphQLErrors[0]);
  if (ServerError.is(error)) {
    if (error.statusCode === 429) return fallback('RATE_LIMITED');
    if (error.statusCode >= 500) return fallback('INTERNAL_SERVER_ERROR');
    return fallback('UNKNOWN');
  }
  if (ServerParseError.is(error)) return fallback('INTERNAL_SERVER_ERROR');
  if (error instanceof TypeError || (error instanceof Error && /fetch|network/i.test(error.message))) {
    return fallback('NETWORK');
  }
  return fallback('UNKNOWN');
}

function graphQLErrorsOf(error: unknown): ReadonlyArray<GraphQLFormattedError> {
  if (CombinedGraphQLErrors.is(error)) return error.errors;
  // A non-2xx answer can still carry GraphQL errors in its body.
  if (ServerError.is(error)) {
    try {
      const body = JSON.parse(error.bodyText) as { errors?: GraphQLFormattedError[] };
      if (Array.isArray(body.errors)) return body.errors;
    } catch {
      // not JSON: handled by the caller
    }
  }
  return [];
}

function describeGraphQLError(error: GraphQLFormattedError): ErrorDescription {
  const extensions = (error.extensions ?? {}) as Record<string, unknown>;
  const rawCode = typeof extensions.code === 'string' ? extensions.code : '';
  const code: ErrorDescription['code'] = API_CODES.has(rawCode) ? (rawCode as ApiErrorCode) : 'UNKNOWN';
  const reason = typeof extensions.reason === 'string' ? extensions.reason : undefined;
  const fields = Array.isArray(extensions.fields)
    ? (extensions.fields as unknown[]).filter(isFieldMessage)
    : [];
  const retryAfterSeconds = typeof extensions.retryAfterSeconds === 'number' ? extensions.retryAfterSeconds : undefined;
  // Only domain errors (they always carry a reason) are written for people.
  const trusted = reason !== undefined && code !== 'UNKNOWN' && code !== 'INTERNAL_SERVER_ERROR';
  return {
    code,
    reason,
    message: trusted && error.message ? error.message : FALLBACK_MESSAGES[code],
    fields,
    retryAfterSeconds,
  };
}

function isFieldMessage(value: unknown): value is FieldMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldMessage).field === 'string' &&
    typeof (value as FieldMessage).message === 'string'
  );
}

function fallback(code: ErrorDescription['code']): ErrorDescription {
  return { code, message: FALLBACK_MESSAGES[code], fields: [] };
}

/** True when the error (or its first GraphQL error) has this API code. */
export function hasErrorCode(error: unknown, code: ErrorDescription['code']): boolean {
  return error != null && describeError(error).code === code;
}
