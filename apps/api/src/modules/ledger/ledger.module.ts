import { Global, Module } from '@nestjs/common';
import { LedgerController } from './ledger.controller';
import { LedgerRepository } from './ledger.repository';
import { LedgerResolver } from './ledger.resolver';
import { LedgerService } from './ledger.service';

/**
 * The verification ledger. Global and dependent on nothing but the database and
 * the job queue, so every feature can append to it inside its own transaction
 * without an import cycle.
 */
@Global()
@Module({
  controllers: [LedgerController],
  providers: [LedgerRepository, LedgerService, LedgerResolver],
  exports: [LedgerService],
})
export class LedgerModule {}
