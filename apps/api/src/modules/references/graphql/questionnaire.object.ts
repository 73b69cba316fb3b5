import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { OutcomeDirectionGql } from '../../case-studies/graphql/case-study.object';

@ObjectType('QuestionnaireOutcome')
export class QuestionnaireOutcomeObject {
  @Field(() => ID) id!: string;
  @Field() metricName!: string;
  @Field() unit!: string;
  @Field(() => OutcomeDirectionGql) direction!: OutcomeDirectionGql;
  @Field(() => Float) baselineValue!: number;
  @Field(() => Float) claimedValue!: number;
}

@ObjectType('ReferenceQuestionnaire', { description: 'What a reference sees behind their emailed link.' })
export class ReferenceQuestionnaireObject {
  @Field() contactName!: string;
  @Field() vendorName!: string;
  @Field() caseStudyTitle!: string;
  @Field() clientName!: string;
  @Field() problem!: string;
  @Field(() => [QuestionnaireOutcomeObject]) outcomes!: QuestionnaireOutcomeObject[];
  @Field() expiresAt!: Date;
}

@InputType()
export class OutcomeAnswerInput {
  @Field(() => ID) outcomeClaimId!: string;
  @Field({ description: 'yes, partly, no or cant_say' }) achieved!: string;
  @Field(() => Float, { nullable: true }) observedValue?: number | null;
}

@InputType()
export class ReferenceAnswerInput {
  @Field(() => [OutcomeAnswerInput]) outcomes!: OutcomeAnswerInput[];
  @Field({ description: 'yes, no or dont_know' }) inProduction!: string;
  @Field(() => Int, { nullable: true, description: 'Can the client team run it without the vendor? 1–5' }) handoverRating?: number | null;
  @Field(() => Int, { nullable: true }) onTime?: number | null;
  @Field(() => Int, { nullable: true }) onBudget?: number | null;
  @Field(() => Int, { nullable: true }) communication?: number | null;
  @Field() wouldHireAgain!: boolean;
  @Field({ defaultValue: '' }) comments!: string;
}
