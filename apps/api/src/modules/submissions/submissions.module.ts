import { Module } from '@nestjs/common';
import { CaseStudiesModule } from '../case-studies/case-studies.module';
import { ReferencesModule } from '../references/references.module';
import { VerificationCoreModule } from '../verification/verification-core.module';
import { SubmissionsResolver } from './submissions.resolver';
import { SubmissionsService } from './submissions.service';

@Module({ imports: [CaseStudiesModule, ReferencesModule, VerificationCoreModule], providers: [SubmissionsService, SubmissionsResolver], exports: [SubmissionsService] })
export class SubmissionsModule {}
