import { Module } from '@nestjs/common';
import { OrganizationsRepository } from './organizations.repository';
import { OrganizationsResolver } from './organizations.resolver';
import { OrganizationsService } from './organizations.service';
import { UserMembershipsResolver } from './user-memberships.resolver';

@Module({
  providers: [OrganizationsService, OrganizationsRepository, OrganizationsResolver, UserMembershipsResolver],
  exports: [OrganizationsService, OrganizationsRepository],
})
export class OrganizationsModule {}
