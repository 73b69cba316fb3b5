import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';

/**
 * One disclosed client engagement. Assay draws references from the roster at
 * random; the roster itself is never shown to buyers.
 */
@Entity('roster_entries')
@Index('idx_roster_entries_vendor', ['vendorId'])
export class RosterEntryEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ name: 'vendor_id', type: 'uuid' }) vendorId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vendor_id' })
  vendor?: OrganizationEntity;

  @Column({ name: 'client_name', type: 'text' }) clientName!: string;

  @Column({ name: 'client_domain', type: 'text' }) clientDomain!: string;

  @Column({ name: 'contact_name', type: 'text' }) contactName!: string;

  @Column({ name: 'contact_email', type: 'text' }) contactEmail!: string;

  @Column({ name: 'project_started_on', type: 'date' }) projectStartedOn!: string;

  @Column({ name: 'project_ended_on', type: 'date', nullable: true }) projectEndedOn!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
