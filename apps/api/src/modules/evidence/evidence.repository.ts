import { Injectable } from '@nestjs/common';
import type { CaseStudyStatus } from '@assay/domain';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';
import { EvidenceItemEntity } from './entities/evidence-item.entity';

/** What evidence authorization needs to know about a case study. */
export interface EvidenceCaseStudy {
  id: string;
  vendorId: string;
  status: CaseStudyStatus;
}

@Injectable()
export class EvidenceRepository {
  constructor(private readonly tx: TransactionService) {}

  /** The case study's owner and status; with `lock`, its row is locked until the transaction ends. */
  async findCaseStudy(ctx: RequestContext, id: string, lock = false): Promise<EvidenceCaseStudy | null> {
    const rows: Array<{ id: string; vendor_id: string; status: CaseStudyStatus }> = await this.tx
      .manager(ctx)
      .query(`SELECT id, vendor_id, status FROM case_studies WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    const row = rows[0];
    return row ? { id: row.id, vendorId: row.vendor_id, status: row.status } : null;
  }

  findById(ctx: RequestContext, id: string): Promise<EvidenceItemEntity | null> {
    return this.tx.repo(ctx, EvidenceItemEntity).findOneBy({ id });
  }

  listForCaseStudy(ctx: RequestContext, caseStudyId: string): Promise<EvidenceItemEntity[]> {
    return this.tx.repo(ctx, EvidenceItemEntity).find({ where: { caseStudyId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** How many items the case study has and how many bytes its files add up to. */
  async usage(ctx: RequestContext, caseStudyId: string): Promise<{ items: number; bytes: number }> {
    const rows: Array<{ items: number; bytes: string }> = await this.tx
      .manager(ctx)
      .query(`SELECT count(*)::int AS items, coalesce(sum(size_bytes), 0)::bigint AS bytes FROM evidence_items WHERE case_study_id = $1`, [caseStudyId]);
    return { items: rows[0].items, bytes: Number(rows[0].bytes) };
  }

  findFileBySha(ctx: RequestContext, caseStudyId: string, sha256: string): Promise<EvidenceItemEntity | null> {
    return this.tx.repo(ctx, EvidenceItemEntity).findOneBy({ caseStudyId, sha256, kind: 'file' });
  }

  async insert(ctx: RequestContext, item: Pick<EvidenceItemEntity, 'caseStudyId' | 'kind' | 'title' | 'sha256' | 'sizeBytes' | 'mediaType' | 'originalName' | 'url' | 'uploadedById'>): Promise<EvidenceItemEntity> {
    const repo = this.tx.repo(ctx, EvidenceItemEntity);
    return repo.save(repo.create(item));
  }

  async delete(ctx: RequestContext, id: string): Promise<void> {
    await this.tx.repo(ctx, EvidenceItemEntity).delete({ id });
  }

  /** Copies every item of one case study to another (a new revision); blobs are shared, not copied. */
  async copyAll(ctx: RequestContext, fromCaseStudyId: string, toCaseStudyId: string): Promise<number> {
    const rows: unknown[] = await this.tx.manager(ctx).query(
      `INSERT INTO evidence_items (case_study_id, kind, title, sha256, size_bytes, media_type, original_name, url, uploaded_by_id, created_at)
       SELECT $2, kind, title, sha256, size_bytes, media_type, original_name, url, uploaded_by_id, created_at
         FROM evidence_items WHERE case_study_id = $1
       RETURNING id`,
      [fromCaseStudyId, toCaseStudyId],
    );
    return rows.length;
  }

  /**
   * Serialises writers of one blob until the transaction ends, so a blob is never
   * deleted as unreferenced while another transaction is attaching the same bytes.
   */
  async lockBlob(ctx: RequestContext, sha256: string): Promise<void> {
    await this.tx.manager(ctx).query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`evidence-blob:${sha256}`]);
  }

  /**
   * Records that a blob is about to be written, in a statement of its own (call it
   * outside the upload's transaction), so a blob whose upload never commits is still
   * known to the orphan job. Writing the same bytes again restarts their grace period.
   */
  async registerBlob(ctx: RequestContext, sha256: string): Promise<void> {
    await this.tx
      .manager(ctx)
      .query(`INSERT INTO evidence_blobs (sha256) VALUES ($1) ON CONFLICT (sha256) DO UPDATE SET stored_at = now()`, [sha256]);
  }

  async countBlobReferences(ctx: RequestContext, sha256: string): Promise<number> {
    const rows: Array<{ n: number }> = await this.tx.manager(ctx).query(`SELECT count(*)::int AS n FROM evidence_items WHERE sha256 = $1`, [sha256]);
    return rows[0].n;
  }
}
