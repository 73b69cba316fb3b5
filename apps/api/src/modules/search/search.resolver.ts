import { Args, ID, Info, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { Ctx } from '../../common/graphql-context';
import type { RequestContext } from '../../common/request-context';
import { VendorSearchInput } from './graphql/search.input';
import { ReferenceSummaryObject, VendorComparisonObject, VendorSearchFacetsObject, VendorSearchResultObject } from './graphql/search.object';
import { SearchService } from './search.service';

/** Whether a selection may ask for `field` (a fragment counts as yes: the facets are then counted up front). */
function mayAsk(selections: SelectionSetNode | undefined, field: string): boolean {
  return !!selections?.selections.some((s) => s.kind !== 'Field' || s.name.value === field);
}

@Resolver(() => VendorSearchResultObject)
export class SearchResolver {
  constructor(private readonly search: SearchService) {}

  @Query(() => VendorSearchResultObject, { description: 'Searches and filters consultancies, best Assay lower bound first by default, with facet counts (public).' })
  searchVendors(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Args('input', { type: () => VendorSearchInput, nullable: true }) input?: VendorSearchInput,
  ): Promise<VendorSearchResultObject> {
    return this.search.searchVendors(ctx, input ?? {}, info.fieldNodes.some((node) => mayAsk(node.selectionSet, 'facets')));
  }

  @ResolveField(() => VendorSearchFacetsObject)
  facets(@Ctx() ctx: RequestContext, @Parent() parent: VendorSearchResultObject): Promise<VendorSearchFacetsObject> {
    return this.search.facets(ctx, parent);
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
