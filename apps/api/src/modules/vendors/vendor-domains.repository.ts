import { Injectable } from '@nestjs/common';
import { IsNull, Not } from 'typeorm';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';
import { VendorDomainEntity } from './entities/vendor-domain.entity';

@Injectable()
export class VendorDomainsRepository {
  constructor(private readonly tx: TransactionService) {}

  /**
   * The vendor's verified email domains (normalised, e.g. `lumen.example`): the
   * only domains that count as "the vendor's own" for the integrity rules.
   */
  async verifiedDomains(ctx: RequestContext, vendorId: string): Promise<string[]> {
    const rows = await this.tx
      .repo(ctx, VendorDomainEntity)
      .find({ select: { domain: true }, where: { organizationId: vendorId, verifiedAt: Not(IsNull()) }, order: { domain: 'ASC' } });
    return rows.map((r) => r.domain);
  }

  listForVendor(ctx: RequestContext, vendorId: string): Promise<VendorDomainEntity[]> {
    return this.tx.repo(ctx, VendorDomainEntity).find({ where: { organizationId: vendorId }, order: { domain: 'ASC' } });
  }

  countForVendor(ctx: RequestContext, vendorId: string): Promise<number> {
    return this.tx.repo(ctx, VendorDomainEntity).countBy({ organizationId: vendorId });
  }

  findById(ctx: RequestContext, id: string): Promise<VendorDomainEntity | null> {
    return this.tx.repo(ctx, VendorDomainEntity).findOneBy({ id });
  }

  findForVendor(ctx: RequestContext, vendorId: string, domain: string): Promise<VendorDomainEntity | null> {
    return this.tx.repo(ctx, VendorDomainEntity).findOneBy({ organizationId: vendorId, domain });
  }

  /** True when a vendor other than `vendorId` has verified exactly this domain. */
  verifiedByAnotherVendor(ctx: RequestContext, vendorId: string, domain: string): Promise<boolean> {
    return this.tx
      .repo(ctx, VendorDomainEntity)
      .createQueryBuilder('d')
      .where('d.domain = :domain AND d.organization_id <> :vendorId AND d.verified_at IS NOT NULL', { domain, vendorId })
      .getExists();
  }

  /**
   * Claims the domain for the vendor with a fresh link (a new claim, or a new link
   * for a pending one, which makes the old link stop working). Returns null when the
   * vendor has meanwhile verified it.
   */
  async upsertPendingClaim(
    ctx: RequestContext,
    claim: { organizationId: string; domain: string; verificationEmail: string; tokenHash: string; tokenExpiresAt: Date },
  ): Promise<VendorDomainEntity | null> {
    const rows: Array<{ id: string }> = await this.tx.manager(ctx).query(
      `INSERT INTO vendor_domains (organization_id, domain, verification_email, token_hash, token_expires_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ON CONSTRAINT uq_vendor_domains_org_domain DO UPDATE
          SET verification_email = EXCLUDED.verification_email, token_hash = EXCLUDED.token_hash,
              token_expires_at = EXCLUDED.token_expires_at
        WHERE vendor_domains.verified_at IS NULL
       RETURNING id`,
      [claim.organizationId, claim.domain, claim.verificationEmail, claim.tokenHash, claim.tokenExpiresAt],
    );
    return rows[0] ? this.findById(ctx, rows[0].id) : null;
  }

  /** Locks the claim so two clicks on one link cannot both verify it. */
  findByTokenHashForUpdate(ctx: RequestContext, tokenHash: string): Promise<VendorDomainEntity | null> {
    return this.tx.repo(ctx, VendorDomainEntity).createQueryBuilder('d').setLock('pessimistic_write').where('d.token_hash = :tokenHash', { tokenHash }).getOne();
  }

  /** Marks the claim verified; the token hash stays so a second click says "already used". */
  async markVerified(ctx: RequestContext, id: string, verifiedAt: Date): Promise<void> {
    await this.tx.repo(ctx, VendorDomainEntity).update({ id }, { verifiedAt, tokenExpiresAt: null });
  }

  async delete(ctx: RequestContext, id: string): Promise<boolean> {
    const result = await this.tx.repo(ctx, VendorDomainEntity).delete({ id });
    return (result.affected ?? 0) > 0;
  }
}
