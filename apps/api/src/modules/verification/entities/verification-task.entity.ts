import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { CaseStudyEntity } from '../../case-studies/entities/case-study.entity';

export type TaskKind = 'primary' | 'spot_check';
export type TaskStatus = 'open' | 'leased' | 'completed' | 'cancelled';

/** Work for one reviewer at a time: claimed with a lease; an expired lease returns it to the queue. */
@Entity('verification_tasks')
@Index('idx_verification_tasks_status', ['status', 'createdAt'])
@Index('idx_verification_tasks_case_study', ['caseStudyId'])
export class VerificationTaskEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ name: 'case_study_id', type: 'uuid' }) caseStudyId!: string;

  @ManyToOne(() => CaseStudyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_study_id' })
  caseStudy?: CaseStudyEntity;

  @Column({ type: 'text' }) kind!: TaskKind;

  @Column({ type: 'text', default: 'open' }) status!: TaskStatus;

  @Column({ name: 'leased_to_id', type: 'uuid', nullable: true }) leasedToId!: string | null;

  @Column({ name: 'lease_expires_at', type: 'timestamptz', nullable: true }) leaseExpiresAt!: Date | null;

  /** For a spot check: the verdict it independently re-checks. */
  @Column({ name: 'checks_verdict_id', type: 'uuid', nullable: true }) checksVerdictId!: string | null;

  @Column({ name: 'requested_by_id', type: 'uuid', nullable: true }) requestedById!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;

  @VersionColumn() version!: number;
}
