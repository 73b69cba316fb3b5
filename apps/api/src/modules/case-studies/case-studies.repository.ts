import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';
import { CaseStudyEntity } from './entities/case-study.entity';
import { OutcomeClaimEntity } from './entities/outcome-claim.entity';

export type CaseStudyWithVendor = CaseStudyEntity & { vendorName: string; outcomes: OutcomeClaimEntity[] };

/** A case study row of `listForVendor` (raw SQL, snake_case; outcomes already in the entity's shape). */
interface CaseStudyListRow {
  id: string;
  vendor_id: string;
  vendor_name: string;
  lineage_id: string;
  revision: number;
  supersedes_id: string | null;
  superseded_at: Date | null;
  status: CaseStudyEntity['status'];
  title: string;
  client_name: string;
  client_domain: string;
  client_anonymised: boolean;
  client_descriptor: string | null;
  client_domain_standing: CaseStudyEntity['clientDomainStanding'];
  client_domain_reason: string | null;
  client_domain_dns_checked: boolean | null;
  client_domain_checked_at: Date | null;
  problem: string;
  approach: string;
  started_on: string | null;
  ended_on: string | null;
  team_size: number | null;
  stack_tags: string[];
  production_status: CaseStudyEntity['productionStatus'];
  production_since: string | null;
  retired_on: string | null;
  handover: CaseStudyEntity['handover'];
  submitted_at: Date | null;
  verified_at: Date | null;
  withdrawn_at: Date | null;
  created_by_id: string;
  created_at: Date;
  updated_at: Date;
  version: number;
  outcomes: OutcomeClaimEntity[];
}

function caseStudyFromListRow(r: CaseStudyListRow): CaseStudyWithVendor {
  return Object.assign(new CaseStudyEntity(), {
    id: r.id,
    vendorId: r.vendor_id,
    lineageId: r.lineage_id,
    revision: r.revision,
    supersedesId: r.supersedes_id,
    supersededAt: r.superseded_at,
    status: r.status,
    title: r.title,
    clientName: r.client_name,
    clientDomain: r.client_domain,
    clientAnonymised: r.client_anonymised,
    clientDescriptor: r.client_descriptor,
    clientDomainStanding: r.client_domain_standing,
    clientDomainReason: r.client_domain_reason,
    clientDomainDnsChecked: r.client_domain_dns_checked,
    clientDomainCheckedAt: r.client_domain_checked_at,
    problem: r.problem,
    approach: r.approach,
    startedOn: r.started_on,
    endedOn: r.ended_on,
    teamSize: r.team_size,
    stackTags: r.stack_tags,
    productionStatus: r.production_status,
    productionSince: r.production_since,
    retiredOn: r.retired_on,
    handover: r.handover,
    submittedAt: r.submitted_at,
    verifiedAt: r.verified_at,
    withdrawnAt: r.withdrawn_at,
    createdById: r.created_by_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
    vendorName: r.vendor_name,
    outcomes: r.outcomes,
  });
}

/** A case study row with its vendor's name and its outcomes as JSON, in one row (no entity hydration). */
const LIST_SELECT = `SELECT c.id, c.vendor_id, v.name AS vendor_name, c.lineage_id, c.revision, c.supersedes_id, c.superseded_at, c.status, c.title,
                  c.client_name, c.client_domain, c.client_anonymised, c.client_descriptor, c.problem, c.approach,
                  c.client_domain_standing, c.client_domain_reason, c.client_domain_dns_checked, c.client_domain_checked_at,
                  c.started_on::text AS started_on, c.ended_on::text AS ended_on, c.team_size, c.stack_tags, c.production_status,
                  c.production_since::text AS production_since, c.retired_on::text AS retired_on, c.handover, c.submitted_at, c.verified_at,
                  c.withdrawn_at, c.created_by_id, c.created_at, c.updated_at, c.version,
                  COALESCE((SELECT json_agg(json_build_object(
                             'id', o.id, 'caseStudyId', o.case_study_id, 'position', o.position, 'metricName', o.metric_name, 'unit', o.unit,
                             'direction', o.direction, 'baselineValue', o.baseline_value, 'claimedValue', o.claimed_value, 'measuredAt', o.measured_at,
                             'measurementMethod', o.measurement_method, 'methodNote', o.method_note, 'verifiedValue', o.verified_value,
                             'verificationStatus', o.verification_status) ORDER BY o.position)
                     FROM outcome_claims o WHERE o.case_study_id = c.id), '[]') AS outcomes
             FROM case_studies c JOIN organizations v ON v.id = c.vendor_id`;

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

  /**
   * The vendor's case studies (latest revision of each lineage), newest first; for buyers from a
   * read replica. One row per case study with its outcomes as JSON and only the vendor's name
   * (the public vendor page reads this on every view: no entity hydration of the vendor).
   */
  async listForVendor(ctx: RequestContext, vendorId: string, includeDrafts: boolean): Promise<CaseStudyWithVendor[]> {
    const rows: CaseStudyListRow[] = await this.tx.read(
      ctx,
      (m) =>
        m.query(
          `${LIST_SELECT}
            WHERE c.vendor_id = $1 AND c.superseded_at IS NULL ${includeDrafts ? '' : `AND c.status NOT IN ('draft', 'withdrawn')`}
            ORDER BY c.created_at DESC, c.id`,
          [vendorId],
        ),
      { ownerOf: [vendorId] },
    );
    return rows.map(caseStudyFromListRow);
  }

  /** These case studies, in the order of `ids` (missing ones left out), in one statement. */
  async findManyByIds(ctx: RequestContext, ids: readonly string[]): Promise<CaseStudyWithVendor[]> {
    if (ids.length === 0) return [];
    const rows: CaseStudyListRow[] = await this.tx.manager(ctx).query(`${LIST_SELECT} WHERE c.id = ANY($1::uuid[])`, [[...ids]]);
    const byId = new Map(rows.map((r) => [r.id, caseStudyFromListRow(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
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
