import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CaseStudyEntity } from '../../case-studies/entities/case-study.entity';

export type VerdictStatus = 'verified' | 'partially_verified' | 'unverified';
export type OutcomeResult = 'verified' | 'partially_verified' | 'refuted' | 'unverifiable';

export interface MlRubric {
  properBaseline: boolean | null;
  heldOutOrOnlineEvaluation: boolean | null;
  leakageChecked: boolean | null;
  monitoringInProduction: boolean | null;
  notes: string;
}

/**
 * A reviewer's submitted verdict. Immutable: a correction is a new verdict that
 * supersedes this one (`supersededById`), so the history stays.
 */
@Entity('verdicts')
@Index('idx_verdicts_case_study', ['caseStudyId'])
@Index('idx_verdicts_reviewer', ['reviewerId', 'createdAt'])
@Index('idx_verdicts_vendor', ['vendorId'])
@Index('idx_verdicts_reviewer_vendor', ['reviewerId', 'vendorId'])
export class VerdictEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ name: 'task_id', type: 'uuid' }) taskId!: string;

  @Column({ name: 'case_study_id', type: 'uuid' }) caseStudyId!: string;

  @ManyToOne(() => CaseStudyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_study_id' })
  caseStudy?: CaseStudyEntity;

  @Column({ name: 'vendor_id', type: 'uuid' }) vendorId!: string;

  @Column({ name: 'reviewer_id', type: 'uuid' }) reviewerId!: string;

  @Column({ type: 'text' }) kind!: 'primary' | 'spot_check' | 'amendment';

  @Column({ type: 'text' }) status!: VerdictStatus;

  @Column({ name: 'production_status', type: 'text' }) productionStatus!: 'poc_only' | 'in_production' | 'retired';

  @Column({ type: 'text' }) handover!: 'client_alone' | 'joint' | 'vendor';

  @Column({ type: 'jsonb' }) rubric!: MlRubric;

  @Column({ type: 'text', default: '' }) notes!: string;

  /** The reviewer's conflict-of-interest declaration, in their words. */
  @Column({ name: 'conflict_declaration', type: 'text' }) conflictDeclaration!: string;

  @Column({ name: 'supersedes_id', type: 'uuid', nullable: true }) supersedesId!: string | null;

  @Column({ name: 'superseded_by_id', type: 'uuid', nullable: true }) supersededById!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** The verified value and result of one outcome claim under a verdict. */
@Entity('verdict_outcomes')
@Index('idx_verdict_outcomes_verdict', ['verdictId'])
export class VerdictOutcomeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ name: 'verdict_id', type: 'uuid' }) verdictId!: string;

  @ManyToOne(() => VerdictEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'verdict_id' })
  verdict?: VerdictEntity;

  @Column({ name: 'outcome_claim_id', type: 'uuid' }) outcomeClaimId!: string;

  @Column({ type: 'text' }) result!: OutcomeResult;

  @Column({ name: 'verified_value', type: 'double precision', nullable: true }) verifiedValue!: number | null;

  @Column({ name: 'verified_share', type: 'double precision' }) verifiedShare!: number;
}
