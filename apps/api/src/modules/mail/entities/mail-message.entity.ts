import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type MailStatus = 'queued' | 'sent' | 'failed';

/**
 * Every outgoing mail is first written here (in the transaction of the fact that
 * caused it), then delivered by a job. Without SMTP_URL this table is the
 * development outbox that admins read in the web app.
 */
@Entity('mail_messages')
export class MailMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Same key, same mail: a retried cause never queues a second copy. */
  @Column({ name: 'idempotency_key', type: 'text', unique: true })
  idempotencyKey!: string;

  @Column({ name: 'to_address', type: 'text' })
  toAddress!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ name: 'text_body', type: 'text' })
  textBody!: string;

  @Column({ type: 'text', default: 'queued' })
  status!: MailStatus;

  @Column({ type: 'text', nullable: true })
  transport!: 'smtp' | 'outbox' | null;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
