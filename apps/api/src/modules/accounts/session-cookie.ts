import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'assay_session';

/** Session cookie: httpOnly, SameSite=Lax, Secure in production, scoped to the whole app. */
export function setSessionCookie(res: Response | undefined, token: string, expiresAt: Date, secure: boolean): void {
  res?.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: expiresAt });
}

export function clearSessionCookie(res: Response | undefined, secure: boolean): void {
  res?.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}

export function readSessionCookie(req: Request | undefined): string | undefined {
  const cookies = (req as (Request & { cookies?: Record<string, string> }) | undefined)?.cookies;
  const value = cookies?.[SESSION_COOKIE];
  return typeof value === 'string' && value.length > 0 && value.length < 200 ? value : undefined;
}
