import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';
import { JobsService } from '../jobs/jobs.service';
import { MailMessageEntity } from './entities/mail-message.entity';

export interface OutgoingMail {
  /** Same key → same mail, however often the cause is retried. */
  idempotencyKey: string;
  to: string;
  subject: string;
  text: string;
}

export const MAIL_SEND_JOB = 'mail.send';

/**
 * Mail is queued in `mail_messages` inside the caller's transaction, then sent by a
 * pg-boss job over SMTP (SMTP_URL) or kept as the development outbox when SMTP is unset.
 */
@Injectable()
export class MailService implements OnModuleInit {
  private readonly logger = new Logger('Mail');
  private transporter?: Transporter;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    if (this.config.smtpUrl) this.transporter = createTransport(this.config.smtpUrl);
    this.jobs.define<{ mailId: string }>({
      name: MAIL_SEND_JOB,
      retryLimit: 8,
      retryDelaySeconds: this.config.mailRetryDelaySeconds,
      // A send that has not finished in this time (default a minute) died with its worker: pg-boss hands it to another.
      expireInSeconds: this.config.mailSendTimeoutSeconds,
      handler: ({ mailId }) => this.deliver(mailId),
    });
  }

  /** Queues a mail in the current transaction; returns false when this key was already queued. */
  async queue(ctx: RequestContext, mail: OutgoingMail): Promise<boolean> {
    return this.tx.run(ctx, async (tx) => {
      const inserted = await this.tx
        .repo(tx, MailMessageEntity)
        .createQueryBuilder()
        .insert()
        .values({ idempotencyKey: mail.idempotencyKey, toAddress: mail.to, subject: mail.subject, textBody: mail.text })
        .orIgnore()
        .returning(['id'])
        .execute();
      const id = (inserted.raw[0] as { id?: string } | undefined)?.id;
      if (!id) return false;
      await this.jobs.send(tx, MAIL_SEND_JOB, { mailId: id }, { singletonKey: id });
      return true;
    });
  }

  /**
   * Sends one queued mail. The row is locked while sending and marked sent in the
   * same transaction, so a job that runs twice sends the mail once.
   */
  async deliver(mailId: string): Promise<void> {
    await this.tx.run(RequestContext.system(), async (tx) => {
      const repo = this.tx.repo(tx, MailMessageEntity);
      const mail = await repo.createQueryBuilder('m').setLock('pessimistic_write').where('m.id = :mailId', { mailId }).getOne();
      if (!mail || mail.status === 'sent') return;
      mail.attempts += 1;
      if (!this.transporter) {
        Object.assign(mail, { status: 'sent', transport: 'outbox', sentAt: new Date(), lastError: null });
        await repo.save(mail);
        this.logger.log(`Kept mail ${mail.id} to ${mail.toAddress} in the development outbox (SMTP_URL is not set)`);
        return;
      }
      await this.transporter.sendMail({
        from: this.config.mailFrom,
        to: mail.toAddress,
        subject: mail.subject,
        text: mail.textBody,
        messageId: `<${mail.id}@assay>`,
        headers: { 'X-Assay-Idempotency-Key': mail.idempotencyKey },
      });
      Object.assign(mail, { status: 'sent', transport: 'smtp', sentAt: new Date(), lastError: null });
      await repo.save(mail);
      this.logger.log(`Sent mail ${mail.id} to ${mail.toAddress}`);
    });
  }

  /** Newest first; the admin outbox page. */
  list(ctx: RequestContext, limit: number, offset: number): Promise<[MailMessageEntity[], number]> {
    return this.tx.repo(ctx, MailMessageEntity).findAndCount({ order: { createdAt: 'DESC' }, take: limit, skip: offset });
  }
}
