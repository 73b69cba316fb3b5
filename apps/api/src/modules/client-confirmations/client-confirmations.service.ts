import { Inject, Injectable, Logger } from '@nestjs/common';
import { decideClientAnswer, domainChallengeRecord, emailDomain, isDenial, isFreeMailDomain, normalizeDomain, txtProvesDomain, type ClientAnswer } from '@assay/domain';
import { z } from 'zod';
import { authorize } from '../../common/authz/authorize';
import { badInput, conflict, forbidden, notFound } from '../../common/errors';
import type { RequestContext } from '../../common/request-context';
import { newToken } from '../../common/tokens';
import { parseInput } from '../../common/validation';
import { TransactionService } from '../../database/transaction.service';
import { isUniqueViolation } from '../../database/unique-violation';
import { CaseStudiesRepository, type CaseStudyWithVendor } from '../case-studies/case-studies.repository';
import { ClientDomainStandingService } from '../identity/client-domain-standing.service';
import { DOMAIN_FACTS, type DomainFacts } from '../identity/domain-facts.port';
import { LedgerService } from '../ledger/ledger.service';
import { OrganizationsRepository } from '../organizations/organizations.repository';
import { RateLimitService } from '../rate-limits/rate-limit.service';
import { EvidenceEventsService } from '../signals/evidence-events.service';
import { ClientConfirmationsRepository, type ClientAnswerRow, type OrganizationDomainRow } from './client-confirmations.repository';

export const MAX_DOMAINS_PER_ORGANIZATION = 20;
export const MAX_CLIENT_CASE_STUDIES = 200;
const VERIFIED_DOMAIN_INDEX = 'uq_organization_domains_verified';

const id = (what: string) => z.uuid({ error: `${what} does not exist.` });
const proveSchema = z.object({
  organizationId: id('This organisation'),
  domain: z
    .string({ error: 'Enter your organisation’s domain, e.g. northwind.com.' })
    .trim()
    .min(1, 'Enter your organisation’s domain, e.g. northwind.com.')
    .max(253, 'A domain has at most 253 characters.')
    .transform((value, ctx) => {
      const domain = normalizeDomain(value);
      if (domain === null) {
        ctx.addIssue({ code: 'custom', message: 'Enter a domain like northwind.com (no https:// and no path).' });
        return z.NEVER;
      }
      if (isFreeMailDomain(domain)) {
        ctx.addIssue({ code: 'custom', message: `${domain} is a free email provider that nobody owns; enter your organisation’s own domain.` });
        return z.NEVER;
      }
      return domain;
    }),
});
const answerSchema = z
  .object({
    caseStudyId: id('This case study'),
    organizationId: id('This organisation'),
    answer: z.enum(['worked_with', 'did_not_work_with', 'outcome_wrong'], { error: 'Choose what your organisation says about this case study.' }),
    note: z.string().trim().max(2000, 'A note has at most 2,000 characters.').optional().default(''),
  })
  .superRefine((v, ctx) => {
    if (v.answer !== 'worked_with' && v.note.length < 10) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'Say in a sentence what is wrong (at least 10 characters): the vendor may reply, and buyers read both.' });
    }
  });
const replySchema = z.object({
  answerId: id('This answer'),
  body: z.string({ error: 'Write your reply.' }).trim().min(10, 'Write a reply of at least 10 characters.').max(2000, 'A reply has at most 2,000 characters.'),
});

export interface ClientAnswerView {
  row: ClientAnswerRow;
  /** Hide the organisation's name: the case study is anonymised and the viewer is not its vendor, the client or an admin. */
  hideName: boolean;
}

/**
 * A buyer organisation as the client named by case studies: it proves its domains (a TXT
 * record, or a member whose confirmed address is at the domain), sees the case studies
 * that name them, and answers for itself once about each ("we worked with them", "we did
 * not", "the outcome stated is wrong"). The answer is evidence of its own: recorded through
 * the evidence event and the ledger, and it moves the client domain's standing. A denial is
 * a dispute the vendor answers with a public reply.
 */
@Injectable()
export class ClientConfirmationsService {
  private readonly logger = new Logger('ClientConfirmations');

  constructor(
    private readonly tx: TransactionService,
    private readonly repo: ClientConfirmationsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly caseStudies: CaseStudiesRepository,
    private readonly standings: ClientDomainStandingService,
    private readonly evidenceEvents: EvidenceEventsService,
    private readonly ledger: LedgerService,
    private readonly rateLimits: RateLimitService,
    @Inject(DOMAIN_FACTS) private readonly facts: DomainFacts,
  ) {}

