import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { CaseStudyObject, HandoverGql, ProductionStatusGql } from '../../case-studies/graphql/case-study.object';
import { ReferenceRequestObject } from '../../references/graphql/reference-request.object';

@ObjectType('ReviewerAffiliation')
export class ReviewerAffiliationObject {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true }) organizationId!: string | null;
  @Field(() => String, { nullable: true }) domain!: string | null;
  @Field() note!: string;
  @Field() declaredAt!: Date;
}

@ObjectType('Reviewer')
export class ReviewerObject {
  @Field(() => ID) userId!: string;
  @Field() email!: string;
  @Field() displayName!: string;
  @Field() accreditedAt!: Date;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
  @Field(() => Int) spotChecksAgreed!: number;
  @Field(() => Int) spotChecksTotal!: number;
  @Field(() => [String], { description: 'Capabilities (vendor taxonomy keys) the reviewer declared they can judge.' }) expertise!: string[];
  @Field(() => [ReviewerAffiliationObject]) affiliations!: ReviewerAffiliationObject[];
}

@ObjectType('QueuedTask', { description: 'A verification task waiting for a reviewer.' })
export class QueuedTaskObject {
  @Field(() => ID) id!: string;
  @Field({ description: 'primary (first verdict) or spot_check (an independent check of a verdict)' }) kind!: string;
  @Field({ description: 'open (waiting for an eligible reviewer), offered or leased' }) status!: string;
  @Field(() => ID) caseStudyId!: string;
  @Field() title!: string;
  @Field() vendorName!: string;
  @Field() clientName!: string;
  @Field(() => Int) outcomeCount!: number;
  @Field() createdAt!: Date;
  @Field(() => ID, { nullable: true, description: 'Admins: the reviewer the task is offered to.' }) offeredToId!: string | null;
  @Field(() => Date, { nullable: true, description: 'When the offer lapses and the task goes to another drawn reviewer.' }) offerExpiresAt!: Date | null;
  @Field(() => ID, { nullable: true, description: 'Admins: the reviewer holding the task.' }) leasedToId!: string | null;
  @Field(() => [String], { description: 'For a check: why it exists (random, new_reviewer, more_favourable_than_other_evidence, high_impact_claim, admin, tie_break).' }) checkReasons!: string[];
}

@ObjectType('OutcomeAnswer')
export class OutcomeAnswerObject {
  @Field(() => ID) outcomeClaimId!: string;
  @Field({ description: 'yes, partly, no or cant_say' }) achieved!: string;
  @Field(() => Float, { nullable: true }) observedValue!: number | null;
}

@ObjectType('ReferenceAnswer')
export class ReferenceAnswerObject {
  @Field() declined!: boolean;
  @Field(() => String, { nullable: true }) declineReason!: string | null;
  @Field(() => [OutcomeAnswerObject]) outcomes!: OutcomeAnswerObject[];
  @Field(() => String, { nullable: true }) inProduction!: string | null;
  @Field(() => Int, { nullable: true }) handoverRating!: number | null;
  @Field(() => Int, { nullable: true }) onTime!: number | null;
  @Field(() => Int, { nullable: true }) onBudget!: number | null;
  @Field(() => Int, { nullable: true }) communication!: number | null;
  @Field(() => Boolean, { nullable: true }) wouldHireAgain!: boolean | null;
  @Field() comments!: string;
  @Field() answeredAt!: Date;
}

@ObjectType('ReferenceWithAnswer')
export class ReferenceWithAnswerObject extends ReferenceRequestObject {
  @Field(() => ReferenceAnswerObject, { nullable: true }) answer!: ReferenceAnswerObject | null;
}

@ObjectType('VerificationTask', { description: 'A task as its reviewer sees it: claims, evidence and reference answers side by side.' })
export class VerificationTaskObject {
  @Field(() => ID) id!: string;
  @Field() kind!: string;
  @Field(() => [String], { description: 'For a check: why it exists. The verdict it checks is not shown (the check is blind).' }) checkReasons!: string[];
  @Field() status!: string;
  @Field(() => Date, { nullable: true }) leaseExpiresAt!: Date | null;
  @Field(() => CaseStudyObject) caseStudy!: CaseStudyObject;
  @Field(() => [ReferenceWithAnswerObject]) references!: ReferenceWithAnswerObject[];
}

