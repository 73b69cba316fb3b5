import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';

/** A buyer organization's named list of consultancies; every member sees and edits it. */
@Entity('shortlists')
@Index('idx_shortlists_organization', ['organizationId'])
export class ShortlistEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ name: 'organization_id', type: 'uuid' }) organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @Column({ type: 'text' }) name!: string;

  @Column({ name: 'created_by_id', type: 'uuid' }) createdById!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
