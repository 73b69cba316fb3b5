import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ReferenceRequestEntity } from '../../references/entities/reference-request.entity';

export type FollowUpStatus = 'scheduled' | 'sent' | 'answered' | 'expired';

/** A +6 or +12 month "is it still in production?" check, asked of a case study's reference. */
@Entity('follow_up_checks')
@Unique('uq_follow_up_checks_reference_month', ['referenceRequestId', 'monthsAfter'])
@Index('idx_follow_up_checks_due', ['status', 'dueAt'])
@Index('idx_follow_up_checks_case_study', ['caseStudyId'])
export class FollowUpCheckEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ name: 'case_study_id', type: 'uuid' }) caseStudyId!: string;

  @Column({ name: 'reference_request_id', type: 'uuid' }) referenceRequestId!: string;

  @ManyToOne(() => ReferenceRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reference_request_id' })
  referenceRequest?: ReferenceRequestEntity;

  @Column({ name: 'months_after', type: 'int' }) monthsAfter!: 6 | 12;

  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt!: Date;

  @Column({ type: 'text', default: 'scheduled' }) status!: FollowUpStatus;

  @Column({ name: 'token_hash', type: 'text', nullable: true, unique: true }) tokenHash!: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true }) expiresAt!: Date | null;

  @Column({ name: 'still_in_production', type: 'boolean', nullable: true }) stillInProduction!: boolean | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true }) answeredAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
