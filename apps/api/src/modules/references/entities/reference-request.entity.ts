import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CaseStudyEntity } from '../../case-studies/entities/case-study.entity';

export type ReferenceSource = 'nominated' | 'drawn';
export type IdentityStrength = 'strong' | 'weak' | 'unknown' | 'self';
export type ReferenceStatus = 'refused' | 'pending' | 'sent' | 'answered' | 'declined' | 'expired';

/**
 * A client contact asked to confirm a case study. The identity-strength rule's
 * result and reason are stored with the request; a refused self-reference is kept
 * (status `refused`) because attempts are an integrity signal.
 */
@Entity('reference_requests')
@Index('idx_reference_requests_case_study', ['caseStudyId'])
@Index('idx_reference_requests_contact_key', ['contactKey'])
@Index('idx_reference_requests_vendor', ['vendorId'])
@Index('idx_reference_requests_contact_vendor', ['contactKey', 'vendorId'])
export class ReferenceRequestEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ name: 'case_study_id', type: 'uuid' }) caseStudyId!: string;

  @ManyToOne(() => CaseStudyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_study_id' })
  caseStudy?: CaseStudyEntity;

  @Column({ name: 'vendor_id', type: 'uuid' }) vendorId!: string;

  @Column({ type: 'text' }) source!: ReferenceSource;

  @Column({ name: 'roster_entry_id', type: 'uuid', nullable: true }) rosterEntryId!: string | null;

  @Column({ name: 'contact_name', type: 'text' }) contactName!: string;

  @Column({ name: 'contact_email', type: 'text' }) contactEmail!: string;

  /** Normalised identity of the contact (lower case, +tag dropped), to spot reuse across vendors. */
  @Column({ name: 'contact_key', type: 'text' }) contactKey!: string;

  @Column({ name: 'contact_role', type: 'text', default: '' }) contactRole!: string;

  @Column({ name: 'client_name', type: 'text' }) clientName!: string;

  @Column({ name: 'identity_strength', type: 'text' }) identityStrength!: IdentityStrength;

  @Column({ name: 'identity_flags', type: 'text', array: true, default: () => "'{}'" }) identityFlags!: string[];

  @Column({ name: 'identity_reason', type: 'text' }) identityReason!: string;

  @Column({ type: 'text' }) status!: ReferenceStatus;

  @Column({ name: 'token_hash', type: 'text', nullable: true, unique: true }) tokenHash!: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true }) expiresAt!: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt!: Date | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true }) answeredAt!: Date | null;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true }) createdById!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
