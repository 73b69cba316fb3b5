import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('MailMessage', { description: 'An outgoing mail as admins see it in the outbox.' })
export class MailMessageObject {
  @Field(() => ID) id!: string;
  @Field() to!: string;
  @Field() subject!: string;
  @Field() text!: string;
  @Field({ description: 'queued, sent or failed' }) status!: string;
  @Field(() => String, { nullable: true, description: 'smtp, or outbox when SMTP is not configured' }) transport!: string | null;
  @Field(() => Int) attempts!: number;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) sentAt!: Date | null;
}

@ObjectType('MailMessagePage')
export class MailMessagePageObject {
  @Field(() => [MailMessageObject]) items!: MailMessageObject[];
  @Field(() => Int) total!: number;
}
