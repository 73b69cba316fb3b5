import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { badInput } from '../../common/errors';
import { caseStudyClosedBecause, openSingleUseLink } from '../../common/single-use-link';
import { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';
import { newToken } from '../../common/tokens';
import { CaseStudyEntity } from '../case-studies/entities/case-study.entity';
import { JobsService } from '../jobs/jobs.service';
import { MailService } from '../mail/mail.service';
import { RateLimitService } from '../rate-limits/rate-limit.service';
import { REFERENCE_LINK_RULES } from '../references/reference-checks.service';
import { ReferenceRequestEntity } from '../references/entities/reference-request.entity';
import { FollowUpCheckEntity } from './entities/follow-up-check.entity';
import { EvidenceEventsService } from '../signals/evidence-events.service';
import { LedgerService } from '../ledger/ledger.service';

export const FOLLOW_UPS_SEND_DUE_JOB = 'follow-ups.send-due';
export const FOLLOW_UP_MONTHS = [6, 12] as const;

/**
 * +6 and +12 month "still in production?" checks, asked of the references who
 * answered, with the same single-use link rules as the questionnaire.
 */
@Injectable()
export class FollowUpsService implements OnModuleInit {
  private readonly logger = new Logger('FollowUps');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionService,
    private readonly mail: MailService,
    private readonly jobs: JobsService,
    private readonly rateLimits: RateLimitService,
    private readonly evidenceEvents: EvidenceEventsService,
    private readonly ledger: LedgerService,
  ) {}

  onModuleInit(): void {
    this.jobs.define<object>({ name: FOLLOW_UPS_SEND_DUE_JOB, cron: '17 * * * *', handler: () => this.sendDue().then(() => undefined) });
  }

  /** Schedules the checks for every reference that answered, from the verdict's date. */
  async scheduleFor(tx: RequestContext, caseStudyId: string, from: Date): Promise<void> {
    const refs = await this.tx.repo(tx, ReferenceRequestEntity).find({ where: { caseStudyId, status: 'answered' } });
    for (const ref of refs) {
      for (const months of FOLLOW_UP_MONTHS) {
        const dueAt = new Date(from);
        dueAt.setUTCMonth(dueAt.getUTCMonth() + months);
        await this.tx
          .repo(tx, FollowUpCheckEntity)
          .createQueryBuilder()
          .insert()
          .values({ caseStudyId, referenceRequestId: ref.id, monthsAfter: months, dueAt, status: 'scheduled' })
          .orIgnore()
          .execute();
      }
    }
  }

  /** Mails every due check its link; safe to run on many workers (rows are locked and skipped). */
  async sendDue(now = new Date()): Promise<number> {
    return this.tx.run(RequestContext.system(), async (tx) => {
      const due = await this.tx
        .repo(tx, FollowUpCheckEntity)
        .createQueryBuilder('f')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where(`f.status = 'scheduled' AND f.due_at <= :now`, { now })
        .orderBy('f.due_at', 'ASC')
        .limit(200)
        .getMany();
      for (const check of due) {
        const ref = await this.tx.repo(tx, ReferenceRequestEntity).findOneBy({ id: check.referenceRequestId });
        const cs = await this.tx.repo(tx, CaseStudyEntity).findOne({ where: { id: check.caseStudyId }, relations: { vendor: true } });
        if (!ref || !cs) continue;
        const { token, hash } = newToken();
        const expiresAt = new Date(now.getTime() + REFERENCE_LINK_RULES.validDays * 86_400_000);
        await this.tx.repo(tx, FollowUpCheckEntity).update({ id: check.id }, { status: 'sent', tokenHash: hash, expiresAt });
        await this.mail.queue(tx, {
          idempotencyKey: `follow-up:${check.id}`,
          to: ref.contactEmail,
          subject: `Is "${cs.title}" still in production? (${check.monthsAfter}-month check)`,
          text: [
            `Hello ${ref.contactName},`,
            '',
            `${check.monthsAfter} months ago you confirmed the project "${cs.title}" that ${cs.vendor!.name} delivered for ${ref.clientName}.`,
            'One question, one click: is the system still in production?',
            `${this.config.publicUrl}/f/${token}`,
            '',
            `The link works once and expires on ${expiresAt.toUTCString()}.`,
          ].join('\n'),
        });
      }
      const vendors: Array<{ vendor_id: string }> = due.length
        ? await this.tx.manager(tx).query('SELECT DISTINCT vendor_id FROM case_studies WHERE id = ANY($1)', [due.map((d) => d.caseStudyId)])
        : [];
      await this.evidenceEvents.recordSweep(tx, vendors.map((v) => ({ vendorId: v.vendor_id, cause: 'follow_up_sent' as const })));
      if (due.length) this.logger.log(`Sent ${due.length} follow-up checks`);
      return due.length;
    });
  }

  /** The follow-up page: which project it is about. */
  async view(ctx: RequestContext, token: string): Promise<{ check: FollowUpCheckEntity; title: string; vendorName: string }> {
    const check = await this.checkForToken(ctx, token, false);
    const cs = await this.tx.repo(ctx, CaseStudyEntity).findOne({ where: { id: check.caseStudyId }, relations: { vendor: true } });
    return { check, title: cs!.title, vendorName: cs!.vendor!.name };
  }

  /** Records the answer once, as a follow-up observation. */
  async answer(ctx: RequestContext, token: string, stillInProduction: unknown, onAnswered?: (tx: RequestContext, check: FollowUpCheckEntity) => Promise<void>): Promise<FollowUpCheckEntity> {
    const value = z.boolean({ error: 'Say yes or no.' }).safeParse(stillInProduction);
    if (!value.success) throw badInput('Say whether the system is still in production.', [{ field: 'stillInProduction', message: 'Say yes or no.' }]);
    return this.tx.run(ctx, async (tx) => {
      const check = await this.checkForToken(tx, token, true);
      await this.tx.repo(tx, FollowUpCheckEntity).update({ id: check.id }, { status: 'answered', stillInProduction: value.data, answeredAt: new Date() });
      const updated = (await this.tx.repo(tx, FollowUpCheckEntity).findOneBy({ id: check.id }))!;
      const owner: Array<{ vendor_id: string }> = await this.tx.manager(tx).query('SELECT vendor_id FROM case_studies WHERE id = $1', [check.caseStudyId]);
      await this.evidenceEvents.record(tx, { vendorId: owner[0].vendor_id, cause: 'follow_up_answered' });
      await onAnswered?.(tx, updated);
      await this.ledger.append(tx, { kind: 'follow_up_answer', subjectId: check.id });
      return updated;
    });
  }

  private async checkForToken(ctx: RequestContext, token: string, lock: boolean): Promise<FollowUpCheckEntity> {
    await this.rateLimits.consume(ctx, 'referenceToken', ctx.ip ?? 'unknown');
    return openSingleUseLink(token, {
      findByHash: (hash) => {
        const qb = this.tx.repo(ctx, FollowUpCheckEntity).createQueryBuilder('f').where('f.token_hash = :hash', { hash });
        if (lock) qb.setLock('pessimistic_write');
        return qb.getOne();
      },
      isUsed: (f) => f.status === 'answered',
      closedBecause: (f) => caseStudyClosedBecause(this.tx.manager(ctx), f.caseStudyId, lock, 'check'),
      usedMessage: 'You have already answered this check. Thank you!',
      expiredMessage: 'This link has expired.',
    });
  }
}
