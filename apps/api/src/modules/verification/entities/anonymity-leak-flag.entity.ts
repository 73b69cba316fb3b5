import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { PublicTextField } from '@assay/domain/anonymity';
import { CaseStudyEntity } from '../../case-studies/entities/case-study.entity';
import { VerificationTaskEntity } from './verification-task.entity';

/**
 * A reviewer's report that an anonymised case study names its client in a public text. It
 * belongs to that revision of the case study: the vendor fixes it by submitting a revision
 * (which supersedes this one and passes the anonymity check again), so a flag is open while its
 * revision is the current one. One flag per task.
 */
@Entity('anonymity_leak_flags')
@Index('idx_anonymity_leak_flags_case_study', ['caseStudyId'])
@Index('uq_anonymity_leak_flags_task', ['taskId'], { unique: true })
export class AnonymityLeakFlagEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ name: 'case_study_id', type: 'uuid' }) caseStudyId!: string;

  @ManyToOne(() => CaseStudyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_study_id' })
  caseStudy?: CaseStudyEntity;

  @Column({ name: 'task_id', type: 'uuid' }) taskId!: string;

  @ManyToOne(() => VerificationTaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: VerificationTaskEntity;

  @Column({ name: 'reviewer_id', type: 'uuid' }) reviewerId!: string;

  /** Where the client is named: title, problem and/or approach. */
  @Column({ type: 'text', array: true }) fields!: PublicTextField[];

  @Column({ type: 'text' }) note!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
