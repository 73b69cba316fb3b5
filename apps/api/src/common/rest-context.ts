import type { Request, Response } from 'express';
import { AuthenticatedUser, RequestContext } from './request-context';

/** Resolves the session's user, as AccountsService.userForRequest does for GraphQL. */
export interface SessionUserResolver {
  userForRequest(ctx: RequestContext): Promise<AuthenticatedUser | null>;
}

const contexts = new WeakMap<Request, RequestContext>();

/**
 * The RequestContext of a REST request, built exactly like the GraphQL one (same
 * session cookie, same user loading) and kept on the request, so a guard and the
 * route handler of one request share it and the user is loaded once.
 */
export function restContext(req: Request, res: Response, users: SessionUserResolver): RequestContext {
  let ctx = contexts.get(req);
  if (!ctx) {
    const created: RequestContext = new RequestContext(req, res, () => users.userForRequest(created));
    contexts.set(req, created);
    ctx = created;
  }
  return ctx;
}

/**
 * True unless the request names another site as its origin. Browsers send `Origin`
 * on every POST; together with the SameSite=Lax session cookie this keeps other
 * sites from posting to REST endpoints on a user's behalf.
 */
export function isSameOrigin(req: Request, publicUrl: string): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    const host = new URL(origin).host;
    return host === req.headers.host || host === new URL(publicUrl).host;
  } catch {
    return false;
  }
}