  /** The organisation's domains, proven and pending; its members only. */
  async domains(ctx: RequestContext, organizationId: string): Promise<OrganizationDomainRow[]> {
    if (!id('').safeParse(organizationId).success) throw notFound('This organisation');
    await authorize(ctx, 'orgMember', { organizationId });
    return this.repo.domainsOf(ctx, organizationId);
  }

  /**
   * Claims a domain for a buyer organisation (its owners). Proven at once when the caller’s
   * own confirmed address is at the domain; otherwise pending until the TXT record is found.
   */
  async prove(ctx: RequestContext, input: unknown): Promise<OrganizationDomainRow> {
    const organizationId = (input as { organizationId?: unknown } | null)?.organizationId;
    const user = await authorize(ctx, 'confirmedOrgOwner', { organizationId: typeof organizationId === 'string' ? organizationId : '' });
    const data = parseInput(proveSchema, input);
    await this.requireBuyer(ctx, data.organizationId);
    const byEmail = emailDomain(user.email) === data.domain;
    const row = await this.tx.run(ctx, async (tx) => {
      const existing = await this.repo.domainsOf(tx, data.organizationId);
      if (!existing.some((d) => d.domain === data.domain) && existing.length >= MAX_DOMAINS_PER_ORGANIZATION) {
        throw conflict(`An organisation can prove at most ${MAX_DOMAINS_PER_ORGANIZATION} domains.`, 'TOO_MANY_DOMAINS');
      }
      const owner = await this.repo.proofOf(tx, data.domain);
      if (owner && owner.organization_id !== data.organizationId) throw this.claimedElsewhere(data.domain);
      try {
        return await this.repo.upsertDomain(tx, { organizationId: data.organizationId, domain: data.domain, method: byEmail ? 'member_email' : 'dns_txt', txtToken: newToken().token, verified: byEmail });
      } catch (error) {
        if (isUniqueViolation(error, VERIFIED_DOMAIN_INDEX)) throw this.claimedElsewhere(data.domain);
        throw error;
      }
    });
    if (row.verified_at) await this.domainProven(ctx, row.domain);
    return row;
  }

  /** Looks up the TXT record of a pending domain (its organisation's owners); proves it when found. */
  async check(ctx: RequestContext, domainId: unknown): Promise<OrganizationDomainRow> {
    if (typeof domainId !== 'string' || !id('').safeParse(domainId).success) throw notFound('This domain');
    const claim = await this.repo.domainById(ctx, domainId);
    if (!claim) throw notFound('This domain');
    await authorize(ctx, 'confirmedOrgOwner', { organizationId: claim.organization_id });
    if (claim.verified_at) return claim;
    await this.rateLimits.consume(ctx, 'domainCheck', claim.id);
    const record = domainChallengeRecord(claim.domain, claim.txt_token);
    if (!txtProvesDomain(await this.facts.txt(record.name), claim.txt_token)) {
      throw badInput(
        `We did not find the TXT record ${record.name} with the value ${record.value} yet. DNS changes can take a while to appear; try again in a few minutes.`,
        [],
        'TXT_RECORD_NOT_FOUND',
      );
    }
    const proven = await this.tx.run(ctx, async (tx) => {
      const owner = await this.repo.proofOf(tx, claim.domain);
      if (owner && owner.organization_id !== claim.organization_id) throw this.claimedElsewhere(claim.domain);
      try {
        await this.repo.markVerified(tx, claim.id, 'dns_txt');
      } catch (error) {
        if (isUniqueViolation(error, VERIFIED_DOMAIN_INDEX)) throw this.claimedElsewhere(claim.domain);
        throw error;
      }
      return (await this.repo.domainById(tx, claim.id))!;
    });
    await this.domainProven(ctx, proven.domain);
    return proven;
  }

  /** Case studies naming one of the organisation's proven domains, with its answers; its members only. */
  async caseStudiesNamingUs(ctx: RequestContext, organizationId: string): Promise<Array<{ caseStudy: CaseStudyWithVendor; answer: ClientAnswerRow | null }>> {
    if (!id('').safeParse(organizationId).success) throw notFound('This organisation');
    await authorize(ctx, 'orgMember', { organizationId });
    const proven = (await this.repo.domainsOf(ctx, organizationId)).filter((d) => d.verified_at).map((d) => d.domain);
    const ids = await this.repo.caseStudiesNaming(ctx, proven, MAX_CLIENT_CASE_STUDIES);
    const answers = new Map((await this.repo.answersOf(ctx, organizationId, ids)).map((a) => [a.case_study_id, a]));
    return (await this.caseStudies.findManyByIds(ctx, ids)).map((cs) => ({ caseStudy: cs, answer: answers.get(cs.id) ?? null }));
  }

