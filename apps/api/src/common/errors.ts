/** Stable codes a client can switch on; `extensions.code` of every GraphQL error. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR';

export interface FieldError {
  /** Path of the input field, e.g. `email` or `outcomes[1].claimedValue`. */
  field: string;
  message: string;
}

/**
 * A refusal the user can understand. Services throw these; one formatter turns them
 * into GraphQL errors with `extensions.code` (and `reason` for the finer domain code).
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly reason?: string,
    readonly fields?: FieldError[],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (message: string, fields: FieldError[] = [], reason = 'INVALID_INPUT') =>
  new DomainError('BAD_USER_INPUT', message, reason, fields);
export const unauthenticated = (message = 'Please sign in to continue.', reason = 'SIGN_IN_REQUIRED') =>
  new DomainError('UNAUTHENTICATED', message, reason);
export const forbidden = (message = 'You do not have permission to do that.', reason = 'NOT_ALLOWED') =>
  new DomainError('FORBIDDEN', message, reason);
export const notFound = (what: string, reason = 'NOT_FOUND') =>
  new DomainError('NOT_FOUND', `${what} was not found.`, reason);
export const conflict = (message: string, reason = 'CONFLICT') => new DomainError('CONFLICT', message, reason);
export const rateLimited = (retryAfterSeconds: number, what = 'attempts') =>
  new DomainError(
    'RATE_LIMITED',
    `Too many ${what}. Please try again in ${formatDelay(retryAfterSeconds)}.`,
    'RATE_LIMITED',
    undefined,
    retryAfterSeconds,
  );

function formatDelay(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.ceil(seconds))} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
