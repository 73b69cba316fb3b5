import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';
import { hashToken, newToken } from '../../common/tokens';

export const DEVICE_COOKIE = 'assay_device';
const DEVICE_TTL_DAYS = 365;

/**
 * Device cookies: a random token given to a browser after it signs in to an
 * account, remembered (as its hash) with the account. An attempt that carries
 * the token of the account it signs in to is not slowed down by attacks on
 * that account from elsewhere. The token grants nothing by itself.
 */
@Injectable()
export class SignInDevices {
  constructor(private readonly tx: TransactionService) {}

  /** True when the request carries a live device token of `userId`. */
  async isKnown(ctx: RequestContext, userId: string | undefined): Promise<boolean> {
    const token = readDeviceCookie(ctx.req);
    if (!token || !userId) return false;
    const rows: unknown[] = await this.tx
      .manager(ctx)
      .query(`SELECT 1 FROM sign_in_devices WHERE token_hash = $1 AND user_id = $2 AND expires_at > now()`, [hashToken(token), userId]);
    return rows.length > 0;
  }

  /** After a successful sign-in: refreshes the browser's token for `userId`, or gives it one. */
  async remember(ctx: RequestContext, userId: string, secure: boolean): Promise<void> {
    const existing = readDeviceCookie(ctx.req);
    const expiresAt = new Date(Date.now() + DEVICE_TTL_DAYS * 86_400_000);
    if (existing) {
      const rows: unknown[] = await this.tx
        .manager(ctx)
        .query(`UPDATE sign_in_devices SET last_used_at = now(), expires_at = $3 WHERE token_hash = $1 AND user_id = $2 RETURNING 1`, [hashToken(existing), userId, expiresAt]);
      if (rows.length > 0) return;
    }
    // One browser may hold the device token of one account at a time (the last signed in).
    const { token, hash } = newToken();
    await this.tx.manager(ctx).query(`INSERT INTO sign_in_devices (token_hash, user_id, expires_at) VALUES ($1, $2, $3)`, [hash, userId, expiresAt]);
    setDeviceCookie(ctx.res, token, expiresAt, secure);
  }
}

function setDeviceCookie(res: Response | undefined, token: string, expiresAt: Date, secure: boolean): void {
  res?.cookie(DEVICE_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/graphql', expires: expiresAt });
}

function readDeviceCookie(req: Request | undefined): string | undefined {
  const value = (req as (Request & { cookies?: Record<string, string> }) | undefined)?.cookies?.[DEVICE_COOKIE];
  return typeof value === 'string' && /^[A-Za-z0-9_-]{40,60}$/.test(value) ? value : undefined;
}
