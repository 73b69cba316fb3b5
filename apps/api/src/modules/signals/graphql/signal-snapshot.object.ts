import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SignalSnapshot', { description: 'The Assay score as it stood after one change of the evidence.' })
export class SignalSnapshotObject {
  @Field() computedAt!: Date;
  @Field(() => Float) assayMean!: number;
  @Field(() => Float) assayLower!: number;
  @Field(() => Float) assayUpper!: number;
  @Field(() => Int) verifiedCaseStudies!: number;
}
