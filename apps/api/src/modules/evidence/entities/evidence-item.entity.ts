import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export type EvidenceKind = 'file' | 'link';

/**
 * Evidence attached to a case study: a file stored content-addressed by SHA-256
 * (bytes live in the storage backend under that hash), or a link.
 */
@Entity('evidence_items')
@Index('idx_evidence_items_case_study', ['caseStudyId'])
// One copy of the same bytes per case study; also finds every item that references a blob.
@Index('uq_evidence_items_sha256_case_study', ['sha256', 'caseStudyId'], { unique: true, where: 'sha256 IS NOT NULL' })
export class EvidenceItemEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ name: 'case_study_id', type: 'uuid' }) caseStudyId!: string;

  // Named by string and typed by shape: evidence sits below case studies and never imports them.
  @ManyToOne('CaseStudyEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_study_id' })
  caseStudy?: { id: string };

  @Column({ type: 'text' }) kind!: EvidenceKind;

  @Column({ type: 'text' }) title!: string;

  @Column({ type: 'text', nullable: true }) sha256!: string | null;

  @Column({ name: 'size_bytes', type: 'bigint', nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  sizeBytes!: number | null;

  /** Detected from the content, never from the file name. */
  @Column({ name: 'media_type', type: 'text', nullable: true }) mediaType!: string | null;

  @Column({ name: 'original_name', type: 'text', nullable: true }) originalName!: string | null;

  @Column({ type: 'text', nullable: true }) url!: string | null;

  @Column({ name: 'uploaded_by_id', type: 'uuid' }) uploadedById!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
