import { Module } from '@nestjs/common';
import { VendorsModule } from '../vendors/vendors.module';
import { ReferencesRepository } from './references.repository';
import { ReferencesService } from './references.service';

@Module({
  imports: [VendorsModule],
  providers: [ReferencesRepository, ReferencesService],
  exports: [ReferencesService, ReferencesRepository],
})
export class ReferencesModule {}
