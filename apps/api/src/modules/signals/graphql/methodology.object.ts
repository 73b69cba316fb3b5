import { Field, Float, ObjectType } from '@nestjs/graphql';

@ObjectType('MethodologySection', { description: 'A titled section of prose on the methodology page.' })
export class MethodologySectionObject {
  @Field({ description: 'Stable anchor, e.g. `reading` or `weights`.' }) id!: string;
  @Field() title!: string;
  @Field(() => [String]) paragraphs!: string[];
}

@ObjectType('SignalMethod', { description: 'How one signal is computed, with its formula and the constants it uses.' })
export class SignalMethodObject {
  @Field({ description: 'verifiedDelivery, claimAccuracy, productionDurability, clientEndorsement, handover, evidenceDepth, referenceResponseRate or assay' })
  key!: string;
  @Field() name!: string;
  @Field({ description: 'The question the signal answers for a buyer.' }) question!: string;
  @Field() scale!: string;
  @Field() description!: string;
  @Field({ description: 'The formula, with the constants filled in.' }) formula!: string;
  @Field(() => [String], { description: 'Dotted paths of the constants this signal uses (see `Methodology.constants`).' }) constants!: string[];
  @Field(() => [String], { description: 'What a vendor can honestly do to improve it.' }) improve!: string[];
}

@ObjectType('FlagDefinition', { description: 'An integrity flag: when it is raised, how serious it is, and what it does to the weights.' })
export class FlagDefinitionObject {
  @Field() kind!: string;
  @Field() title!: string;
  @Field({ description: 'When the flag is raised.' }) trigger!: string;
  @Field({ description: 'info, warning or serious, with the thresholds that escalate it.' }) severity!: string;
  @Field({ description: 'What the flag does to evidence weights.' }) effect!: string;
  @Field({ description: 'An example of the sentence buyers see.' }) exampleSentence!: string;
}

@ObjectType('MethodologyConstant', { description: 'One constant of the scoring code, with the value the code uses and its meaning.' })
export class MethodologyConstantObject {
  @Field({ description: 'Dotted path in the signals configuration, e.g. `recency.halfLifeDays`.' }) path!: string;
  @Field({ description: 'The value as written in the configuration (numbers in JavaScript notation).' }) value!: string;
  @Field(() => Float, { nullable: true, description: 'The value as a number; null for text constants such as the version.' }) numericValue!: number | null;
  @Field() meaning!: string;
}

@ObjectType('Methodology', { description: 'The published methodology, generated from the configuration the scoring code uses.' })
export class MethodologyObject {
  @Field({ description: 'Methodology version; stored with every materialised signal.' }) version!: string;
  @Field() title!: string;
  @Field() summary!: string;
  @Field(() => [MethodologySectionObject]) sections!: MethodologySectionObject[];
  @Field(() => [SignalMethodObject]) signals!: SignalMethodObject[];
  @Field(() => [FlagDefinitionObject]) flags!: FlagDefinitionObject[];
  @Field(() => [MethodologyConstantObject], { description: 'Every constant of the methodology.' }) constants!: MethodologyConstantObject[];
}

@ObjectType('SignalHints', { description: 'What would improve one signal: hints from the vendor’s own evidence first, then general advice.' })
export class SignalHintsObject {
  @Field({ description: 'The signal key, as in `SignalExplanation.signal`.' }) signal!: string;
  @Field(() => [String]) hints!: string[];
}
