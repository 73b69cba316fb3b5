import { HttpException, Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { badInput, rateLimited } from '../errors';
import { formatGraphQLError } from '../format-graphql-error';

/** What graphql-js/Apollo hand the formatter for an error thrown inside a resolver. */
function fromResolver(original: unknown, extensions: Record<string, unknown> = {}): [ReturnType<GraphQLError['toJSON']>, GraphQLError] {
  const error = new GraphQLError(original instanceof Error ? original.message : String(original), {
    path: ['createOrganization'],
    originalError: original instanceof Error ? original : undefined,
    extensions,
  });
  return [{ ...error.toJSON(), extensions: { ...extensions, stacktrace: ['Error: secret', '    at Repository.insert (organizations.repository.ts:42:7)'] } }, error];
}

describe(formatGraphQLError.name, () => {
  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('masks an unexpected error: a plain sentence, INTERNAL_SERVER_ERROR, no details or stack', () => {
    const formatted = formatGraphQLError(...fromResolver(new Error('duplicate key value violates unique constraint "users_email_key"')));
    expect(formatted).toEqual({
      message: 'Something went wrong on our side. Please try again; if it keeps happening, contact support.',
      path: ['createOrganization'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('masks an unexpected error that carries a code of its own', () => {
    const formatted = formatGraphQLError(...fromResolver(new Error('connection terminated'), { code: 'SOMETHING_INTERNAL' }));
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(JSON.stringify(formatted)).not.toMatch(/connection terminated|stacktrace/);
  });

  it('keeps a domain error: its sentence, code, reason and per-field messages', () => {
    const formatted = formatGraphQLError(...fromResolver(badInput('Enter a name.', [{ field: 'name', message: 'Enter a name.' }], 'NAME_MISSING')));
    expect(formatted).toEqual({
      message: 'Enter a name.',
      path: ['createOrganization'],
      extensions: { code: 'BAD_USER_INPUT', reason: 'NAME_MISSING', fields: [{ field: 'name', message: 'Enter a name.' }] },
    });
  });

  it('keeps when to retry on a rate limit', () => {
    const formatted = formatGraphQLError(...fromResolver(rateLimited(42, 'changes in a short time')));
    expect(formatted.message).toBe('Too many changes in a short time. Please try again in 42 seconds.');
    expect(formatted.extensions).toEqual({ code: 'RATE_LIMITED', reason: 'RATE_LIMITED', retryAfterSeconds: 42 });
  });

  it('maps Nest HTTP exceptions to API codes without their internals', () => {
    expect(formatGraphQLError(...fromResolver(new HttpException('Forbidden resource', 403))).extensions).toEqual({ code: 'FORBIDDEN' });
    expect(formatGraphQLError(...fromResolver(new HttpException('Too Many Requests', 429))).extensions).toEqual({ code: 'RATE_LIMITED' });
  });

  it('passes request errors from graphql-js and Apollo through, without a stack', () => {
    const error = new GraphQLError('Cannot query field "nope" on type "Query".', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const formatted = formatGraphQLError({ ...error.toJSON(), extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['x'] } }, error);
    expect(formatted).toEqual({ message: 'Cannot query field "nope" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });

  it('treats a bare request error from graphql-js (no path, no cause, no code) as a bad request', () => {
    const error = new GraphQLError('Too many errors processing variables, error limit reached. Execution aborted.');
    // Apollo gives such an error the default code before the formatter sees it.
    expect(formatGraphQLError({ ...error.toJSON(), extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error)).toEqual({
      message: 'Too many errors processing variables, error limit reached. Execution aborted.',
      extensions: { code: 'BAD_REQUEST' },
    });
  });

  it('still masks an unexpected error that reached Apollo outside any resolver', () => {
    const error = new GraphQLError('Context creation failed: connect ECONNREFUSED 10.0.0.5:5432', { originalError: new Error('connect ECONNREFUSED 10.0.0.5:5432') });
    expect(formatGraphQLError(error.toJSON(), error).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });
});
