import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { VendorSummaryObject } from '../../vendors/graphql/vendor.object';
import type { SearchFilters } from '../search.filters';

@ObjectType('FacetCount')
export class FacetCountObject {
  @Field({ description: 'The filter value (a taxonomy key, a bucket, a threshold such as "0.5", or flagged/unflagged).' }) key!: string;
  @Field(() => Int, { description: 'Consultancies matching this value and every other active filter.' }) count!: number;
}

@ObjectType('VendorSearchFacets', { description: 'Counts for every filter option; each facet ignores its own filter, so its other options stay visible.' })
export class VendorSearchFacetsObject {
  @Field(() => [FacetCountObject]) capabilities!: FacetCountObject[];
  @Field(() => [FacetCountObject]) industries!: FacetCountObject[];
  @Field(() => [FacetCountObject]) regions!: FacetCountObject[];
  @Field(() => [FacetCountObject]) teamSizes!: FacetCountObject[];
  @Field(() => [FacetCountObject]) rateBands!: FacetCountObject[];
  @Field(() => [FacetCountObject], { description: 'Keys are thresholds: at least this many verified case studies.' }) minVerifiedCaseStudies!: FacetCountObject[];
  @Field(() => [FacetCountObject], { description: 'Keys are thresholds of the Assay lower bound.' }) minAssayLower!: FacetCountObject[];
  @Field(() => [FacetCountObject], { description: 'Keys are thresholds of production durability.' }) minProductionDurability!: FacetCountObject[];
  @Field(() => [FacetCountObject], { description: 'Keys flagged and unflagged.' }) hideFlagged!: FacetCountObject[];
}

@ObjectType('VendorSearchResult')
export class VendorSearchResultObject {
  @Field(() => [VendorSummaryObject]) nodes!: VendorSummaryObject[];
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page.' }) endCursor!: string | null;
  @Field() hasNextPage!: boolean;
  @Field(() => Int) totalCount!: number;
  /** Not in the schema: the parsed filters, for the facets field resolver. */
  filters!: SearchFilters;
  /** Not in the schema: the facets, when the search statement counted them already. */
  facets?: VendorSearchFacetsObject;
}

@ObjectType('ComparedOutcome', { description: 'One claimed outcome of a public case study, with what verification found.' })
export class ComparedOutcomeObject {
  @Field(() => ID) caseStudyId!: string;
  @Field() caseStudyTitle!: string;
  @Field() caseStudyStatus!: string;
  @Field() productionStatus!: string;
  @Field() metricName!: string;
  @Field() unit!: string;
  @Field({ description: 'higher_is_better or lower_is_better' }) direction!: string;
  @Field(() => Float) baselineValue!: number;
  @Field(() => Float) claimedValue!: number;
  @Field(() => Float, { nullable: true }) verifiedValue!: number | null;
  @Field() verificationStatus!: string;
}

@ObjectType('ReferenceSummary', { description: 'How client references of the public case studies went.' })
export class ReferenceSummaryObject {
  @Field(() => Int) nominatedRequested!: number;
  @Field(() => Int) nominatedAnswered!: number;
  @Field(() => Int, { description: 'Contacts Assay drew at random from the vendor’s client roster.' }) drawnRequested!: number;
  @Field(() => Int) drawnAnswered!: number;
  @Field(() => Int) wouldHireAgainYes!: number;
  @Field(() => Int) wouldHireAgainAnswered!: number;
}

@ObjectType('VendorComparison', { description: 'One consultancy as the compare page shows it.' })
export class VendorComparisonObject {
  @Field(() => VendorSummaryObject) vendor!: VendorSummaryObject;
  // Filled by the compare query itself (two statements for all vendors), not by field resolvers.
  @Field(() => [ComparedOutcomeObject], { description: 'Claimed vs verified value of every outcome in its public case studies.' }) outcomes!: ComparedOutcomeObject[];
  @Field(() => ReferenceSummaryObject) referenceSummary!: ReferenceSummaryObject;
}
