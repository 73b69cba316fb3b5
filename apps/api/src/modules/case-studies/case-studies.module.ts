import { Module } from '@nestjs/common';
import { EvidenceModule } from '../evidence/evidence.module';
import { CaseStudiesRepository } from './case-studies.repository';
import { CaseStudiesResolver } from './case-studies.resolver';
import { CaseStudiesService } from './case-studies.service';

/** Case studies and their outcome claims: drafts, revisions, withdrawal. Submission lives in the submissions module. */
@Module({
  imports: [EvidenceModule],
  providers: [CaseStudiesRepository, CaseStudiesService, CaseStudiesResolver],
  exports: [CaseStudiesService, CaseStudiesRepository],
})
export class CaseStudiesModule {}
