import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, ErrorCode } from './errors';

const logger = new Logger('REST');

/** The JSON body of every REST error: `{ error: { code, message, reason, fields? } }`. */
export interface RestErrorBody {
  error: { code: ErrorCode | 'PAYLOAD_TOO_LARGE'; message: string; reason: string; fields?: Array<{ field: string; message: string }> };
}

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
};

/** A domain error that a REST endpoint answers with a specific HTTP status (e.g. 413). */
export class RestDomainError extends DomainError {
  constructor(
    readonly httpStatus: number,
    code: ErrorCode,
    message: string,
    reason: string,
  ) {
    super(code, message, reason);
  }
}

/** 413: the request body, or what it would add up to, is over a size limit. */
export const payloadTooLarge = (message: string, reason: string) => new RestDomainError(413, 'BAD_USER_INPUT', message, reason);

/** What to say for an HTTP exception raised by the framework (e.g. multer's 413), by status. */
export type HttpStatusMessages = Partial<Record<number, { message: string; reason: string }>>;

/**
 * The REST counterpart of formatGraphQLError: domain errors keep their code, reason
 * and sentence, with the matching HTTP status; framework HTTP errors get a sentence
 * for their status; anything else is a logged 500. No stack trace reaches a client.
 */
@Catch()
export class RestExceptionFilter implements ExceptionFilter {
  constructor(private readonly httpMessages: HttpStatusMessages = {}) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const { status, body, retryAfterSeconds } = this.describe(exception);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(retryAfterSeconds));
    res.status(status).setHeader('Cache-Control', 'no-store').json(body);
  }

  private describe(exception: unknown): { status: number; body: RestErrorBody; retryAfterSeconds?: number } {
    if (exception instanceof DomainError) {
      const status = exception instanceof RestDomainError ? exception.httpStatus : STATUS_BY_CODE[exception.code];
      const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : exception.code;
      const fields = exception.fields?.length ? { fields: exception.fields } : {};
      return { status, body: { error: { code, message: exception.message, reason: exception.reason ?? code, ...fields } }, retryAfterSeconds: exception.retryAfterSeconds };
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      const status = exception.getStatus();
      const known = this.httpMessages[status];
      const code = status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : status === 404 ? 'NOT_FOUND' : status === 409 ? 'CONFLICT' : status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 429 ? 'RATE_LIMITED' : 'BAD_USER_INPUT';
      return { status, body: { error: { code, message: known?.message ?? 'This request could not be understood. Please check it and try again.', reason: known?.reason ?? 'BAD_REQUEST' } } };
    }
    logger.error({ err: exception }, 'Unexpected error while handling a REST request');
    if (process.env.NODE_ENV === 'test') console.error('Unexpected REST error', exception);
    return {
      status: 500,
      body: { error: { code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side. Please try again; if it keeps happening, contact support.', reason: 'INTERNAL' } },
    };
  }
}
