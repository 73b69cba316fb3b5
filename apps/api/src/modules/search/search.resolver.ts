import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/graphql-context';
import type { RequestContext } from '../../common/request-context';
import { VendorSearchInput } from './graphql/search.input';
import { ComparedOutcomeObject, ReferenceSummaryObject, VendorComparisonObject, VendorSearchFacetsObject, VendorSearchResultObject } from './graphql/search.object';
import { SearchService } from './search.service';

@Resolver(() => VendorSearchResultObject)
export class SearchResolver {
  constructor(private readonly search: SearchService) {}

  @Query(() => VendorSearchResultObject, { description: 'Searches and filters consultancies, best Assay lower bound first by default, with facet counts (public).' })
  searchVendors(@Ctx() ctx: RequestContext, @Args('input', { type: () => VendorSearchInput, nullable: true }) input?: VendorSearchInput): Promise<VendorSearchResultObject> {
    return this.search.searchVendors(ctx, input ?? {});
  }

  @ResolveField(() => VendorSearchFacetsObject)
  facets(@Ctx() ctx: RequestContext, @Parent() parent: VendorSearchResultObject): Promise<VendorSearchFacetsObject> {
    return this.search.facets(ctx, parent.filters);
  }

  @Query(() => [VendorComparisonObject], { description: 'Up to five consultancies side by side, in the order given (public).' })
  compareVendors(@Ctx() ctx: RequestContext, @Args('vendorIds', { type: () => [ID] }) vendorIds: string[]): Promise<VendorComparisonObject[]> {
    return this.search.compare(ctx, vendorIds);
  }

  @Query(() => ReferenceSummaryObject, { description: 'How client references of a consultancy’s public case studies went (public).' })
  vendorReferenceSummary(@Ctx() ctx: RequestContext, @Args('vendorId', { type: () => ID }) vendorId: string): Promise<ReferenceSummaryObject> {
    return this.search.referenceSummary(ctx, vendorId);
  }
}

@Resolver(() => VendorComparisonObject)
export class VendorComparisonResolver {
  constructor(private readonly search: SearchService) {}

  @ResolveField(() => [ComparedOutcomeObject], { description: 'Claimed vs verified value of every outcome in its public case studies.' })
  outcomes(@Ctx() ctx: RequestContext, @Parent() parent: VendorComparisonObject): Promise<ComparedOutcomeObject[]> {
    return this.search.outcomes(ctx, parent.vendor.id);
  }

  @ResolveField(() => ReferenceSummaryObject)
  referenceSummary(@Ctx() ctx: RequestContext, @Parent() parent: VendorComparisonObject): Promise<ReferenceSummaryObject> {
    return this.search.referenceSummary(ctx, parent.vendor.id);
  }
}
