import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SignalEstimate', { description: 'A posterior point estimate with its 90% credible interval (0..1, except evidence depth).' })
export class SignalEstimateObject {
  @Field(() => Float) mean!: number;
  @Field(() => Float) lower!: number;
  @Field(() => Float) upper!: number;
  @Field(() => Int, { description: 'Evidence items that entered the estimate (including zero-weight ones).' }) evidenceCount!: number;
  @Field(() => Float, { description: 'Sum of evidence weights: how many fully trusted, fresh observations the evidence is worth.' }) effectiveN!: number;
}

@ObjectType('IntegrityFlag')
export class IntegrityFlagObject {
  @Field() kind!: string;
  @Field({ description: 'info, warning or serious' }) severity!: string;
  @Field({ description: 'One sentence for buyers.' }) sentence!: string;
  @Field({ description: 'What the flag does to the weights.' }) effect!: string;
}

@ObjectType('WeightFactor')
export class WeightFactorObject {
  @Field() factor!: string;
  @Field(() => Float) value!: number;
}

@ObjectType('ExplanationItem', { description: 'One evidence item, its weight and how much it moved the signal.' })
export class ExplanationItemObject {
  @Field() evidenceId!: string;
  @Field(() => String, { nullable: true }) caseStudyId!: string | null;
  @Field() kind!: string;
  @Field(() => Float) weight!: number;
  @Field(() => [WeightFactorObject]) factors!: WeightFactorObject[];
  @Field(() => Float, { description: 'Change of the mean caused by this item (with it − without it).' }) effect!: number;
  @Field() sentence!: string;
}

@ObjectType('SignalExplanation')
export class SignalExplanationObject {
  @Field({ description: 'verifiedDelivery, claimAccuracy, productionDurability, clientEndorsement, handover, evidenceDepth, referenceResponseRate or assay' }) signal!: string;
  @Field(() => [ExplanationItemObject]) items!: ExplanationItemObject[];
  @Field(() => Int, { description: 'Evidence items that also moved this signal but are not listed ("and N more").' }) moreCount!: number;
}

@ObjectType('VendorSignals', { description: "A vendor's quality signals with honest uncertainty, integrity flags and explanations." })
export class VendorSignalsObject {
  @Field(() => SignalEstimateObject, { description: 'The overall Assay score; ranking uses its lower bound by default.' }) assay!: SignalEstimateObject;
  @Field(() => SignalEstimateObject) verifiedDelivery!: SignalEstimateObject;
  @Field(() => SignalEstimateObject) claimAccuracy!: SignalEstimateObject;
  @Field(() => SignalEstimateObject) productionDurability!: SignalEstimateObject;
  @Field(() => SignalEstimateObject) clientEndorsement!: SignalEstimateObject;
  @Field(() => SignalEstimateObject) handover!: SignalEstimateObject;
  @Field(() => SignalEstimateObject, { description: 'Effective number of independent verified sources (not 0..1).' }) evidenceDepth!: SignalEstimateObject;
  @Field(() => SignalEstimateObject) referenceResponseRate!: SignalEstimateObject;
  @Field(() => [IntegrityFlagObject]) flags!: IntegrityFlagObject[];
  @Field(() => Int) verifiedCaseStudies!: number;
  @Field(() => Date, { nullable: true }) lastVerifiedAt!: Date | null;
  @Field() computedAt!: Date;
  @Field() configVersion!: string;
  /** Not in the schema: whose signals these are, so the explanations field can load them on demand. */
  vendorId?: string;
}