@ObjectType('MlRubric')
export class MlRubricObject {
  @Field(() => Boolean, { nullable: true }) properBaseline!: boolean | null;
  @Field(() => Boolean, { nullable: true }) heldOutOrOnlineEvaluation!: boolean | null;
  @Field(() => Boolean, { nullable: true }) leakageChecked!: boolean | null;
  @Field(() => Boolean, { nullable: true }) monitoringInProduction!: boolean | null;
  @Field(() => String, { nullable: true, description: 'For the vendor, reviewers and admins only.' }) notes!: string | null;
}

@ObjectType('VerdictOutcome')
export class VerdictOutcomeObject {
  @Field(() => ID) outcomeClaimId!: string;
  @Field() result!: string;
  @Field(() => Float, { nullable: true }) verifiedValue!: number | null;
  @Field(() => Float, { description: 'Verified improvement ÷ claimed improvement, 0..1.' }) verifiedShare!: number;
}

@ObjectType('Verdict')
export class VerdictObject {
  @Field(() => ID) id!: string;
  @Field(() => ID) caseStudyId!: string;
  @Field({ description: 'primary, spot_check or amendment' }) kind!: string;
  @Field() status!: string;
  @Field(() => ProductionStatusGql) productionStatus!: ProductionStatusGql;
  @Field(() => HandoverGql) handover!: HandoverGql;
  @Field(() => MlRubricObject) rubric!: MlRubricObject;
  @Field(() => String, { nullable: true, description: "The reviewer's notes: for the vendor, reviewers and admins only (they may describe the client's systems)." }) notes!: string | null;
  @Field(() => [VerdictOutcomeObject]) outcomes!: VerdictOutcomeObject[];
  @Field(() => ID, { nullable: true }) supersedesId!: string | null;
  @Field(() => ID, { nullable: true }) supersededById!: string | null;
  @Field() createdAt!: Date;
  // `replies` and `disputes` are resolved by the disputes module.
}

@InputType()
export class AffiliationInput {
  @Field(() => ID, { nullable: true }) organizationId?: string | null;
  @Field(() => String, { nullable: true }) domain?: string | null;
  @Field({ defaultValue: '' }) note!: string;
}

@InputType()
export class VerdictOutcomeInput {
  @Field(() => ID) outcomeClaimId!: string;
  @Field({ description: 'verified, partially_verified, refuted or unverifiable' }) result!: string;
  @Field(() => Float, { nullable: true }) verifiedValue?: number | null;
}

@InputType()
export class MlRubricInput {
  @Field(() => Boolean, { nullable: true }) properBaseline?: boolean | null;
  @Field(() => Boolean, { nullable: true }) heldOutOrOnlineEvaluation?: boolean | null;
  @Field(() => Boolean, { nullable: true }) leakageChecked?: boolean | null;
  @Field(() => Boolean, { nullable: true }) monitoringInProduction?: boolean | null;
  @Field({ defaultValue: '' }) notes!: string;
}

@InputType()
export class VerdictFindingsInput {
  @Field(() => [VerdictOutcomeInput]) outcomes!: VerdictOutcomeInput[];
  @Field(() => ProductionStatusGql) productionStatus!: ProductionStatusGql;
  @Field(() => HandoverGql) handover!: HandoverGql;
  @Field(() => MlRubricInput) rubric!: MlRubricInput;
  @Field({ defaultValue: '' }) notes!: string;
}

@InputType()
export class SubmitVerdictInput extends VerdictFindingsInput {
  @Field(() => ID) taskId!: string;
  @Field({ description: 'Your conflict-of-interest declaration, in your words ("none" if none).' }) conflictDeclaration!: string;
  @Field({ description: 'You confirm you have no conflict with the consultancy or the client.' }) noConflictOfInterest!: boolean;
}

@InputType()
export class DeclineTaskInput {
  @Field(() => ID) taskId!: string;
  @Field({ description: 'Why you decline, in a few words (recorded).' }) reason!: string;
}
