import { Module } from '@nestjs/common';
import { AccountsResolver } from './accounts.resolver';
import { AccountsService } from './accounts.service';
import { PasswordHasher } from './passwords';
import { SessionsRepository } from './sessions.repository';
import { UsersRepository } from './users.repository';

@Module({
  providers: [AccountsService, AccountsResolver, PasswordHasher, SessionsRepository, UsersRepository],
  exports: [AccountsService, UsersRepository],
})
export class AccountsModule {}
