import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { SearchModule } from '../search/search.module';
import { ShortlistsRepository } from './shortlists.repository';
import { ShortlistItemResolver, ShortlistsResolver } from './shortlists.resolver';
import { ShortlistsService } from './shortlists.service';

@Module({
  imports: [SearchModule, MailModule],
  providers: [ShortlistsRepository, ShortlistsService, ShortlistsResolver, ShortlistItemResolver],
  exports: [ShortlistsService],
})
export class ShortlistsModule {}
