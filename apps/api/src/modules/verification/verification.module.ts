import { Module } from '@nestjs/common';
import { CaseStudiesModule } from '../case-studies/case-studies.module';
import { ReferencesModule } from '../references/references.module';
import { VendorsModule } from '../vendors/vendors.module';
import { DisputesService } from './disputes.service';
import { FollowUpsService } from './follow-ups.service';
import { ReviewersService } from './reviewers.service';
import { VerificationCoreModule } from './verification-core.module';
import { VerificationResolver } from './verification.resolver';
import { VerificationService } from './verification.service';

@Module({
  imports: [CaseStudiesModule, ReferencesModule, VendorsModule, VerificationCoreModule],
  providers: [ReviewersService, VerificationService, DisputesService, FollowUpsService, VerificationResolver],
  exports: [VerificationService, ReviewersService, FollowUpsService],
})
export class VerificationModule {}
