import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { CaseStudyStatus } from '@assay/domain';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';
import { OutcomeClaimEntity } from './outcome-claim.entity';

export type ProductionStatus = 'poc_only' | 'in_production' | 'retired';
export type Handover = 'client_alone' | 'joint' | 'vendor';

/**
 * A vendor's claim about one engagement. Immutable once submitted: a correction is
 * a new row with the same `lineageId` and a higher `revision`, pointing back at the
 * revision it supersedes, so the history stays.
 */
@Entity('case_studies')
@Index('idx_case_studies_vendor_status', ['vendorId', 'status'])
@Index('uq_case_studies_lineage_revision', ['lineageId', 'revision'], { unique: true })
@Index('idx_case_studies_client_domain', ['clientDomain'])
@Check('chk_case_studies_client_domain_standing', `"client_domain_standing" IS NULL OR "client_domain_standing" IN ('confirmed', 'corroborated', 'unconfirmed', 'suspect')`)
export class CaseStudyEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ name: 'vendor_id', type: 'uuid' }) vendorId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vendor_id' })
  vendor?: OrganizationEntity;

  /** Shared by every revision of the same case study (the first revision's id). */
  @Column({ name: 'lineage_id', type: 'uuid' }) lineageId!: string;

  @Column({ type: 'int', default: 1 }) revision!: number;

  @Column({ name: 'supersedes_id', type: 'uuid', nullable: true }) supersedesId!: string | null;

  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true }) supersededAt!: Date | null;

  @Column({ type: 'text', default: 'draft' }) status!: CaseStudyStatus;

  @Column({ type: 'text' }) title!: string;

  @Column({ name: 'client_name', type: 'text' }) clientName!: string;

  @Column({ name: 'client_domain', type: 'text' }) clientDomain!: string;
  /** The client domain's standing (see @assay/domain assessClientDomain); null until first assessed. */
  @Column({ name: 'client_domain_standing', type: 'text', nullable: true }) clientDomainStanding!: 'confirmed' | 'corroborated' | 'unconfirmed' | 'suspect' | null;
  @Column({ name: 'client_domain_reason', type: 'text', nullable: true }) clientDomainReason!: string | null;
  @Column({ name: 'client_domain_dns_checked', type: 'boolean', nullable: true }) clientDomainDnsChecked!: boolean | null;
  @Column({ name: 'client_domain_checked_at', type: 'timestamptz', nullable: true }) clientDomainCheckedAt!: Date | null;

  @Column({ name: 'client_anonymised', type: 'boolean', default: false }) clientAnonymised!: boolean;

  /** What buyers see instead of the client when anonymised, e.g. "a European retailer". */
  @Column({ name: 'client_descriptor', type: 'text', nullable: true }) clientDescriptor!: string | null;

  @Column({ type: 'text', default: '' }) problem!: string;

  @Column({ type: 'text', default: '' }) approach!: string;

  @Column({ name: 'started_on', type: 'date', nullable: true }) startedOn!: string | null;

  @Column({ name: 'ended_on', type: 'date', nullable: true }) endedOn!: string | null;

  @Column({ name: 'team_size', type: 'int', nullable: true }) teamSize!: number | null;

  @Column({ name: 'stack_tags', type: 'text', array: true, default: () => "'{}'" }) stackTags!: string[];

  @Column({ name: 'production_status', type: 'text', default: 'poc_only' }) productionStatus!: ProductionStatus;

  @Column({ name: 'production_since', type: 'date', nullable: true }) productionSince!: string | null;

  @Column({ name: 'retired_on', type: 'date', nullable: true }) retiredOn!: string | null;

  @Column({ type: 'text', default: 'vendor' }) handover!: Handover;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt!: Date | null;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true }) verifiedAt!: Date | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt!: Date | null;

  @Column({ name: 'created_by_id', type: 'uuid' }) createdById!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;

  /** Optimistic concurrency for edits of drafts. */
  @VersionColumn() version!: number;

  @OneToMany(() => OutcomeClaimEntity, (o) => o.caseStudy) outcomes?: OutcomeClaimEntity[];
}
