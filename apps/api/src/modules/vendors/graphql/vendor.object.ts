import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('VendorSummary', { description: 'A consultancy as the directory lists it.' })
export class VendorSummaryObject {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() slug!: string;
  @Field(() => String, { nullable: true }) website!: string | null;
  @Field() description!: string;
  @Field(() => [String], { description: 'Capability keys from the fixed taxonomy.' }) capabilities!: string[];
  @Field(() => [String]) industries!: string[];
  @Field(() => [String]) regions!: string[];
  @Field(() => Int, { nullable: true }) teamSize!: number | null;
  @Field(() => String, { nullable: true }) rateBand!: string | null;
}

@ObjectType('VendorConnection')
export class VendorConnectionObject {
  @Field(() => [VendorSummaryObject]) nodes!: VendorSummaryObject[];
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page.' }) endCursor!: string | null;
  @Field() hasNextPage!: boolean;
  @Field(() => Int) totalCount!: number;
}

@ObjectType('TaxonomyEntry')
export class TaxonomyEntryObject {
  @Field() key!: string;
  @Field() label!: string;
}

@ObjectType('Taxonomy', { description: 'The fixed lists vendors choose from and buyers filter by.' })
export class TaxonomyObject {
  @Field(() => [TaxonomyEntryObject]) capabilities!: TaxonomyEntryObject[];
  @Field(() => [TaxonomyEntryObject]) industries!: TaxonomyEntryObject[];
  @Field(() => [TaxonomyEntryObject]) regions!: TaxonomyEntryObject[];
  @Field(() => [TaxonomyEntryObject]) rateBands!: TaxonomyEntryObject[];
}
