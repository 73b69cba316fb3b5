import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { HandoverGql, MeasurementMethodGql, OutcomeDirectionGql, ProductionStatusGql } from './case-study.object';

@InputType()
export class OutcomeClaimInput {
  @Field() metricName!: string;
  @Field() unit!: string;
  @Field(() => OutcomeDirectionGql) direction!: OutcomeDirectionGql;
  @Field(() => Float) baselineValue!: number;
  @Field(() => Float) claimedValue!: number;
  @Field({ description: 'ISO date, e.g. 2025-03-31.' }) measuredAt!: string;
  @Field(() => MeasurementMethodGql) measurementMethod!: MeasurementMethodGql;
  @Field(() => String, { nullable: true, description: 'How it was measured; required when the method is "other".' }) methodNote?: string | null;
}

@InputType()
export class CaseStudyClientInput {
  @Field() name!: string;
  @Field({ description: 'The client organization\'s web/email domain, e.g. acme.com.' }) domain!: string;
  @Field({ defaultValue: false }) anonymised!: boolean;
  @Field(() => String, { nullable: true, description: 'Shown to buyers when anonymised, e.g. "a European retailer".' }) descriptor?: string | null;
}

@InputType()
export class CaseStudyInput {
  @Field() title!: string;
  @Field(() => CaseStudyClientInput) client!: CaseStudyClientInput;
  @Field({ defaultValue: '' }) problem!: string;
  @Field({ defaultValue: '' }) approach!: string;
  @Field(() => String, { nullable: true }) startedOn?: string | null;
  @Field(() => String, { nullable: true }) endedOn?: string | null;
  @Field(() => Int, { nullable: true }) teamSize?: number | null;
  @Field(() => [String], { defaultValue: [] }) stackTags!: string[];
  @Field(() => ProductionStatusGql) productionStatus!: ProductionStatusGql;
  @Field(() => String, { nullable: true }) productionSince?: string | null;
  @Field(() => String, { nullable: true }) retiredOn?: string | null;
  @Field(() => HandoverGql) handover!: HandoverGql;
  @Field(() => [OutcomeClaimInput]) outcomes!: OutcomeClaimInput[];
}

@InputType()
export class CreateCaseStudyInput extends CaseStudyInput {
  @Field(() => ID) vendorId!: string;
}

@InputType()
export class UpdateCaseStudyInput extends CaseStudyInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'The version you edited; a stale version is refused so no edit is lost.' }) expectedVersion!: number;
}
