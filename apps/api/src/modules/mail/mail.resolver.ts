import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { badInput } from '../../common/errors';
import { Ctx } from '../../common/graphql-context';
import type { RequestContext } from '../../common/request-context';
import { MailMessagePageObject } from './graphql/mail-message.object';
import { MailService } from './mail.service';

@Resolver()
export class MailResolver {
  constructor(private readonly mail: MailService) {}

  @Query(() => MailMessagePageObject, { description: 'Admins only: every mail Assay sent or kept in the development outbox.' })
  async outbox(
    @Ctx() ctx: RequestContext,
    @Args('limit', { type: () => Int, defaultValue: 25 }) limit: number,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
  ): Promise<MailMessagePageObject> {
    if (limit < 1 || limit > 100) throw badInput('Ask for between 1 and 100 mails at a time.', [{ field: 'limit', message: 'Between 1 and 100.' }]);
    if (offset < 0) throw badInput('The offset cannot be negative.', [{ field: 'offset', message: 'Zero or more.' }]);
    const [rows, total] = await this.mail.list(ctx, limit, offset);
    return {
      total,
      items: rows.map((m) => ({
        id: m.id,
        to: m.toAddress,
        subject: m.subject,
        text: m.textBody,
        status: m.status,
        transport: m.transport,
        attempts: m.attempts,
        createdAt: m.createdAt,
        sentAt: m.sentAt,
      })),
    };
  }
}
