import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';
import { ReferenceRequestEntity } from './entities/reference-request.entity';

@Injectable()
export class ReferencesRepository {
  constructor(private readonly tx: TransactionService) {}

  /** Vendors (ids) that have already used this contact, by normalised identity key. */
  async vendorsUsingContact(ctx: RequestContext, contactKey: string): Promise<string[]> {
    const rows: Array<{ vendor_id: string }> = await this.tx
      .manager(ctx)
      .query(`SELECT DISTINCT vendor_id FROM reference_requests WHERE contact_key = $1 AND status <> 'refused'`, [contactKey]);
    return rows.map((r) => r.vendor_id);
  }

  forCaseStudy(ctx: RequestContext, caseStudyId: string): Promise<ReferenceRequestEntity[]> {
    return this.tx.repo(ctx, ReferenceRequestEntity).find({ where: { caseStudyId }, order: { createdAt: 'ASC' } });
  }

  /** All references of many case studies in one statement (for a DataLoader). */
  forCaseStudies(ctx: RequestContext, caseStudyIds: readonly string[]): Promise<ReferenceRequestEntity[]> {
    return this.tx
      .repo(ctx, ReferenceRequestEntity)
      .createQueryBuilder('r')
      .where('r.case_study_id = ANY(:ids)', { ids: [...caseStudyIds] })
      .orderBy('r.created_at', 'ASC')
      .getMany();
  }

  findById(ctx: RequestContext, id: string): Promise<ReferenceRequestEntity | null> {
    return this.tx.repo(ctx, ReferenceRequestEntity).findOneBy({ id });
  }

  insert(ctx: RequestContext, row: Partial<ReferenceRequestEntity>): Promise<ReferenceRequestEntity> {
    const repo = this.tx.repo(ctx, ReferenceRequestEntity);
    return repo.save(repo.create(row));
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    await this.tx.repo(ctx, ReferenceRequestEntity).delete({ id });
  }
}
