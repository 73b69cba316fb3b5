import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ReferenceRequestEntity } from './reference-request.entity';

export type OutcomeAchieved = 'yes' | 'partly' | 'no' | 'cant_say';

export interface OutcomeAnswer {
  outcomeClaimId: string;
  achieved: OutcomeAchieved;
  observedValue: number | null;
}

/** A reference's answer (or decline) — one per request; immutable once written. */
@Entity('reference_responses')
export class ReferenceResponseEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ name: 'reference_request_id', type: 'uuid', unique: true }) referenceRequestId!: string;

  @OneToOne(() => ReferenceRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reference_request_id' })
  request?: ReferenceRequestEntity;

  @Column({ type: 'boolean' }) declined!: boolean;

  @Column({ name: 'decline_reason', type: 'text', nullable: true }) declineReason!: string | null;

  @Column({ name: 'outcome_answers', type: 'jsonb', default: () => "'[]'" }) outcomeAnswers!: OutcomeAnswer[];

  @Column({ name: 'in_production', type: 'text', nullable: true }) inProduction!: 'yes' | 'no' | 'dont_know' | null;

  @Column({ name: 'handover_rating', type: 'int', nullable: true }) handoverRating!: number | null;

  @Column({ name: 'on_time', type: 'int', nullable: true }) onTime!: number | null;

  @Column({ name: 'on_budget', type: 'int', nullable: true }) onBudget!: number | null;

  @Column({ type: 'int', nullable: true }) communication!: number | null;

  @Column({ name: 'would_hire_again', type: 'boolean', nullable: true }) wouldHireAgain!: boolean | null;

  @Column({ type: 'text', default: '' }) comments!: string;

  /** The confirmed account the reference was signed in to when answering, if any (identity evidence for the client domain). */
  @Column({ name: 'answered_by_user_id', type: 'uuid', nullable: true }) answeredByUserId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
