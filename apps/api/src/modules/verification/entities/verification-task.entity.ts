import type { CheckReason } from '@assay/domain';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { UserEntity } from '../../accounts/entities/user.entity';
import { CaseStudyEntity } from '../../case-studies/entities/case-study.entity';

export type TaskKind = 'primary' | 'spot_check';
/**
 * open: waiting for an eligible reviewer; offered: drawn reviewer has `offer_expires_at` to accept
 * or decline; leased: accepted, with a lease; completed / cancelled: done.
 */
export type TaskStatus = 'open' | 'offered' | 'leased' | 'completed' | 'cancelled';
/** Why a check (kind spot_check) exists: an admin asked, a rule selected the verdict, or two reviewers disagreed. */
export type { CheckReason };

/**
 * Work for one reviewer at a time. Offered to a reviewer drawn at random (never picked from a
 * list); accepted, it is leased; a lapsed offer or lease moves on to another drawn reviewer.
 */
@Entity('verification_tasks')
@Index('idx_verification_tasks_status', ['status', 'createdAt'])
@Index('idx_verification_tasks_case_study', ['caseStudyId'])
@Index('idx_verification_tasks_offered_to', ['offeredToId', 'status'])
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

  /** The reviewer the task is offered to now (status offered). */
  @Column({ name: 'offered_to_id', type: 'uuid', nullable: true }) offeredToId!: string | null;

  @Column({ name: 'offer_expires_at', type: 'timestamptz', nullable: true }) offerExpiresAt!: Date | null;

  /** For a check: why it exists (empty for a primary task). */
  @Column({ name: 'check_reasons', type: 'text', array: true, default: () => "'{}'" }) checkReasons!: CheckReason[];

  /** For a spot check: the verdict it independently re-checks. */
  @Column({ name: 'checks_verdict_id', type: 'uuid', nullable: true }) checksVerdictId!: string | null;

  @Column({ name: 'requested_by_id', type: 'uuid', nullable: true }) requestedById!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;

  @VersionColumn() version!: number;
}

/**
 * Every offer of a task, kept: who was drawn (or named by an admin), and whether they accepted,
 * declined (with their reason), let it lapse, or had it withdrawn. Declines are counted from here.
 */
@Entity('task_offers')
@Index('idx_task_offers_task', ['taskId'])
@Index('idx_task_offers_reviewer', ['reviewerId', 'outcome', 'resolvedAt'])
export class TaskOfferEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ name: 'task_id', type: 'uuid' }) taskId!: string;

  @ManyToOne(() => VerificationTaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: VerificationTaskEntity;

  @Column({ name: 'reviewer_id', type: 'uuid' }) reviewerId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reviewer_id' })
  reviewer?: UserEntity;

  /** The admin who named the reviewer; null when the reviewer was drawn at random. */
  @Column({ name: 'assigned_by_id', type: 'uuid', nullable: true }) assignedById!: string | null;

  @CreateDateColumn({ name: 'offered_at', type: 'timestamptz' }) offeredAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;

  @Column({ type: 'text', default: 'pending' }) outcome!: 'pending' | 'accepted' | 'declined' | 'lapsed' | 'withdrawn';

  @Column({ name: 'decline_reason', type: 'text', nullable: true }) declineReason!: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt!: Date | null;
}
