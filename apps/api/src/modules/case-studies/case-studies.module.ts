import { Module } from '@nestjs/common';
import { EvidenceModule } from '../evidence/evidence.module';
import { ReferencesModule } from '../references/references.module';
import { VerificationCoreModule } from '../verification/verification-core.module';
import { CaseStudiesRepository } from './case-studies.repository';
import { CaseStudiesResolver } from './case-studies.resolver';
import { CaseStudiesService } from './case-studies.service';

@Module({
  imports: [ReferencesModule, VerificationCoreModule, EvidenceModule],
  providers: [CaseStudiesRepository, CaseStudiesService, CaseStudiesResolver],
  exports: [CaseStudiesService, CaseStudiesRepository],
})
export class CaseStudiesModule {}
