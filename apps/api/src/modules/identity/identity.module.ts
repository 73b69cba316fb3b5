import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { ClientDomainStandingService } from './client-domain-standing.service';
import { ConflictRequeueService } from './conflict-requeue.service';
import { DOMAIN_FACTS } from './domain-facts.port';
import { MEMBERSHIP_JOINED_HOOK } from '../organizations/membership-joined.hook';
import { SystemDomainFacts } from './system-domain-facts';

/** Identity facts from the outside world: the one DNS/RDAP resolver (system resolver unless DNS_SERVERS is set). */
@Global()
@Module({
  providers: [{ provide: DOMAIN_FACTS, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new SystemDomainFacts(config.identity) }, ConflictRequeueService, ClientDomainStandingService, { provide: MEMBERSHIP_JOINED_HOOK, useExisting: ConflictRequeueService }],
  exports: [DOMAIN_FACTS, ConflictRequeueService, ClientDomainStandingService, MEMBERSHIP_JOINED_HOOK],
})
export class IdentityModule {}
