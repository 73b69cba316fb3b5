import { Module } from '@nestjs/common';
import { CaseStudiesModule } from '../case-studies/case-studies.module';
import { VerificationModule } from '../verification/verification.module';
import { DisputesResolver } from './disputes.resolver';
import { DisputesService } from './disputes.service';

/** Replies to and disputes of verdicts, and their resolution (an amendment is a new verdict). */
@Module({ imports: [CaseStudiesModule, VerificationModule], providers: [DisputesService, DisputesResolver], exports: [DisputesService] })
export class DisputesModule {}
