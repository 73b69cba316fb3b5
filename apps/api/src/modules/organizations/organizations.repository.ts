import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';
import { InvitationEntity } from './entities/invitation.entity';
import { MembershipEntity, MembershipRole } from './entities/membership.entity';
import { OrganizationEntity, OrganizationKind } from './entities/organization.entity';

export interface MemberRow {
  userId: string;
  displayName: string;
  email: string;
  role: MembershipRole;
  joinedAt: Date;
}

@Injectable()
export class OrganizationsRepository {
  constructor(private readonly tx: TransactionService) {}

  findById(ctx: RequestContext, id: string): Promise<OrganizationEntity | null> {
    return this.tx.repo(ctx, OrganizationEntity).findOneBy({ id });
  }

  async slugExists(ctx: RequestContext, slug: string): Promise<boolean> {
    return this.tx.repo(ctx, OrganizationEntity).existsBy({ slug });
  }

  /** An organisation whose name looks the same as `nameKey` (see nameConfusableKey), if any. */
  findByNameKey(ctx: RequestContext, nameKey: string): Promise<OrganizationEntity | null> {
    return this.tx.repo(ctx, OrganizationEntity).findOne({ where: { nameKey }, order: { createdAt: 'ASC' } });
  }

  async insert(ctx: RequestContext, org: { kind: OrganizationKind; name: string; nameKey: string; slug: string; website: string | null }): Promise<OrganizationEntity> {
    return this.tx.repo(ctx, OrganizationEntity).save(this.tx.repo(ctx, OrganizationEntity).create(org));
  }

  async addMember(ctx: RequestContext, organizationId: string, userId: string, role: MembershipRole): Promise<boolean> {
    const result = await this.tx
      .repo(ctx, MembershipEntity)
      .createQueryBuilder()
      .insert()
      .values({ organizationId, userId, role })
      .orIgnore()
      .returning(['id'])
      .execute();
    return result.raw.length > 0;
  }

  /** The user's memberships with their organizations, in one statement. */
  /**
   * A vendor organization always has its profile row (the vendors module's table, a 1:1
   * extension of the organization): written with the organization, so organizations need not
   * import the vendors module that builds on them.
   */
  async insertEmptyVendorProfile(ctx: RequestContext, organizationId: string): Promise<void> {
    await this.tx.manager(ctx).query('INSERT INTO vendor_profiles (organization_id) VALUES ($1)', [organizationId]);
  }

  async membershipsOfUser(ctx: RequestContext, userId: string): Promise<Array<{ role: MembershipRole; organization: OrganizationEntity }>> {
    const rows = await this.tx
      .repo(ctx, MembershipEntity)
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.organization', 'o')
      .where('m.user_id = :userId', { userId })
      .orderBy('o.name', 'ASC')
      .getMany();
    return rows.map((m) => ({ role: m.role, organization: m.organization! }));
  }

  async members(ctx: RequestContext, organizationId: string): Promise<MemberRow[]> {
    const rows: Array<{ user_id: string; display_name: string; email: string; role: MembershipRole; created_at: Date }> = await this.tx
      .manager(ctx)
      .query(
        `SELECT m.user_id, u.display_name, u.email, m.role, m.created_at
           FROM memberships m JOIN users u ON u.id = m.user_id
          WHERE m.organization_id = $1 ORDER BY m.created_at`,
        [organizationId],
      );
    return rows.map((r) => ({ userId: r.user_id, displayName: r.display_name, email: r.email, role: r.role, joinedAt: r.created_at }));
  }

  pendingInvitations(ctx: RequestContext, organizationId: string): Promise<InvitationEntity[]> {
    return this.tx
      .repo(ctx, InvitationEntity)
      .createQueryBuilder('i')
      .where('i.organization_id = :organizationId AND i.accepted_at IS NULL AND i.expires_at > now()', { organizationId })
      .orderBy('i.created_at', 'DESC')
      .getMany();
  }

  async hasPendingInvitation(ctx: RequestContext, organizationId: string, email: string): Promise<boolean> {
    return this.tx
      .repo(ctx, InvitationEntity)
      .createQueryBuilder('i')
      .where('i.organization_id = :organizationId AND i.email = :email AND i.accepted_at IS NULL AND i.expires_at > now()', { organizationId, email })
      .getExists();
  }

  insertInvitation(ctx: RequestContext, invitation: Pick<InvitationEntity, 'organizationId' | 'email' | 'role' | 'tokenHash' | 'invitedById' | 'expiresAt'>): Promise<InvitationEntity> {
    return this.tx.repo(ctx, InvitationEntity).save(this.tx.repo(ctx, InvitationEntity).create({ ...invitation, acceptedAt: null }));
  }

  /** Locks the invitation row so two accepts cannot both succeed. */
  findInvitationForUpdate(ctx: RequestContext, tokenHash: string): Promise<InvitationEntity | null> {
    return this.tx.repo(ctx, InvitationEntity).createQueryBuilder('i').setLock('pessimistic_write').where('i.token_hash = :tokenHash', { tokenHash }).getOne();
  }

  async markInvitationAccepted(ctx: RequestContext, id: string): Promise<void> {
    await this.tx.repo(ctx, InvitationEntity).update({ id }, { acceptedAt: new Date() });
  }
}
