import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../../accounts/entities/user.entity';

/** An accredited reviewer, with spot-check agreement counts behind their reliability. */
@Entity('reviewer_profiles')
export class ReviewerProfileEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ name: 'accredited_at', type: 'timestamptz' }) accreditedAt!: Date;

  @Column({ name: 'accredited_by_id', type: 'uuid', nullable: true }) accreditedById!: string | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;

  @Column({ name: 'spot_checks_agreed', type: 'int', default: 0 }) spotChecksAgreed!: number;

  @Column({ name: 'spot_checks_total', type: 'int', default: 0 }) spotChecksTotal!: number;

  /** Capabilities (the vendor taxonomy's keys) the reviewer declared they can judge; the draw prefers a match. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) expertise!: string[];
}

/** A declared affiliation: an organization and/or an email domain the reviewer is tied to. */
@Entity('reviewer_affiliations')
@Index('idx_reviewer_affiliations_user', ['userId'])
export class ReviewerAffiliationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true }) organizationId!: string | null;

  @Column({ type: 'text', nullable: true }) domain!: string | null;

  @Column({ type: 'text', default: '' }) note!: string;

  @CreateDateColumn({ name: 'declared_at', type: 'timestamptz' }) declaredAt!: Date;
}
