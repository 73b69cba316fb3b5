import { Module } from '@nestjs/common';
import { RosterRepository } from './roster.repository';
import { RosterResolver } from './roster.resolver';
import { RosterService } from './roster.service';
import { VendorAccessPolicy } from './vendor-access';
import { VendorDomainsRepository } from './vendor-domains.repository';
import { VendorDomainsResolver } from './vendor-domains.resolver';
import { VendorDomainsService } from './vendor-domains.service';
import { VendorsRepository } from './vendors.repository';
import { VendorsResolver } from './vendors.resolver';
import { VendorsService } from './vendors.service';

@Module({
  providers: [
    VendorsRepository,
    VendorsService,
    VendorsResolver,
    VendorAccessPolicy,
    VendorDomainsRepository,
    VendorDomainsService,
    VendorDomainsResolver,
    RosterRepository,
    RosterService,
    RosterResolver,
  ],
  // VendorDomainsRepository.verifiedDomains and RosterRepository.drawRosterEntries serve the reference rules.
  exports: [VendorsRepository, VendorsService, VendorDomainsRepository, RosterRepository],
})
export class VendorsModule {}
