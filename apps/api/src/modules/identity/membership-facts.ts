import type { MembershipFact } from '@assay/domain';
import type { RequestContext } from '../../common/request-context';
import type { TransactionService } from '../../database/transaction.service';

/**
 * The memberships of a person, with their dates, as facts for `reviewerConflict`.
 * Memberships are never deleted today, so every one is current (`leftAt` null).
 */
export async function membershipFactsOf(tx: TransactionService, ctx: RequestContext, userId: string): Promise<MembershipFact[]> {
  const rows: Array<{ organization_id: string; created_at: Date }> = await tx
    .manager(ctx)
    .query(`SELECT organization_id, created_at FROM memberships WHERE user_id = $1`, [userId]);
  return rows.map((r) => ({ organizationId: r.organization_id, joinedAt: new Date(r.created_at), leftAt: null }));
}
