import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';

/** The public profile of a vendor organization (one row per vendor). */
@Entity('vendor_profiles')
export class VendorProfileEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  capabilities!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  industries!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  regions!: string[];

  @Column({ name: 'team_size', type: 'int', nullable: true })
  teamSize!: number | null;

  @Column({ name: 'rate_band', type: 'text', nullable: true })
  rateBand!: string | null;

  @Column({ name: 'founded_year', type: 'int', nullable: true })
  foundedYear!: number | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;
}
