import { Field, Float, InputType, Int, registerEnumType } from '@nestjs/graphql';

export enum VendorSearchSortGql {
  best_match = 'best_match',
  assay_lower = 'assay_lower',
  assay_mean = 'assay_mean',
  evidence_depth = 'evidence_depth',
  recently_verified = 'recently_verified',
}
registerEnumType(VendorSearchSortGql, {
  name: 'VendorSearchSort',
  description: 'best_match (the default with a text query: exact name, then names starting with the text, then close names, then other matches; the Assay lower bound within each), assay_lower (the default without text: thin evidence ranks conservatively), assay_mean, evidence_depth or recently_verified. Vendors without signals come last.',
});

@InputType('VendorSearchInput', { description: 'Every filter is optional; values within one list are alternatives (any of them), different filters all apply.' })
export class VendorSearchInput {
  @Field(() => String, { nullable: true, description: 'Words in the web-search syntax ("quoted phrase", -excluded, or); misspelt names still match.' }) text?: string | null;
  @Field(() => [String], { nullable: true }) capabilities?: string[] | null;
  @Field(() => [String], { nullable: true }) industries?: string[] | null;
  @Field(() => [String], { nullable: true }) regions?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Team-size buckets: 1_10, 11_50, 51_200, over_200.' }) teamSizes?: string[] | null;
  @Field(() => [String], { nullable: true }) rateBands?: string[] | null;
  @Field(() => Int, { nullable: true }) minVerifiedCaseStudies?: number | null;
  @Field(() => Float, { nullable: true, description: 'Minimum lower bound of the Assay score’s 90% interval (0..1).' }) minAssayLower?: number | null;
  @Field(() => Float, { nullable: true, description: 'Minimum production durability estimate (0..1).' }) minProductionDurability?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Leave out consultancies with warning or serious integrity flags.' }) hideFlagged?: boolean | null;
  @Field(() => VendorSearchSortGql, { nullable: true }) sort?: VendorSearchSortGql | null;
  @Field(() => Int, { nullable: true, description: 'Page size, 1..100 (default 20).' }) first?: number | null;
  @Field(() => String, { nullable: true, description: 'The previous page’s endCursor.' }) after?: string | null;
}
