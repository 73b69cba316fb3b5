import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { RequestContext } from '../../common/request-context';
import { openSingleUseLink } from '../../common/single-use-link';
import { newToken } from '../../common/tokens';
import { TransactionService } from '../../database/transaction.service';
import { MailService } from '../mail/mail.service';

/** How long an emailed verification link works. */
export const EMAIL_VERIFICATION_TTL_HOURS = 48;

interface VerificationRow {
  id: string;
  userId: string;
  email: string;
  expiresAt: Date;
  usedAt: Date | null;
}

/**
 * Proof that an account holds its email address: a single-use link mailed to it
 * (the mechanism of the reference links: only the token's hash is stored).
 */
@Injectable()
export class EmailVerificationService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionService,
    private readonly mail: MailService,
  ) {}

  /** Mails a fresh verification link to the account's address. */
  async send(ctx: RequestContext, user: { id: string; email: string; displayName: string }): Promise<void> {
    const { token, hash } = newToken();
    const expiresAt = new Date(Date.now() + EMAIL_VERIFICATION_TTL_HOURS * 3_600_000);
    await this.tx.run(ctx, async (tx) => {
      const [row]: Array<{ id: string }> = await this.tx
        .manager(tx)
        .query(`INSERT INTO email_verifications (user_id, email, token_hash, expires_at) VALUES ($1, $2, $3, $4) RETURNING id`, [user.id, user.email, hash, expiresAt]);
      await this.mail.queue(tx, {
        idempotencyKey: `email-verification:${row.id}`,
        to: user.email,
        subject: 'Confirm your email address for Assay',
        text: [
          `Hello ${user.displayName},`,
          '',
          `Confirm that ${user.email} is yours: ${this.config.publicUrl}/v/${token}`,
          '',
          `The link works once and expires on ${expiresAt.toUTCString()}. Until you confirm, you can read Assay but not join an organisation, submit or verify anything.`,
          'If you did not create an account on Assay, ignore this mail.',
        ].join('\n'),
      });
    });
  }

  /** True when a link was sent to this account in the last `minutes` and is still unused. */
  async recentlySent(ctx: RequestContext, userId: string, minutes = 10): Promise<boolean> {
    const rows: Array<{ n: number }> = await this.tx
      .manager(ctx)
      .query(`SELECT count(*)::int AS n FROM email_verifications WHERE user_id = $1 AND used_at IS NULL AND created_at > now() - make_interval(mins => $2)`, [userId, minutes]);
    return rows[0].n > 0;
  }

  /** Tells the owner of an address that someone tried to sign up with it (sign-up never reveals that an address is taken). */
  async notifyExistingAccount(ctx: RequestContext, email: string): Promise<void> {
    await this.mail.queue(ctx, {
      idempotencyKey: `sign-up-existing:${email}:${Math.floor(Date.now() / 600_000)}`,
      to: email,
      subject: 'Someone tried to create an Assay account with your address',
      text: [
        `Someone (perhaps you) tried to create an Assay account with ${email}, but this address already has one.`,
        '',
        `To sign in, go to ${this.config.publicUrl}/sign-in. If you forgot your password, ask for a new one there.`,
        'If it was not you, you can ignore this mail: nothing changed.',
      ].join('\n'),
    });
  }

  /** Uses a verification link: marks the address verified (if the account still has it) and returns the account. */
  async verify(ctx: RequestContext, token: unknown): Promise<string> {
    return this.tx.run(ctx, async (tx) => {
      const m = this.tx.manager(tx);
      const row = await openSingleUseLink<VerificationRow>(token, {
        findByHash: async (hash) => {
          const rows: Array<{ id: string; user_id: string; email: string; expires_at: Date; used_at: Date | null }> = await m.query(
            `SELECT id, user_id, email, expires_at, used_at FROM email_verifications WHERE token_hash = $1 FOR UPDATE`,
            [hash],
          );
          const r = rows[0];
          return r ? { id: r.id, userId: r.user_id, email: r.email, expiresAt: new Date(r.expires_at), usedAt: r.used_at } : null;
        },
        isUsed: (r) => r.usedAt !== null,
        // A link confirms the address it was sent to: once the account has another address, it confirms nothing.
        closedBecause: async (r) => {
          const owner: Array<{ email: string }> = await m.query(`SELECT email FROM users WHERE id = $1`, [r.userId]);
          return owner[0]?.email === r.email ? null : 'This link was sent to an address this account no longer uses. Sign in to get a link for the current one.';
        },
        usedMessage: 'This link has already been used. If your address is not confirmed yet, sign in to get a new link.',
        expiredMessage: 'This link has expired. Sign in to get a new one.',
      });
      await m.query(`UPDATE email_verifications SET used_at = now() WHERE id = $1`, [row.id]);
      await m.query(`UPDATE users SET email_verified_at = coalesce(email_verified_at, now()) WHERE id = $1 AND email = $2`, [row.userId, row.email]);
      return row.userId;
    });
  }
}
