import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { badInput, notFound } from '../../common/errors';
import { caseStudyClosedBecause, openSingleUseLink } from '../../common/single-use-link';
import { returnedRows } from '../../database/returning';
import { RequestContext } from '../../common/request-context';
import { parseInput } from '../../common/validation';
import { TransactionService } from '../../database/transaction.service';
import { newToken } from '../../common/tokens';
import { JobsService } from '../jobs/jobs.service';
import { MailService } from '../mail/mail.service';
import { RateLimitService } from '../rate-limits/rate-limit.service';
import { EvidenceEventsService } from '../signals/evidence-events.service';
import { ClientDomainStandingService } from '../identity/client-domain-standing.service';
import { LedgerService } from '../ledger/ledger.service';
import { CaseStudyEntity } from '../case-studies/entities/case-study.entity';
import { OutcomeClaimEntity } from '../case-studies/entities/outcome-claim.entity';
import { ReferenceRequestEntity } from './entities/reference-request.entity';
import { ReferenceResponseEntity } from './entities/reference-response.entity';

/** Link rules for every emailed single-use link (reference questionnaires and follow-ups). */
export const REFERENCE_LINK_RULES = { validDays: 14, reminderAfterDays: 5 } as const;
export const REFERENCE_REMIND_JOB = 'reference.remind';
export const REFERENCE_EXPIRE_JOB = 'reference.expire';

const rating = z.number().int('Choose a whole number from 1 to 5.').min(1, 'Choose 1 to 5.').max(5, 'Choose 1 to 5.').nullable();

const answerSchema = z.object({
  outcomes: z
    .array(
      z.object({
        outcomeClaimId: z.uuid(),
        achieved: z.enum(['yes', 'partly', 'no', 'cant_say'], { error: 'Choose yes, partly, no or can\'t say.' }),
        observedValue: z.number().refine(Number.isFinite, 'Enter a number.').nullable(),
      }),
    )
    .max(10),
  inProduction: z.enum(['yes', 'no', 'dont_know'], { error: "Say whether it is in production, or that you don't know." }),
  handoverRating: rating,
  onTime: rating,
  onBudget: rating,
  communication: rating,
  wouldHireAgain: z.boolean({ error: 'Say whether you would hire them again.' }),
  comments: z.string().trim().max(4000, 'At most 4,000 characters.'),
});

export interface Questionnaire {
  request: ReferenceRequestEntity;
  caseStudy: CaseStudyEntity;
  vendorName: string;
  outcomes: OutcomeClaimEntity[];
}

/**
 * Reference checks: single-use emailed links (256-bit token, only its hash stored,
 * 14 days, one reminder after 5 days), the no-account questionnaire, and declines.
 */
