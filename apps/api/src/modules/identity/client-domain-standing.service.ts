import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { assessClientDomain, type ClientDomainAssessment, type DnsLookup, type KnownDomain, lookAlikeBucketKey, normalizeDomain, sharesInfrastructure } from '@assay/domain';
import { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';
import { JobsService } from '../jobs/jobs.service';
import { EvidenceEventsService } from '../signals/evidence-events.service';
import { DOMAIN_FACTS, type DomainFacts } from './domain-facts.port';

/** Re-assesses the case studies whose standing a newly named domain can change (its own, its look-alikes). */
export const REASSESS_RELATED_STANDINGS_JOB = 'identity.reassess-related-standings';

interface CaseStudyRow {
  id: string;
  vendor_id: string;
  client_domain: string;
  started_on: string | null;
  submitted_at: Date | null;
  created_at: Date;
}

/**
 * The standing of every case study's client domain: facts are gathered outside any
 * transaction (DNS and RDAP may take seconds), then the pure rule decides and the
 * standing, its reason and whether DNS answered are stored with the case study in one
 * short transaction that records the evidence event.
 */
@Injectable()
export class ClientDomainStandingService implements OnModuleInit {
  private readonly logger = new Logger('ClientDomainStanding');

  constructor(
    private readonly tx: TransactionService,
    private readonly evidenceEvents: EvidenceEventsService,
    private readonly jobs: JobsService,
    @Inject(DOMAIN_FACTS) private readonly facts: DomainFacts,
  ) {}

  onModuleInit(): void {
    this.jobs.define<{ domain: string; exceptCaseStudyId?: string }>({
      name: REASSESS_RELATED_STANDINGS_JOB,
      retryLimit: 3,
      handler: async (data) => {
        await this.reassessRelated(RequestContext.system(), data.domain, data.exceptCaseStudyId);
      },
    });
  }

  /**
   * A domain was named or proven: the standings it can change are re-assessed by a job (DNS may
   * take seconds per domain). Another vendor naming the same domain can corroborate it; a domain
   * that imitates it, named earlier, becomes suspect now that the real one is known.
   */
  async queueRelated(ctx: RequestContext, domain: string, exceptCaseStudyId?: string): Promise<void> {
    const normalized = normalizeDomain(domain);
    if (normalized === null) return;
    await this.jobs.send(ctx, REASSESS_RELATED_STANDINGS_JOB, { domain: normalized, ...(exceptCaseStudyId ? { exceptCaseStudyId } : {}) }, { singletonKey: normalized });
  }

  /**
   * Resolves once no re-assessment is waiting or running (the job workers do the work; this only
   * watches). For tests and the simulation, before they read standings or wait for the evidence
   * outbox: a re-assessment can record new evidence events.
   */
  async waitUntilIdle(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = await this.jobs.queueState(REASSESS_RELATED_STANDINGS_JOB);
      if (state.waiting + state.active === 0) return;
      if (Date.now() > deadline) throw new Error(`Client-domain standings did not settle in ${timeoutMs} ms: ${JSON.stringify(state)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Re-assesses every current case study naming `domain` or one in its look-alike bucket (other than `exceptCaseStudyId`). */
  async reassessRelated(ctx: RequestContext, domain: string, exceptCaseStudyId?: string): Promise<number> {
    const bucket = lookAlikeBucketKey(domain);
    const named: Array<{ client_domain: string }> = await this.tx
      .manager(ctx)
      .query(`SELECT DISTINCT client_domain FROM case_studies WHERE status NOT IN ('draft', 'withdrawn') AND superseded_at IS NULL`);
    const related = named.map((r) => r.client_domain).filter((d) => normalizeDomain(d) === domain || lookAlikeBucketKey(d) === bucket);
    if (related.length === 0) return 0;
    const rows: Array<{ id: string }> = await this.tx.manager(ctx).query(
      `SELECT id FROM case_studies WHERE client_domain = ANY($1::text[]) AND status NOT IN ('draft', 'withdrawn') AND superseded_at IS NULL AND id <> coalesce($2::uuid, '00000000-0000-0000-0000-000000000000')`,
      [related, exceptCaseStudyId ?? null],
    );
    for (const row of rows) await this.refresh(ctx, row.id);
    if (rows.length) this.logger.log(`Re-assessed ${rows.length} client-domain standings related to ${domain}`);
    return rows.length;
  }

  /** Assesses and stores the standing of one case study's client domain. Never throws: a failure leaves it "not assessed yet". */
  async refresh(ctx: RequestContext, caseStudyId: string): Promise<ClientDomainAssessment | null> {
    try {
      return await this.refreshOrThrow(ctx, caseStudyId);
    } catch (error) {
      this.logger.warn(`Could not assess the client domain of case study ${caseStudyId}: ${(error as Error).message}`);
      return null;
    }
  }

  /** Re-assesses every current case study that names `domain` (a fact about the domain changed). */
  async refreshDomain(ctx: RequestContext, domain: string): Promise<void> {
    const rows: Array<{ id: string }> = await this.tx
      .manager(ctx)
      .query(`SELECT id FROM case_studies WHERE client_domain = $1 AND status NOT IN ('draft', 'withdrawn') AND superseded_at IS NULL`, [domain]);
    for (const row of rows) await this.refresh(ctx, row.id);
  }

  async refreshOrThrow(ctx: RequestContext, caseStudyId: string): Promise<ClientDomainAssessment | null> {
    const m = this.tx.manager(ctx);
    const [cs]: CaseStudyRow[] = await m.query(
      `SELECT id, vendor_id, client_domain, started_on::text AS started_on, submitted_at, created_at FROM case_studies WHERE id = $1`,
      [caseStudyId],
    );
    if (!cs) return null;
    const domain = normalizeDomain(cs.client_domain);
    if (domain === null) return null;

    const vendorDomains: string[] = (await m.query(`SELECT domain FROM vendor_domains WHERE organization_id = $1 AND verified_at IS NOT NULL`, [cs.vendor_id])).map(
      (r: { domain: string }) => r.domain,
    );
    const [dns, registeredAt, ...vendorDns] = await Promise.all([
      this.facts.dns(domain),
      this.facts.registeredAt(domain),
      ...vendorDomains.map((d) => this.facts.dns(d)),
    ]);
    const known = await this.knownDomains(ctx, domain, cs.vendor_id);
    const firstSeen: Array<{ at: Date | null }> = await m.query(
      `SELECT min(coalesce(submitted_at, created_at)) AS at FROM case_studies WHERE client_domain = $1 AND status <> 'draft'`,
      [domain],
    );
    // Other vendors naming the domain (case studies or rosters): independent when they share no member, no reviewer and no infrastructure with this vendor.
    const others: Array<{ vendor_id: string; shares_reviewer: boolean; domains: string[] | null }> = await m.query(
      `SELECT v.vendor_id,
              EXISTS (SELECT 1 FROM verdicts a JOIN verdicts b ON b.reviewer_id = a.reviewer_id WHERE a.vendor_id = v.vendor_id AND b.vendor_id = $2) AS shares_reviewer,
              (SELECT array_agg(d.domain ORDER BY d.domain) FROM vendor_domains d WHERE d.organization_id = v.vendor_id AND d.verified_at IS NOT NULL) AS domains
         FROM (SELECT vendor_id FROM case_studies WHERE client_domain = $1 AND status NOT IN ('draft', 'withdrawn')
               UNION SELECT vendor_id FROM roster_entries WHERE client_domain = $1) v
        WHERE v.vendor_id <> $2
          AND NOT EXISTS (SELECT 1 FROM memberships a JOIN memberships b ON a.user_id = b.user_id WHERE a.organization_id = v.vendor_id AND b.organization_id = $2)
        ORDER BY v.vendor_id`,
      [domain, cs.vendor_id],
    );
    const ours = vendorDomains.map((d, i) => ({ domain: d, dns: vendorDns[i] as DnsLookup }));
    let independentVendorCount = 0;
    for (const other of others) {
      if (other.shares_reviewer) continue;
      const theirs = await Promise.all((other.domains ?? []).map(async (d) => ({ domain: d, dns: await this.facts.dns(d) })));
      if (!sharesInfrastructure(ours, theirs)) independentVendorCount += 1;
    }
    const answer: Array<{ name: string; answer: 'worked_with' | 'did_not_work_with' | 'outcome_wrong' }> = await m.query(
      `SELECT o.name, a.answer FROM client_organization_answers a
         JOIN organizations o ON o.id = a.organization_id
         JOIN organization_domains d ON d.organization_id = a.organization_id AND d.domain = $2 AND d.verified_at IS NOT NULL
        WHERE a.case_study_id = $1
          AND NOT EXISTS (SELECT 1 FROM memberships x JOIN memberships y ON x.user_id = y.user_id WHERE x.organization_id = a.organization_id AND y.organization_id = $3)
        ORDER BY a.created_at DESC LIMIT 1`,
      [cs.id, domain, cs.vendor_id],
    );

    const accountReference: Array<{ name: string }> = await m.query(
      // A reference who answered from a confirmed account that is a member of a buyer organisation that proved the domain (and shares no member with the vendor).
      `SELECT o.name FROM reference_requests r
         JOIN reference_responses p ON p.reference_request_id = r.id AND NOT p.declined
         JOIN memberships mb ON mb.user_id = p.answered_by_user_id
         JOIN organizations o ON o.id = mb.organization_id AND o.kind = 'buyer'
         JOIN organization_domains d ON d.organization_id = o.id AND d.domain = $2 AND d.verified_at IS NOT NULL
        WHERE r.case_study_id = $1
          AND NOT EXISTS (SELECT 1 FROM memberships x JOIN memberships y ON x.user_id = y.user_id WHERE x.organization_id = o.id AND y.organization_id = $3)
        ORDER BY p.created_at LIMIT 1`,
      [cs.id, domain, cs.vendor_id],
    );

    const assessment = assessClientDomain({
      domain,
      firstSeenAt: firstSeen[0]?.at ? new Date(firstSeen[0].at) : (cs.submitted_at ?? cs.created_at),
      projectStartedAt: cs.started_on ? new Date(`${cs.started_on}T00:00:00Z`) : null,
      vendorDomains: ours,
      dns: dns as DnsLookup,
      registeredAt: registeredAt as Date | null,
      knownDomains: known,
      independentVendorCount,
      clientOrganization: answer[0] ? { name: answer[0].name, answer: answer[0].answer } : null,
      accountReferenceFrom: accountReference[0]?.name ?? null,
    });

    await this.tx.run(ctx, async (tx) => {
      const changed: Array<{ id: string }> = await this.tx.manager(tx).query(
        `UPDATE case_studies
            SET client_domain_standing = $2, client_domain_reason = $3, client_domain_dns_checked = $4, client_domain_checked_at = now()
          WHERE id = $1 AND (client_domain_standing IS DISTINCT FROM $2 OR client_domain_reason IS DISTINCT FROM $3 OR client_domain_dns_checked IS DISTINCT FROM $4)
          RETURNING id`,
        [cs.id, assessment.standing, assessment.reason, assessment.dnsChecked],
      );
      if (changed.length) await this.evidenceEvents.record(tx, { vendorId: cs.vendor_id, cause: 'client_domain_assessed' });
    });
    return assessment;
  }

  /**
   * Domains Assay knows that could be imitated: other case studies' and rosters' client
   * domains, buyer organisations' proven domains and vendors' verified domains, narrowed
   * to the look-alike bucket of `domain` before the rule compares them.
   */
  private async knownDomains(ctx: RequestContext, domain: string, vendorId: string): Promise<KnownDomain[]> {
    const rows: Array<{ domain: string; kind: KnownDomain['kind']; owner_name: string | null; first_seen: Date }> = await this.tx.manager(ctx).query(
      `SELECT domain, kind, owner_name, min(first_seen) AS first_seen FROM (
          SELECT c.client_domain AS domain,
                 CASE WHEN c.vendor_id = $2 THEN 'client_of_this_vendor' ELSE 'client_of_other_vendor' END AS kind,
                 NULL AS owner_name, coalesce(c.submitted_at, c.created_at) AS first_seen
            FROM case_studies c WHERE c.status NOT IN ('draft', 'withdrawn') AND c.client_domain <> $1
          UNION ALL
          SELECT r.client_domain, CASE WHEN r.vendor_id = $2 THEN 'client_of_this_vendor' ELSE 'client_of_other_vendor' END, NULL, r.created_at
            FROM roster_entries r WHERE r.client_domain <> $1
          UNION ALL
          SELECT d.domain, 'buyer', o.name, d.verified_at FROM organization_domains d JOIN organizations o ON o.id = d.organization_id
           WHERE d.verified_at IS NOT NULL AND d.domain <> $1
          UNION ALL
          SELECT d.domain, 'vendor', o.name, d.verified_at FROM vendor_domains d JOIN organizations o ON o.id = d.organization_id
           WHERE d.verified_at IS NOT NULL AND d.domain <> $1 AND d.organization_id <> $2
        ) k GROUP BY domain, kind, owner_name`,
      [domain, vendorId],
    );
    const bucket = lookAlikeBucketKey(domain);
    return rows
      .filter((r) => lookAlikeBucketKey(r.domain) === bucket)
      .map((r) => ({ domain: r.domain, kind: r.kind, ownerName: r.owner_name ?? undefined, firstSeenAt: new Date(r.first_seen) }));
  }
}
