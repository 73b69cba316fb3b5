import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import type { EvidenceTrendSummary, StoredVendorSignals } from '@assay/signals';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';

const numeric = { to: (v: number) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) };

/**
 * The materialised signals of one vendor: numbers, intervals and flags (explanations live in
 * `vendor_signal_explanations`). Refreshed in the transaction of every fact that changes the
 * vendor's evidence and again by the outbox drain. Search filters and sorts read the columns;
 * search, compare and the vendor page read the `signals` document (estimates and flags); only
 * the vendor page reads `trend`.
 */
@Entity('vendor_signals')
@Index('idx_vendor_signals_assay_lower', ['assayLower'])
export class VendorSignalsEntity {
  @PrimaryColumn({ name: 'vendor_id', type: 'uuid' }) vendorId!: string;

  @OneToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vendor_id' })
  vendor?: OrganizationEntity;

  @Column({ name: 'assay_mean', type: 'double precision', transformer: numeric }) assayMean!: number;
  @Column({ name: 'assay_lower', type: 'double precision', transformer: numeric }) assayLower!: number;
  @Column({ name: 'assay_upper', type: 'double precision', transformer: numeric }) assayUpper!: number;
  @Column({ name: 'evidence_depth', type: 'double precision', transformer: numeric }) evidenceDepth!: number;
  @Column({ name: 'production_durability_mean', type: 'double precision', transformer: numeric }) productionDurabilityMean!: number;
  @Column({ name: 'verified_case_studies', type: 'int', default: 0 }) verifiedCaseStudies!: number;
  @Column({ name: 'last_verified_at', type: 'timestamptz', nullable: true }) lastVerifiedAt!: Date | null;
  /** Integrity flags of severity warning or serious. */
  @Column({ name: 'flag_count', type: 'int', default: 0 }) flagCount!: number;
  @Column({ type: 'jsonb' }) signals!: StoredVendorSignals;
  /**
   * Recent against earlier evidence (the comparison behind `declining_recent_evidence`), in its own
   * column so that the rows search pages read do not carry it. Written with the numbers in every
   * refresh, so it always agrees with the flag; null on a row not refreshed since the column came.
   */
  @Column({ type: 'jsonb', nullable: true }) trend!: EvidenceTrendSummary | null;
  @Column({ name: 'config_version', type: 'text' }) configVersion!: string;
  /** Bumped on every refresh: lets caches and digests see that something changed. */
  @Column({ name: 'inputs_version', type: 'int', default: 1 }) inputsVersion!: number;
  @Column({ name: 'computed_at', type: 'timestamptz' }) computedAt!: Date;
  /**
   * Reviewers over-concentrated on this vendor when these signals were computed (sorted); null:
   * unknown (a row older than the column). The outbox drain compares it with the concentration
   * the reviewers' current verdict counts give, to find the vendors a verdict elsewhere changes.
   */
  @Column({ name: 'concentrated_reviewer_ids', type: 'uuid', array: true, nullable: true }) concentratedReviewerIds!: string[] | null;
}

/** Market-wide inputs (claim-accuracy median); refreshed explicitly, not per event. */
@Entity('signal_market_context')
export class SignalMarketContextEntity {
  @PrimaryColumn({ type: 'int' }) id!: number;
  @Column({ name: 'claim_accuracy_median', type: 'double precision', transformer: numeric }) claimAccuracyMedian!: number;
  @Column({ name: 'computed_at', type: 'timestamptz' }) computedAt!: Date;
}
