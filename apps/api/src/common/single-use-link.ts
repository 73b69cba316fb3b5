import type { EntityManager } from 'typeorm';
import { hashToken } from './tokens';
import { badInput, conflict, notFound } from './errors';

/** A row behind an emailed single-use link (reference questionnaire, follow-up check). */
export interface SingleUseLinkRow {
  expiresAt: Date | null;
}

export interface SingleUseLinkSpec<R extends SingleUseLinkRow> {
  findByHash: (hash: string) => Promise<R | null>;
  isUsed: (row: R) => boolean;
  isExpired?: (row: R) => boolean;
  /**
   * Why what the link points at is closed (withdrawn, cancelled), as a sentence for the
   * person holding the link, or null while it is open. Required, so that every new
   * link has to say what closes it. Evaluated inside the caller's transaction: an
   * answer that races a withdrawal waits for it and is then refused (see {@link caseStudyClosedBecause}).
   */
  closedBecause: (row: R) => Promise<string | null>;
  usedMessage: string;
  expiredMessage: string;
}

/**
 * The one rule for every emailed single-use link: a malformed or unknown token is
 * NOT_FOUND, a used one CONFLICT (TOKEN_USED), one whose subject was withdrawn or
 * closed CONFLICT (LINK_CLOSED), an expired one BAD_USER_INPUT (TOKEN_EXPIRED) —
 * each with a sentence for the person holding the link. A refused link writes
 * nothing, so a late answer never reaches the ledger.
 */
export async function openSingleUseLink<R extends SingleUseLinkRow>(token: unknown, link: SingleUseLinkSpec<R>): Promise<R> {
  if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{40,60}$/.test(token)) throw notFound('This link', 'INVALID_TOKEN');
  const row = await link.findByHash(hashToken(token));
  if (!row) throw notFound('This link', 'INVALID_TOKEN');
  if (link.isUsed(row)) throw conflict(link.usedMessage, 'TOKEN_USED');
  const closed = await link.closedBecause(row);
  if (closed) throw conflict(closed, 'LINK_CLOSED');
  if (link.isExpired?.(row) || !row.expiresAt || row.expiresAt.getTime() < Date.now()) throw badInput(link.expiredMessage, [], 'TOKEN_EXPIRED');
  return row;
}

/**
 * For links about a case study: closed once the vendor withdrew it. With `lock`, the
 * case study row is locked until the transaction ends (for update, as a withdrawal and
 * the answer's own status changes lock it), so a withdrawal and an answer cannot both
 * commit as if the other had not happened.
 */
export async function caseStudyClosedBecause(manager: EntityManager, caseStudyId: string, lock: boolean, what: string): Promise<string | null> {
  const rows: Array<{ status: string }> = await manager.query(`SELECT status FROM case_studies WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [caseStudyId]);
  const status = rows[0]?.status;
  if (status === undefined || status === 'withdrawn') {
    return `The consultancy has withdrawn this case study, so this ${what} is closed and answers are no longer recorded. There is nothing you need to do.`;
  }
  return null;
}
