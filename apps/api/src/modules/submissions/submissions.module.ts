import { Module } from '@nestjs/common';
import { CaseStudiesModule } from '../case-studies/case-studies.module';
import { ReferencesModule } from '../references/references.module';
import { VerificationModule } from '../verification/verification.module';
import { SubmissionsResolver } from './submissions.resolver';
import { SubmissionsService } from './submissions.service';

@Module({ imports: [CaseStudiesModule, ReferencesModule, VerificationModule], providers: [SubmissionsService, SubmissionsResolver], exports: [SubmissionsService] })
export class SubmissionsModule {}
