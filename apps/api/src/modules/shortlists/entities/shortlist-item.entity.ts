import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';
import { ShortlistEntity } from './shortlist.entity';

/**
 * One consultancy on a shortlist, with the members' note and a snapshot of its
 * signals as last reported, so the weekly digest can tell what changed.
 */
@Entity('shortlist_items')
@Index('uq_shortlist_items_vendor', ['shortlistId', 'vendorId'], { unique: true })
@Index('idx_shortlist_items_vendor', ['vendorId'])
export class ShortlistItemEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ name: 'shortlist_id', type: 'uuid' }) shortlistId!: string;

  @ManyToOne(() => ShortlistEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shortlist_id' })
  shortlist?: ShortlistEntity;

  @Column({ name: 'vendor_id', type: 'uuid' }) vendorId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vendor_id' })
  vendor?: OrganizationEntity;

  @Column({ type: 'text', default: '' }) note!: string;

  @Column({ name: 'added_by_id', type: 'uuid' }) addedById!: string;

  /** `vendor_signals.inputs_version` when last reported (0: the vendor had no signals). */
  @Column({ name: 'snapshot_inputs_version', type: 'int', default: 0 }) snapshotInputsVersion!: number;

  @Column({ name: 'snapshot_flag_count', type: 'int', default: 0 }) snapshotFlagCount!: number;

  @Column({ name: 'snapshot_assay_lower', type: 'double precision', nullable: true }) snapshotAssayLower!: number | null;

  @CreateDateColumn({ name: 'added_at', type: 'timestamptz' }) addedAt!: Date;
}
