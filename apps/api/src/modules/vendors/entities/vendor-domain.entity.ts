import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';

/**
 * An email domain a vendor claims. It counts as "the vendor's own" (for the
 * self-reference rule) only once someone clicked the link sent to an address there.
 */
@Entity('vendor_domains')
@Unique('uq_vendor_domains_org_domain', ['organizationId', 'domain'])
// One owner per domain: once a vendor has verified it, no other vendor can (even racing).
@Index('uq_vendor_domains_verified_domain', ['domain'], { unique: true, where: '"verified_at" IS NOT NULL' })
export class VendorDomainEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @Column({ type: 'text' }) domain!: string;

  @Column({ name: 'verification_email', type: 'text' }) verificationEmail!: string;

  @Column({ name: 'token_hash', type: 'text', nullable: true, unique: true }) tokenHash!: string | null;

  @Column({ name: 'token_expires_at', type: 'timestamptz', nullable: true }) tokenExpiresAt!: Date | null;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true }) verifiedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
