import { Module } from '@nestjs/common';
import { CaseStudiesModule } from '../case-studies/case-studies.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ClientConfirmationsRepository } from './client-confirmations.repository';
import { ClientConfirmationsResolver } from './client-confirmations.resolver';
import { ClientConfirmationsService } from './client-confirmations.service';

/** Buyer organisations as clients: proven domains, and their own answers about case studies that name them. */
@Module({
  imports: [CaseStudiesModule, OrganizationsModule],
  providers: [ClientConfirmationsRepository, ClientConfirmationsService, ClientConfirmationsResolver],
  exports: [ClientConfirmationsService],
})
export class ClientConfirmationsModule {}
