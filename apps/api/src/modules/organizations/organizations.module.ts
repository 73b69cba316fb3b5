import { Module } from '@nestjs/common';
import { VendorsModule } from '../vendors/vendors.module';
import { OrganizationsRepository } from './organizations.repository';
import { OrganizationsResolver } from './organizations.resolver';
import { OrganizationsService } from './organizations.service';

@Module({
  imports: [VendorsModule],
  providers: [OrganizationsService, OrganizationsRepository, OrganizationsResolver],
  exports: [OrganizationsService, OrganizationsRepository],
})
export class OrganizationsModule {}