@Injectable()
export class ReferenceChecksService implements OnModuleInit {
  private readonly logger = new Logger('ReferenceChecks');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionService,
    private readonly mail: MailService,
    private readonly jobs: JobsService,
    private readonly rateLimits: RateLimitService,
    private readonly evidenceEvents: EvidenceEventsService,
    private readonly ledger: LedgerService,
    private readonly standings: ClientDomainStandingService,
  ) {}

  onModuleInit(): void {
    this.jobs.define<{ referenceRequestId: string }>({ name: REFERENCE_REMIND_JOB, handler: ({ referenceRequestId }) => this.remind(referenceRequestId) });
    this.jobs.define<object>({ name: REFERENCE_EXPIRE_JOB, cron: '*/15 * * * *', handler: () => this.expireOverdue().then(() => undefined) });
  }

  /** Mails each usable reference its link, inside the submission's transaction. */
  async sendRequests(tx: RequestContext, cs: CaseStudyEntity & { vendorName: string }, requests: ReferenceRequestEntity[]): Promise<void> {
    for (const request of requests) {
      const { token, hash } = newToken();
      const expiresAt = new Date(Date.now() + REFERENCE_LINK_RULES.validDays * 86_400_000);
      await this.tx.repo(tx, ReferenceRequestEntity).update({ id: request.id }, { tokenHash: hash, expiresAt, status: 'sent', sentAt: new Date() });
      await this.mail.queue(tx, {
        idempotencyKey: `reference-request:${request.id}`,
        to: request.contactEmail,
        subject: `${cs.vendorName} listed your project on Assay — would you confirm what was delivered?`,
        text: this.requestText(request, cs, token, expiresAt, false),
      });
      await this.jobs.send(tx, REFERENCE_REMIND_JOB, { referenceRequestId: request.id }, { singletonKey: `remind:${request.id}`, startAfterSeconds: REFERENCE_LINK_RULES.reminderAfterDays * 86_400 });
    }
  }

  /** One reminder: the old link is replaced by a new one (tokens are never stored, so they cannot be re-sent). */
  async remind(referenceRequestId: string): Promise<void> {
    await this.tx.run(RequestContext.system(), async (tx) => {
      const request = await this.tx.repo(tx, ReferenceRequestEntity).createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id: referenceRequestId }).getOne();
      if (!request || request.status !== 'sent' || !request.expiresAt || request.expiresAt.getTime() < Date.now()) return;
      const cs = await this.caseStudyWithVendor(tx, request.caseStudyId);
      const { token, hash } = newToken();
      await this.tx.repo(tx, ReferenceRequestEntity).update({ id: request.id }, { tokenHash: hash });
      await this.mail.queue(tx, {
        idempotencyKey: `reference-reminder:${request.id}`,
        to: request.contactEmail,
        subject: `Reminder: ${cs.vendorName} asked you to confirm a project on Assay`,
        text: this.requestText(request, cs, token, request.expiresAt, true),
      });
    });
  }

  /** Marks links past their expiry; an unanswered reference counts against the response rate. */
  async expireOverdue(): Promise<number> {
    return this.tx.run(RequestContext.system(), async (tx) => {
      const rows: unknown = await this.tx
        .manager(tx)
        .query(`UPDATE reference_requests SET status = 'expired' WHERE status = 'sent' AND expires_at < now() RETURNING vendor_id`);
      const expired = returnedRows<{ vendor_id: string }>(rows);
      await this.evidenceEvents.recordSweep(tx, [...new Set(expired.map((r) => r.vendor_id))].map((vendorId) => ({ vendorId, cause: 'reference_expired' as const })));
      if (expired.length) this.logger.log(`Expired ${expired.length} unanswered reference requests`);
      return expired.length;
    });
  }

  /** What the questionnaire page shows; refuses expired, used and unknown links. */
  async questionnaire(ctx: RequestContext, token: string): Promise<Questionnaire> {
    const request = await this.requestForToken(ctx, token, false);
    const cs = await this.caseStudyWithVendor(ctx, request.caseStudyId);
    const outcomes = await this.tx.repo(ctx, OutcomeClaimEntity).find({ where: { caseStudyId: cs.id }, order: { position: 'ASC' } });
    return { request, caseStudy: cs, vendorName: cs.vendorName, outcomes };
  }

  /** Records the answers once; a second answer, an expired or tampered link changes nothing. */
  async answer(ctx: RequestContext, token: string, input: unknown, onAnswered?: (tx: RequestContext, response: ReferenceResponseEntity, request: ReferenceRequestEntity) => Promise<void>): Promise<ReferenceResponseEntity> {
    const data = parseInput(answerSchema, input);
    // Answering while signed in to a confirmed account is identity evidence: the standing checks whose member it is.
    const user = await ctx.user();
    const answeredByUserId = user?.emailVerified ? user.id : null;
    const response = await this.tx.run(ctx, async (tx) => {
      const request = await this.requestForToken(tx, token, true);
      const outcomeIds = new Set((await this.tx.repo(tx, OutcomeClaimEntity).find({ where: { caseStudyId: request.caseStudyId } })).map((o) => o.id));
      const unknown = data.outcomes.findIndex((o) => !outcomeIds.has(o.outcomeClaimId));
      if (unknown >= 0) throw badInput('One answer is about an outcome that is not part of this case study.', [{ field: `outcomes[${unknown}].outcomeClaimId`, message: 'Unknown outcome.' }]);
      const repo = this.tx.repo(tx, ReferenceResponseEntity);
      const response = await repo.save(
        repo.create({
          referenceRequestId: request.id,
          declined: false,
          declineReason: null,
          outcomeAnswers: data.outcomes,
          inProduction: data.inProduction,
          handoverRating: data.handoverRating,
          onTime: data.onTime,
          onBudget: data.onBudget,
          communication: data.communication,
          wouldHireAgain: data.wouldHireAgain,
          comments: data.comments,
          answeredByUserId,
        }),
      );
      await this.tx.repo(tx, ReferenceRequestEntity).update({ id: request.id }, { status: 'answered', answeredAt: new Date() });
      await this.evidenceEvents.record(tx, { vendorId: request.vendorId, cause: 'reference_answered' });
      await onAnswered?.(tx, response, request);
      await this.ledger.append(tx, { kind: 'reference_answer', subjectId: response.id });
      return { response, caseStudyId: request.caseStudyId };
    });
    // After the commit (DNS may take seconds): the answer may confirm the client domain.
    if (answeredByUserId && !ctx.manager) await this.standings.refresh(ctx, response.caseStudyId);
    return response.response;
  }

  /** A reference may decline; declines count towards the response rate. */
  async decline(ctx: RequestContext, token: string, reason: unknown, onAnswered?: (tx: RequestContext, response: ReferenceResponseEntity, request: ReferenceRequestEntity) => Promise<void>): Promise<ReferenceResponseEntity> {
    const why = parseInput(z.string().trim().max(1000, 'At most 1,000 characters.'), reason ?? '');
    return this.tx.run(ctx, async (tx) => {
      const request = await this.requestForToken(tx, token, true);
      const repo = this.tx.repo(tx, ReferenceResponseEntity);
      const response = await repo.save(repo.create({ referenceRequestId: request.id, declined: true, declineReason: why || null, outcomeAnswers: [], comments: '' }));
      await this.tx.repo(tx, ReferenceRequestEntity).update({ id: request.id }, { status: 'declined', answeredAt: new Date() });
      await this.evidenceEvents.record(tx, { vendorId: request.vendorId, cause: 'reference_declined' });
      await onAnswered?.(tx, response, request);
      await this.ledger.append(tx, { kind: 'reference_answer', subjectId: response.id });
      return response;
    });
  }

  private async requestForToken(ctx: RequestContext, token: string, lock: boolean): Promise<ReferenceRequestEntity> {
    await this.rateLimits.consume(ctx, 'referenceToken', ctx.ip ?? 'unknown');
    return openSingleUseLink(token, {
      findByHash: (hash) => {
        const qb = this.tx.repo(ctx, ReferenceRequestEntity).createQueryBuilder('r').where('r.token_hash = :hash', { hash });
        if (lock) qb.setLock('pessimistic_write');
        return qb.getOne();
      },
      isUsed: (r) => r.status === 'answered' || r.status === 'declined',
      isExpired: (r) => r.status === 'expired',
      closedBecause: (r) => caseStudyClosedBecause(this.tx.manager(ctx), r.caseStudyId, lock, 'questionnaire'),
      usedMessage: 'You have already answered this questionnaire. Thank you!',
      expiredMessage: 'This link has expired. The consultancy can ask Assay to send a new one.',
    });
  }

  private async caseStudyWithVendor(ctx: RequestContext, caseStudyId: string): Promise<CaseStudyEntity & { vendorName: string }> {
    const cs = await this.tx.repo(ctx, CaseStudyEntity).findOne({ where: { id: caseStudyId }, relations: { vendor: true } });
    if (!cs) throw notFound('This case study');
    return Object.assign(cs, { vendorName: cs.vendor!.name });
  }

  private requestText(request: ReferenceRequestEntity, cs: CaseStudyEntity & { vendorName: string }, token: string, expiresAt: Date, reminder: boolean): string {
    return [
      `Hello ${request.contactName},`,
      '',
      reminder ? 'A short reminder: ' : '',
      `${cs.vendorName} says it delivered "${cs.title}" for ${request.clientName}. Assay checks such claims with the people who were there, so buyers can trust them.`,
      '',
      'Would you answer a few questions (about 3 minutes, no account needed)?',
      `${this.config.publicUrl}/r/${token}`,
      '',
      reminder ? 'This link replaces the one we sent earlier.' : '',
      `The link works once and expires on ${expiresAt.toUTCString()}. You can also decline on that page.`,
      request.source === 'drawn' ? 'You were picked at random from the consultancy\'s list of past clients; they did not choose you.' : '',
    ]
      .filter((line, i, all) => line !== '' || all[i - 1] !== '')
      .join('\n');
  }
}
