import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';
import { CaseStudyEntity } from './entities/case-study.entity';
import { OutcomeClaimEntity } from './entities/outcome-claim.entity';

export type CaseStudyWithVendor = CaseStudyEntity & { vendorName: string; outcomes: OutcomeClaimEntity[] };

@Injectable()
export class CaseStudiesRepository {
  constructor(private readonly tx: TransactionService) {}

  /** A case study with its outcomes and vendor name, in one statement. */
  async findById(ctx: RequestContext, id: string, lock = false): Promise<CaseStudyWithVendor | null> {
    const qb = this.tx
      .repo(ctx, CaseStudyEntity)
      .createQueryBuilder('c')
      .innerJoinAndSelect('c.vendor', 'v')
      .leftJoinAndSelect('c.outcomes', 'o')
      .where('c.id = :id', { id })
      .orderBy('o.position', 'ASC');
    if (lock) qb.setLock('pessimistic_write', undefined, ['c']);
    const row = await qb.getOne();
    if (!row) return null;
    return Object.assign(row, { vendorName: row.vendor!.name, outcomes: row.outcomes ?? [] });
  }

  /** The vendor's case studies (latest revision of each lineage), newest first; for buyers from a read replica. */
  async listForVendor(ctx: RequestContext, vendorId: string, includeDrafts: boolean): Promise<CaseStudyWithVendor[]> {
    const rows = await this.tx.read(
      ctx,
      (m) => {
        const qb = m
          .getRepository(CaseStudyEntity)
          .createQueryBuilder('c')
          .innerJoinAndSelect('c.vendor', 'v')
          .leftJoinAndSelect('c.outcomes', 'o')
          .where('c.vendor_id = :vendorId AND c.superseded_at IS NULL', { vendorId })
          .orderBy('c.created_at', 'DESC')
          .addOrderBy('o.position', 'ASC');
        if (!includeDrafts) qb.andWhere(`c.status NOT IN ('draft', 'withdrawn')`);
        return qb.getMany();
      },
      { ownerOf: [vendorId] },
    );
    return rows.map((r) => Object.assign(r, { vendorName: r.vendor!.name, outcomes: r.outcomes ?? [] }));
  }

  async revisions(ctx: RequestContext, lineageId: string): Promise<CaseStudyWithVendor[]> {
    const rows = await this.tx
      .repo(ctx, CaseStudyEntity)
      .createQueryBuilder('c')
      .innerJoinAndSelect('c.vendor', 'v')
      .leftJoinAndSelect('c.outcomes', 'o')
      .where('c.lineage_id = :lineageId', { lineageId })
      .orderBy('c.revision', 'ASC')
      .addOrderBy('o.position', 'ASC')
      .getMany();
    return rows.map((r) => Object.assign(r, { vendorName: r.vendor!.name, outcomes: r.outcomes ?? [] }));
  }

  async hasOpenDraftRevision(ctx: RequestContext, lineageId: string): Promise<boolean> {
    return this.tx.repo(ctx, CaseStudyEntity).existsBy({ lineageId, status: 'draft' });
  }

  async nextRevision(ctx: RequestContext, lineageId: string): Promise<number> {
    const rows: Array<{ max: number | null }> = await this.tx.manager(ctx).query('SELECT max(revision) AS max FROM case_studies WHERE lineage_id = $1', [lineageId]);
    return (rows[0]?.max ?? 0) + 1;
  }

  async insert(ctx: RequestContext, fields: Partial<CaseStudyEntity>): Promise<CaseStudyEntity> {
    const repo = this.tx.repo(ctx, CaseStudyEntity);
    return repo.save(repo.create(fields));
  }

  async update(ctx: RequestContext, id: string, fields: Partial<CaseStudyEntity>): Promise<void> {
    await this.tx.repo(ctx, CaseStudyEntity).update({ id }, fields);
  }

  /** Replaces every outcome of a draft with the given list, in order. */
  async replaceOutcomes(ctx: RequestContext, caseStudyId: string, outcomes: Array<Omit<OutcomeClaimEntity, 'id' | 'caseStudyId' | 'position' | 'caseStudy' | 'verifiedValue' | 'verificationStatus'>>): Promise<void> {
    const repo = this.tx.repo(ctx, OutcomeClaimEntity);
    await repo.delete({ caseStudyId });
    if (outcomes.length) {
      await repo.insert(outcomes.map((o, position) => ({ ...o, caseStudyId, position, verifiedValue: null, verificationStatus: 'pending' as const })));
    }
  }
}