  /** A member of a buyer organisation answers for it, once, about a case study naming its proven domain. */
  async answer(ctx: RequestContext, input: unknown): Promise<ClientAnswerRow> {
    const organizationId = (input as { organizationId?: unknown } | null)?.organizationId;
    const user = await authorize(ctx, 'confirmedOrgMember', { organizationId: typeof organizationId === 'string' ? organizationId : '' });
    const data = parseInput(answerSchema, input);
    const organization = await this.organizations.findById(ctx, data.organizationId);
    if (!organization) throw notFound('This organisation');
    const answerId = await this.tx.run(ctx, async (tx) => {
      const cs = await this.caseStudies.findById(tx, data.caseStudyId, true);
      // Drafts exist only for their vendor.
      if (!cs || cs.status === 'draft') throw notFound('This case study');
      const provenDomains = (await this.repo.domainsOf(tx, data.organizationId)).filter((d) => d.verified_at).map((d) => d.domain);
      const decision = decideClientAnswer({
        organizationKind: organization.kind,
        provenDomains,
        caseStudy: { clientDomain: normalizeDomain(cs.clientDomain) ?? cs.clientDomain, status: cs.status, superseded: cs.supersededAt !== null, vendorName: cs.vendorName },
        sharesMemberWithVendor: await this.repo.sharesMember(tx, data.organizationId, cs.vendorId),
        alreadyAnswered: (await this.repo.answersOf(tx, data.organizationId, [cs.id])).length > 0,
      });
      if (!decision.ok) throw decision.kind === 'forbidden' ? forbidden(decision.message, decision.code) : conflict(decision.message, decision.code);
      const inserted = await this.repo.insertAnswer(tx, { caseStudyId: cs.id, organizationId: data.organizationId, answeredById: user.id, answer: data.answer as ClientAnswer, note: data.note });
      if (inserted.length === 0) throw conflict('Your organisation has already answered about this case study; an answer is final and on the public record.', 'ALREADY_ANSWERED');
      await this.evidenceEvents.record(tx, { vendorId: cs.vendorId, cause: 'client_confirmation' });
      await this.ledger.append(tx, { kind: 'client_answer', subjectId: inserted[0].id });
      return inserted[0].id;
    });
    // The standing reads DNS outside any transaction; it records its own evidence event when it changes.
    await this.standings.refresh(ctx, data.caseStudyId);
    if (isDenial(data.answer as ClientAnswer)) this.logger.log(`Client organisation ${data.organizationId} disputes case study ${data.caseStudyId}: ${data.answer}`);
    return (await this.repo.answerById(ctx, answerId))!;
  }

  /** The vendor's public reply to a client organisation's denial; its members, once. */
  async reply(ctx: RequestContext, input: unknown): Promise<ClientAnswerRow> {
    const answerId = (input as { answerId?: unknown } | null)?.answerId;
    const found = typeof answerId === 'string' && id('').safeParse(answerId).success ? await this.repo.answerById(ctx, answerId) : null;
    if (!found) throw notFound('This answer');
    const user = await authorize(ctx, 'confirmedVendorMember', { vendorId: found.vendor_id });
    const data = parseInput(replySchema, input);
    return this.tx.run(ctx, async (tx) => {
      const answer = (await this.repo.answerById(tx, data.answerId, true))!;
      if (!isDenial(answer.answer)) throw conflict('The client confirmed this case study; there is nothing to reply to.', 'NOT_DISPUTED');
      if (answer.vendor_reply !== null) throw conflict('You have already replied to this answer; a reply is final and on the public record.', 'ALREADY_REPLIED');
      await this.repo.setReply(tx, answer.id, user.id, data.body);
      return (await this.repo.answerById(tx, answer.id))!;
    });
  }

  /** The client organisation's answers about these case studies, for `CaseStudy.clientAnswer`. */
  answersAbout(ctx: RequestContext, caseStudyIds: readonly string[]): Promise<ClientAnswerRow[]> {
    return this.repo.answersAbout(ctx, caseStudyIds);
  }

  /** The case studies naming the domain are re-assessed now; its look-alikes by the standing job. */
  private async domainProven(ctx: RequestContext, domain: string): Promise<void> {
    await this.standings.refreshDomain(ctx, domain);
    await this.standings.queueRelated(ctx, domain);
  }

  private async requireBuyer(ctx: RequestContext, organizationId: string): Promise<void> {
    const organization = await this.organizations.findById(ctx, organizationId);
    if (!organization) throw notFound('This organisation');
    await authorize(ctx, 'buyerOrganization', { organizationKind: organization.kind });
  }

  private claimedElsewhere(domain: string) {
    return conflict(`${domain} is already proven by another organisation on Assay. If it is yours, contact Assay support.`, 'DOMAIN_CLAIMED');
  }
}
