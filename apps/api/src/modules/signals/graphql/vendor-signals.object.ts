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

@ObjectType('TrendWindow', { description: 'One window of the evidence trend: its measured outcomes, as the share of the claimed improvement reviewers verified.' })
export class TrendWindowObject {
  @Field(() => Float, { nullable: true, description: 'Mean verified share of the claimed improvement (0..1), each outcome weighted by its reviewer; null when the window holds no measured outcome.' })
  mean!: number | null;
  @Field(() => Float, { nullable: true, description: 'Lower end of the 90% interval of the mean.' }) lower!: number | null;
  @Field(() => Float, { nullable: true, description: 'Upper end of the 90% interval of the mean.' }) upper!: number | null;
  @Field(() => Int, { description: 'Measured outcomes in the window.' }) outcomes!: number;
  @Field(() => Int, { description: 'Case studies those outcomes belong to.' }) caseStudies!: number;
}

@ObjectType('EvidenceTrend', { description: 'A vendor’s recent evidence against its earlier evidence, by the dates the outcomes were measured (the comparison behind the declining_recent_evidence flag).' })
export class EvidenceTrendObject {
  @Field(() => Int, { description: 'Length of the recent window in days.' }) windowDays!: number;
  @Field({ description: 'Where the recent window starts.' }) since!: Date;
  @Field(() => TrendWindowObject) recent!: TrendWindowObject;
  @Field(() => TrendWindowObject) earlier!: TrendWindowObject;
  @Field({ description: 'Both windows hold enough outcomes from enough case studies to be compared.' }) comparable!: boolean;
  @Field({ description: 'The recent window departs from the earlier one, either way, by at least the flag’s drop and standard errors.' }) departs!: boolean;
  @Field({ description: 'It departs downwards: flagged, and the earlier outcomes weigh less.' }) declining!: boolean;
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
