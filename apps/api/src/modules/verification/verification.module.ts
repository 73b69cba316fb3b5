import { Module } from '@nestjs/common';
import { CaseStudiesModule } from '../case-studies/case-studies.module';
import { FollowUpsModule } from '../follow-ups/follow-ups.module';
import { ReferencesModule } from '../references/references.module';
import { VendorsModule } from '../vendors/vendors.module';
import { AnonymityFlagsResolver } from './anonymity-flags.resolver';
import { AnonymityFlagsService } from './anonymity-flags.service';
import { ReviewerEligibilityService } from './reviewer-eligibility.service';
import { ReviewersService } from './reviewers.service';
import { TaskAssignmentService } from './task-assignment.service';
import { VerificationCoreModule } from './verification-core.module';
import { VerificationResolver } from './verification.resolver';
import { VerificationService } from './verification.service';

/** Reviewers, drawn task offers, blind checks and verdicts (disputes and follow-ups are modules of their own). */
@Module({
  imports: [CaseStudiesModule, ReferencesModule, VendorsModule, VerificationCoreModule, FollowUpsModule],
  providers: [ReviewersService, ReviewerEligibilityService, TaskAssignmentService, VerificationService, VerificationResolver, AnonymityFlagsService, AnonymityFlagsResolver],
  exports: [VerificationService, ReviewersService, TaskAssignmentService],
})
export class VerificationModule {}
