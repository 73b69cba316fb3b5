import { Module } from '@nestjs/common';
import { FollowUpsResolver } from './follow-ups.resolver';
import { FollowUpsService } from './follow-ups.service';

/** +6/+12-month production checks: scheduled on verification, mailed by a job, answered through a link. */
@Module({ providers: [FollowUpsService, FollowUpsResolver], exports: [FollowUpsService] })
export class FollowUpsModule {}
