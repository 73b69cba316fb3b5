import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';

/**
 * The narrow search row of one vendor (about 150 bytes): exactly what buyer search filters, sorts
 * and counts facets on. With `vendor_search_text`, written only by the database function
 * `assay_refresh_vendor_search(ids)` (migration ReplaceVendorSearchDocuments), through
 * SearchIndexRepository.refresh and the triggers on names and profiles; never by TypeORM.
 */
@Entity('vendor_search')
@Index('idx_vendor_search_refreshed_xid', ['refreshedXid'])
// GIN indexes are created by the migration; TypeORM cannot describe them.
@Index('idx_vendor_search_capabilities', { synchronize: false })
@Index('idx_vendor_search_industries', { synchronize: false })
@Index('idx_vendor_search_regions', { synchronize: false })
export class VendorSearchEntity {
  @PrimaryColumn({ name: 'vendor_id', type: 'uuid', primaryKeyConstraintName: 'PK_vendor_search' }) vendorId!: string;

  @OneToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vendor_id', foreignKeyConstraintName: 'FK_vendor_search_vendor' })
  vendor?: OrganizationEntity;

  @Column({ type: 'text', array: true, default: () => "'{}'" }) capabilities!: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) industries!: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) regions!: string[];
  @Column({ name: 'team_size', type: 'int', nullable: true }) teamSize!: number | null;
  @Column({ name: 'rate_band', type: 'text', nullable: true }) rateBand!: string | null;
  // The stored signals' columns; null while the vendor has none.
  @Column({ name: 'assay_mean', type: 'double precision', nullable: true }) assayMean!: number | null;
  @Column({ name: 'assay_lower', type: 'double precision', nullable: true }) assayLower!: number | null;
  @Column({ name: 'assay_upper', type: 'double precision', nullable: true }) assayUpper!: number | null;
  @Column({ name: 'evidence_depth', type: 'double precision', nullable: true }) evidenceDepth!: number | null;
  @Column({ name: 'production_durability_mean', type: 'double precision', nullable: true }) productionDurabilityMean!: number | null;
  @Column({ name: 'verified_case_studies', type: 'int', default: 0 }) verifiedCaseStudies!: number;
  @Column({ name: 'last_verified_at', type: 'timestamptz', nullable: true }) lastVerifiedAt!: Date | null;
  @Column({ name: 'flag_count', type: 'int', default: 0 }) flagCount!: number;
  /** The transaction that last changed the row (`pg_current_xact_id()`): how a facet cache sees changes. */
  @Column({ name: 'refreshed_xid', type: 'bigint' }) refreshedXid!: string;
  @Column({ name: 'refreshed_at', type: 'timestamptz', default: () => 'now()' }) refreshedAt!: Date;
}

/** What the text match reads, apart from the narrow row so that scans of the narrow columns stay narrow. */
@Entity('vendor_search_text')
@Index('idx_vendor_search_text_document', { synchronize: false })
@Index('idx_vendor_search_text_name_trgm', { synchronize: false })
export class VendorSearchTextEntity {
  @PrimaryColumn({ name: 'vendor_id', type: 'uuid', primaryKeyConstraintName: 'PK_vendor_search_text' }) vendorId!: string;

  @OneToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vendor_id', foreignKeyConstraintName: 'FK_vendor_search_text_vendor' })
  vendor?: OrganizationEntity;

  /** lower(name), for trigram matching of misspelt names. */
  @Column({ name: 'search_name', type: 'text' }) searchName!: string;
  /** Name (A), profile description (B), titles and problems of public case studies (C). */
  @Column({ type: 'tsvector' }) document!: string;
}
