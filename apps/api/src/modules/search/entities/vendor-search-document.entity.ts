import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';

/**
 * The full-text document of one vendor: its name, profile description and the
 * titles/problems of its public case studies. Maintained only by database
 * triggers (migration AddVendorSearch), so every writer keeps it fresh without
 * knowing it exists.
 */
@Entity('vendor_search_documents')
// GIN indexes are created by the migration; TypeORM cannot describe them.
@Index('idx_vendor_search_documents_document', { synchronize: false })
@Index('idx_vendor_search_documents_name_trgm', { synchronize: false })
export class VendorSearchDocumentEntity {
  @PrimaryColumn({ name: 'vendor_id', type: 'uuid' }) vendorId!: string;

  @OneToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vendor_id' })
  vendor?: OrganizationEntity;

  @Column({ type: 'tsvector' }) document!: string;

  /** lower(name), for trigram matching of misspelt names. */
  @Column({ name: 'search_name', type: 'text' }) searchName!: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}
