import { Module } from '@nestjs/common';
import { CaseStudiesModule } from '../case-studies/case-studies.module';
import { VendorsModule } from '../vendors/vendors.module';
import { ReferencesRepository } from './references.repository';
import { ReferenceChecksService } from './reference-checks.service';
import { ReferencesResolver } from './references.resolver';
import { ReferencesService } from './references.service';

/** Client references: nominations, roster draws, the emailed questionnaire and its answers. */
@Module({
  imports: [VendorsModule, CaseStudiesModule],
  providers: [ReferencesRepository, ReferencesService, ReferenceChecksService, ReferencesResolver],
  exports: [ReferencesService, ReferencesRepository, ReferenceChecksService],
})
export class ReferencesModule {}
