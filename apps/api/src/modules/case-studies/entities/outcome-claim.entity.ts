import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export type OutcomeDirection = 'higher_is_better' | 'lower_is_better';
export type MeasurementMethod = 'held_out_test_set' | 'ab_test' | 'before_after_production' | 'other';
export type OutcomeVerificationStatus = 'pending' | 'verified' | 'partially_verified' | 'refuted' | 'unverifiable';

/** One claimed outcome metric of a case study; the verified fields are filled by a verdict. */
@Entity('outcome_claims')
@Index('uq_outcome_claims_position', ['caseStudyId', 'position'], { unique: true })
export class OutcomeClaimEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ name: 'case_study_id', type: 'uuid' }) caseStudyId!: string;

  // The owning side of CaseStudyEntity.outcomes, named by string and typed by shape: the claim
  // never imports the case study, so the two entities form no import cycle. Nothing loads it.
  @ManyToOne('CaseStudyEntity', 'outcomes', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_study_id' })
  caseStudy?: { id: string };

  @Column({ type: 'int' }) position!: number;

  @Column({ name: 'metric_name', type: 'text' }) metricName!: string;

  @Column({ type: 'text' }) unit!: string;

  @Column({ type: 'text' }) direction!: OutcomeDirection;

  @Column({ name: 'baseline_value', type: 'double precision' }) baselineValue!: number;

  @Column({ name: 'claimed_value', type: 'double precision' }) claimedValue!: number;

  @Column({ name: 'measured_at', type: 'date' }) measuredAt!: string;

  @Column({ name: 'measurement_method', type: 'text' }) measurementMethod!: MeasurementMethod;

  @Column({ name: 'method_note', type: 'text', nullable: true }) methodNote!: string | null;

  @Column({ name: 'verified_value', type: 'double precision', nullable: true }) verifiedValue!: number | null;

  @Column({ name: 'verification_status', type: 'text', default: 'pending' }) verificationStatus!: OutcomeVerificationStatus;
}
