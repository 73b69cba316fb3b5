import { Injectable } from '@nestjs/common';
import type { ClientAnswer, DomainProofMethod } from '@assay/domain';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';

export interface OrganizationDomainRow {
  id: string;
  organization_id: string;
  domain: string;
  method: DomainProofMethod;
  txt_token: string;
  verified_at: Date | null;
}

export interface ClientAnswerRow {
  id: string;
  case_study_id: string;
  organization_id: string;
  organization_name: string;
  answer: ClientAnswer;
  note: string;
  vendor_reply: string | null;
  vendor_replied_at: Date | null;
  created_at: Date;
  vendor_id: string;
  client_anonymised: boolean;
}

/** The case study's client domain as the standing compares it: lower-case, no trailing dot. */
const CLIENT_DOMAIN = `lower(rtrim(c.client_domain, '.'))`;

const ANSWER_COLUMNS = `a.id, a.case_study_id, a.organization_id, o.name AS organization_name, a.answer, a.note, a.vendor_reply, a.vendor_replied_at,
                        a.created_at, c.vendor_id, c.client_anonymised`;

/** SQL of buyer organisations' proven domains and their answers about case studies. */
@Injectable()
export class ClientConfirmationsRepository {
  constructor(private readonly tx: TransactionService) {}

  domainsOf(ctx: RequestContext, organizationId: string): Promise<OrganizationDomainRow[]> {
    return this.tx.manager(ctx).query(`SELECT id, organization_id, domain, method, txt_token, verified_at FROM organization_domains WHERE organization_id = $1 ORDER BY domain`, [organizationId]);
  }

  async domainById(ctx: RequestContext, id: string, lock = false): Promise<OrganizationDomainRow | null> {
    const rows: OrganizationDomainRow[] = await this.tx
      .manager(ctx)
      .query(`SELECT id, organization_id, domain, method, txt_token, verified_at FROM organization_domains WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    return rows[0] ?? null;
  }

  /** The organisation that proved `domain`, if any (a domain is proven by one organisation at most). */
  async proofOf(ctx: RequestContext, domain: string): Promise<{ organization_id: string } | null> {
    const rows: Array<{ organization_id: string }> = await this.tx.manager(ctx).query(`SELECT organization_id FROM organization_domains WHERE domain = $1 AND verified_at IS NOT NULL`, [domain]);
    return rows[0] ?? null;
  }

  /** Records a claim (pending, or proven at once by a member's address); claiming it again keeps the row and its token. */
  async upsertDomain(ctx: RequestContext, row: { organizationId: string; domain: string; method: DomainProofMethod; txtToken: string; verified: boolean }): Promise<OrganizationDomainRow> {
    const rows: OrganizationDomainRow[] = await this.tx.manager(ctx).query(
      `INSERT INTO organization_domains (organization_id, domain, method, txt_token, verified_at)
       VALUES ($1, $2, $3, $4, CASE WHEN $5 THEN now() END)
       ON CONFLICT (organization_id, domain) DO UPDATE
          SET method = CASE WHEN organization_domains.verified_at IS NULL THEN EXCLUDED.method ELSE organization_domains.method END,
              verified_at = coalesce(organization_domains.verified_at, EXCLUDED.verified_at)
       RETURNING id, organization_id, domain, method, txt_token, verified_at`,
      [row.organizationId, row.domain, row.method, row.txtToken, row.verified],
    );
    return rows[0];
  }

  async markVerified(ctx: RequestContext, id: string, method: DomainProofMethod): Promise<void> {
    await this.tx.manager(ctx).query(`UPDATE organization_domains SET verified_at = now(), method = $2 WHERE id = $1 AND verified_at IS NULL`, [id, method]);
  }

  /** Whether any member of the organisation is also a member of the vendor. */
  async sharesMember(ctx: RequestContext, organizationId: string, vendorId: string): Promise<boolean> {
    const rows: Array<{ shared: boolean }> = await this.tx
      .manager(ctx)
      .query(`SELECT EXISTS (SELECT 1 FROM memberships a JOIN memberships b ON a.user_id = b.user_id WHERE a.organization_id = $1 AND b.organization_id = $2) AS shared`, [organizationId, vendorId]);
    return rows[0].shared;
  }

  /** Current, submitted case studies naming one of these domains as the client, newest first. */
  async caseStudiesNaming(ctx: RequestContext, domains: readonly string[], limit: number): Promise<string[]> {
    if (domains.length === 0) return [];
    const rows: Array<{ id: string }> = await this.tx.manager(ctx).query(
      `SELECT c.id FROM case_studies c
        WHERE ${CLIENT_DOMAIN} = ANY($1::text[]) AND c.status NOT IN ('draft', 'withdrawn') AND c.superseded_at IS NULL
        ORDER BY c.submitted_at DESC NULLS LAST, c.id LIMIT $2`,
      [domains, limit],
    );
    return rows.map((r) => r.id);
  }

  insertAnswer(ctx: RequestContext, a: { caseStudyId: string; organizationId: string; answeredById: string; answer: ClientAnswer; note: string }): Promise<Array<{ id: string }>> {
    return this.tx.manager(ctx).query(
      `INSERT INTO client_organization_answers (case_study_id, organization_id, answered_by_id, answer, note) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (case_study_id, organization_id) DO NOTHING RETURNING id`,
      [a.caseStudyId, a.organizationId, a.answeredById, a.answer, a.note],
    );
  }

  async answerById(ctx: RequestContext, id: string, lock = false): Promise<ClientAnswerRow | null> {
    const rows: ClientAnswerRow[] = await this.tx.manager(ctx).query(
      `SELECT ${ANSWER_COLUMNS} FROM client_organization_answers a JOIN organizations o ON o.id = a.organization_id JOIN case_studies c ON c.id = a.case_study_id
        WHERE a.id = $1 ${lock ? 'FOR UPDATE OF a' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The latest answer about each of these case studies (the one the standing uses). */
  answersAbout(ctx: RequestContext, caseStudyIds: readonly string[]): Promise<ClientAnswerRow[]> {
    return this.tx.manager(ctx).query(
      `SELECT DISTINCT ON (a.case_study_id) ${ANSWER_COLUMNS}
         FROM client_organization_answers a JOIN organizations o ON o.id = a.organization_id JOIN case_studies c ON c.id = a.case_study_id
        WHERE a.case_study_id = ANY($1::uuid[])
        ORDER BY a.case_study_id, a.created_at DESC`,
      [[...caseStudyIds]],
    );
  }

  /** This organisation's answers about these case studies. */
  answersOf(ctx: RequestContext, organizationId: string, caseStudyIds: readonly string[]): Promise<ClientAnswerRow[]> {
    return this.tx.manager(ctx).query(
      `SELECT ${ANSWER_COLUMNS} FROM client_organization_answers a JOIN organizations o ON o.id = a.organization_id JOIN case_studies c ON c.id = a.case_study_id
        WHERE a.organization_id = $1 AND a.case_study_id = ANY($2::uuid[])`,
      [organizationId, [...caseStudyIds]],
    );
  }

  async setReply(ctx: RequestContext, answerId: string, authorId: string, body: string): Promise<void> {
    await this.tx.manager(ctx).query(`UPDATE client_organization_answers SET vendor_reply = $3, vendor_reply_author_id = $2, vendor_replied_at = now() WHERE id = $1`, [answerId, authorId, body]);
  }
}
