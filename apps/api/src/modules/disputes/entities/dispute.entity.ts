import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { VerdictEntity } from '../../verification/entities/verdict.entity';

/** A vendor's public reply to a verdict (right of reply shown to buyers). */
@Entity('verdict_replies')
@Index('idx_verdict_replies_verdict', ['verdictId'])
export class VerdictReplyEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ name: 'verdict_id', type: 'uuid' }) verdictId!: string;

  @ManyToOne(() => VerdictEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'verdict_id' })
  verdict?: VerdictEntity;

  @Column({ name: 'author_id', type: 'uuid' }) authorId!: string;

  @Column({ type: 'text' }) body!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

export type DisputeStatus = 'open' | 'upheld' | 'amended';

/** A vendor's challenge to a verdict within 30 days; an admin resolves it. */
@Entity('disputes')
@Index('idx_disputes_status', ['status', 'createdAt'])
@Index('idx_disputes_verdict', ['verdictId'])
export class DisputeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ name: 'verdict_id', type: 'uuid' }) verdictId!: string;

  @ManyToOne(() => VerdictEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'verdict_id' })
  verdict?: VerdictEntity;

  @Column({ name: 'case_study_id', type: 'uuid' }) caseStudyId!: string;

  @Column({ name: 'vendor_id', type: 'uuid' }) vendorId!: string;

  @Column({ name: 'opened_by_id', type: 'uuid' }) openedById!: string;

  @Column({ type: 'text' }) reason!: string;

  @Column({ type: 'text', default: 'open' }) status!: DisputeStatus;

  @Column({ name: 'resolution_note', type: 'text', nullable: true }) resolutionNote!: string | null;

  @Column({ name: 'resolved_by_id', type: 'uuid', nullable: true }) resolvedById!: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt!: Date | null;

  @Column({ name: 'amended_verdict_id', type: 'uuid', nullable: true }) amendedVerdictId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
