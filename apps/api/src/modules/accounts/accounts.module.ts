import { Module } from '@nestjs/common';
import { AccountsResolver } from './accounts.resolver';
import { AccountsService } from './accounts.service';
import { EmailVerificationService } from './email-verification.service';
import { PasswordHasher } from './passwords';
import { SessionsRepository } from './sessions.repository';
import { SignInDevices } from './sign-in-devices';
import { SignInThrottle } from './sign-in-throttle';
import { UsersRepository } from './users.repository';

@Module({
  providers: [AccountsService, EmailVerificationService, AccountsResolver, PasswordHasher, SessionsRepository, UsersRepository, SignInThrottle, SignInDevices],
  exports: [AccountsService, UsersRepository],
})
export class AccountsModule {}
