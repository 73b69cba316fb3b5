import { hashToken } from './tokens';
import { badInput, conflict, notFound } from './errors';

/** A row behind an emailed single-use link (reference questionnaire, follow-up check). */
export interface SingleUseLinkRow {
  expiresAt: Date | null;
}

/**
 * The one rule for every emailed single-use link: a malformed or unknown token is
 * NOT_FOUND, a used one CONFLICT (TOKEN_USED), an expired one BAD_USER_INPUT
 * (TOKEN_EXPIRED) — each with a sentence for the person holding the link.
 */
export async function openSingleUseLink<R extends SingleUseLinkRow>(
  token: unknown,
  link: { findByHash: (hash: string) => Promise<R | null>; isUsed: (row: R) => boolean; isExpired?: (row: R) => boolean; usedMessage: string; expiredMessage: string },
): Promise<R> {
  if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{40,60}$/.test(token)) throw notFound('This link', 'INVALID_TOKEN');
  const row = await link.findByHash(hashToken(token));
  if (!row) throw notFound('This link', 'INVALID_TOKEN');
  if (link.isUsed(row)) throw conflict(link.usedMessage, 'TOKEN_USED');
  if (link.isExpired?.(row) || !row.expiresAt || row.expiresAt.getTime() < Date.now()) throw badInput(link.expiredMessage, [], 'TOKEN_EXPIRED');
  return row;
}
