import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type OrganizationKind = 'vendor' | 'buyer';

@Entity('organizations')
@Index('idx_organizations_name_key', ['nameKey'])
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: OrganizationKind;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', unique: true })
  slug!: string;

  /** The confusable key of the name (`nameConfusableKey`): a new organisation may not share it. */
  @Column({ name: 'name_key', type: 'text', nullable: true })
  nameKey!: string | null;

  @Column({ type: 'text', nullable: true })
  website!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
