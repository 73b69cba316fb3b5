import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SignalsPipelineStatus', { description: 'Admins: how far the signals lag the evidence (the evidence outbox and its drain job).' })
export class SignalsPipelineStatusObject {
  @Field(() => Int, { description: 'VendorEvidenceChanged events not yet drained.' }) pendingEvents!: number;
  @Field(() => Int, { description: 'Vendors named by those events (their dependents are found when drained).' }) pendingVendors!: number;
  @Field(() => Date, { nullable: true }) oldestPendingAt!: Date | null;
  @Field(() => Float, { nullable: true, description: 'Age of the oldest pending event, in seconds.' }) oldestPendingAgeSeconds!: number | null;
  @Field(() => Int, { description: 'Drain jobs waiting for a worker.' }) drainJobsWaiting!: number;
  @Field(() => Int, { description: 'Drain jobs being worked now.' }) drainJobsActive!: number;
  @Field(() => Date, { nullable: true, description: 'When the drain or a full recompute last stored a vendor’s signals with explanations.' }) lastRefreshAt!: Date | null;
  @Field(() => Int) vendorsWithSignals!: number;
}
