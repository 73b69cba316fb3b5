import { Injectable } from '@nestjs/common';
import { checkReviewerConflicts, emailDomain, reviewerConflict } from '@assay/domain';
import { forbidden } from '../../common/errors';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';
import { membershipFactsOf } from '../identity/membership-facts';
import { VendorDomainsRepository } from '../vendors/vendor-domains.repository';
import { VerdictEntity } from './entities/verdict.entity';
import type { VerificationTaskEntity } from './entities/verification-task.entity';
import { ReviewersService } from './reviewers.service';

/** A reviewer may verify the same vendor at most this many times in 12 months. */
export const MAX_VERDICTS_PER_VENDOR_PER_YEAR = 3;

export type Eligibility = { ok: true } | { ok: false; code: string; message: string };

/**
 * Whether a person may judge a case study, by the one conflict rule of libs/domain: memberships,
 * verified email domain, declared affiliations, the yearly cap per vendor, and for a check, not
 * the author of the verdict it checks. The draw, the acceptance, the verdict and the dispute paths
 * all ask here.
 */
@Injectable()
export class ReviewerEligibilityService {
  constructor(
    private readonly tx: TransactionService,
    private readonly reviewers: ReviewersService,
    private readonly domains: VendorDomainsRepository,
  ) {}

  async check(ctx: RequestContext, reviewer: { id: string; email: string }, cs: { vendorId: string; clientName: string; clientDomain: string }, task: VerificationTaskEntity): Promise<Eligibility> {
    if (task.kind === 'spot_check' && task.checksVerdictId) {
      const original = await this.tx.repo(ctx, VerdictEntity).findOneBy({ id: task.checksVerdictId });
      if (original?.reviewerId === reviewer.id) {
        return { ok: false, code: 'REVIEWER_CHECKS_OWN_VERDICT', message: 'A check must be independent: you recorded the verdict it checks.' };
      }
    }
    const affiliations = await this.reviewers.affiliationsOf(ctx, reviewer.id);
    const past: Array<{ created_at: Date }> = await this.tx
      .manager(ctx)
      .query(`SELECT created_at FROM verdicts WHERE reviewer_id = $1 AND vendor_id = $2 AND created_at > now() - interval '13 months'`, [reviewer.id, cs.vendorId]);
    const result = checkReviewerConflicts({
      reviewer: {
        emailDomain: emailDomain(reviewer.email) ?? '',
        affiliatedOrganizationIds: affiliations.map((a) => a.organizationId).filter((x): x is string => !!x),
        affiliatedDomains: affiliations.map((a) => a.domain).filter((x): x is string => !!x),
        // Facts, not only declarations: a member of the vendor's (or client's) organisation is conflicted.
        memberships: await membershipFactsOf(this.tx, ctx, reviewer.id),
      },
      vendor: { organizationId: cs.vendorId, name: await this.organizationName(ctx, cs.vendorId), verifiedDomains: await this.domains.verifiedDomains(ctx, cs.vendorId) },
      client: { name: cs.clientName, domain: cs.clientDomain, organizationId: await this.clientOrganizationOf(ctx, cs.clientDomain) },
      pastVerdictDatesForVendor: past.map((p) => new Date(p.created_at)),
      maxVerdictsPer12Months: MAX_VERDICTS_PER_VENDOR_PER_YEAR,
      now: new Date(),
    });
    return result.ok ? { ok: true } : { ok: false, code: result.code as string, message: result.message };
  }

  /**
   * Refuses a person conflicted with a case study's vendor or client, by the one rule
   * (`reviewerConflict`: memberships, verified email domain, declarations). The dispute
   * path calls it for the admin who resolves.
   */
  async assertUnconflicted(ctx: RequestContext, person: { id: string; email: string }, cs: { vendorId: string; clientName: string; clientDomain: string }): Promise<void> {
    const affiliations = await this.reviewers.affiliationsOf(ctx, person.id);
    const result = reviewerConflict({
      reviewer: {
        memberships: await membershipFactsOf(this.tx, ctx, person.id),
        verifiedEmailDomains: [emailDomain(person.email) ?? ''],
        declaredOrganizationIds: affiliations.map((a) => a.organizationId).filter((x): x is string => !!x),
        declaredDomains: affiliations.map((a) => a.domain).filter((x): x is string => !!x),
      },
      vendor: { organizationId: cs.vendorId, name: await this.organizationName(ctx, cs.vendorId), domains: await this.domains.verifiedDomains(ctx, cs.vendorId) },
      client: { organizationId: await this.clientOrganizationOf(ctx, cs.clientDomain), name: cs.clientName, domains: [cs.clientDomain] },
      now: new Date(),
    });
    if (result.conflicted) throw forbidden(result.findings[0].message, result.findings[0].code);
  }

  private async organizationName(ctx: RequestContext, organizationId: string): Promise<string> {
    const rows: Array<{ name: string }> = await this.tx.manager(ctx).query(`SELECT name FROM organizations WHERE id = $1`, [organizationId]);
    return rows[0]?.name ?? 'the vendor';
  }

  /** The buyer organisation that proved the client domain, if any. */
  private async clientOrganizationOf(ctx: RequestContext, clientDomain: string): Promise<string | null> {
    const rows: Array<{ organization_id: string }> = await this.tx
      .manager(ctx)
      .query(`SELECT organization_id FROM organization_domains WHERE domain = $1 AND verified_at IS NOT NULL`, [clientDomain]);
    return rows[0]?.organization_id ?? null;
  }
}
