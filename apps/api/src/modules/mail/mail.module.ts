import { Global, Module } from '@nestjs/common';
import { MailResolver } from './mail.resolver';
import { MailService } from './mail.service';

@Global()
@Module({ providers: [MailService, MailResolver], exports: [MailService] })
export class MailModule {}
