import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import type { AuthenticatedUser, RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';
import { SessionEntity } from './entities/session.entity';

@Injectable()
export class SessionsRepository {
  constructor(private readonly tx: TransactionService) {}

  async create(ctx: RequestContext, userId: string, tokenHash: string, expiresAt: Date, userAgent: string | null): Promise<SessionEntity> {
    return this.tx.repo(ctx, SessionEntity).save({ userId, tokenHash, expiresAt, userAgent, revokedAt: null });
  }

  /** One statement: the live session's user with all memberships. */
  async findLiveUser(ctx: RequestContext, tokenHash: string): Promise<AuthenticatedUser | null> {
    const rows: Array<{ id: string; email: string; display_name: string; platform_roles: string[]; email_verified: boolean; session_id: string; memberships: Array<{ organizationId: string; role: 'owner' | 'member' }> | null }> =
      await this.tx.manager(ctx).query(
        `SELECT u.id, u.email, u.display_name, u.platform_roles, u.email_verified_at IS NOT NULL AS email_verified, s.id AS session_id,
                (SELECT json_agg(json_build_object('organizationId', m.organization_id, 'role', m.role))
                   FROM memberships m WHERE m.user_id = u.id) AS memberships
           FROM sessions s JOIN users u ON u.id = s.user_id
          WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()`,
        [tokenHash],
      );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      platformRoles: row.platform_roles,
      emailVerified: row.email_verified,
      sessionId: row.session_id,
      memberships: new Map((row.memberships ?? []).map((m) => [m.organizationId, m.role])),
    };
  }

  async revoke(ctx: RequestContext, sessionId: string): Promise<void> {
    await this.tx.repo(ctx, SessionEntity).update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Ends every session of a user (password change), optionally keeping one. */
  async revokeAllForUser(ctx: RequestContext, userId: string, exceptSessionId?: string): Promise<number> {
    const qb = this.tx
      .repo(ctx, SessionEntity)
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('user_id = :userId AND revoked_at IS NULL', { userId });
    if (exceptSessionId) qb.andWhere('id <> :exceptSessionId', { exceptSessionId });
    const result = await qb.execute();
    return result.affected ?? 0;
  }
}
