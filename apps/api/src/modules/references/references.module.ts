import { Module } from '@nestjs/common';
import { VendorsModule } from '../vendors/vendors.module';
import { ReferencesRepository } from './references.repository';
import { ReferenceChecksService } from './reference-checks.service';
import { ReferencesService } from './references.service';

@Module({
  imports: [VendorsModule],
  providers: [ReferencesRepository, ReferencesService, ReferenceChecksService],
  exports: [ReferencesService, ReferencesRepository, ReferenceChecksService],
})
export class ReferencesModule {}
