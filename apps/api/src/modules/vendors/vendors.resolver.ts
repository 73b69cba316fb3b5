import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/graphql-context';
import type { RequestContext } from '../../common/request-context';
import { TaxonomyObject, VendorConnectionObject } from './graphql/vendor.object';
import { UpdateVendorProfileInput } from './graphql/vendor-profile.input';
import { VendorProfileObject } from './graphql/vendor-profile.object';
import { CAPABILITIES, INDUSTRIES, RATE_BAND_LABELS, REGION_LABELS } from './taxonomy';
import { VendorsService } from './vendors.service';

const label = (key: string) => key.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

@Resolver()
export class VendorsResolver {
  constructor(private readonly vendors: VendorsService) {}

  @Query(() => VendorConnectionObject, { name: 'vendors', description: 'The consultancy directory, alphabetical, with keyset pagination.' })
  vendorDirectory(
    @Ctx() ctx: RequestContext,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Args('text', { type: () => String, nullable: true }) text?: string,
    @Args('capability', { type: () => String, nullable: true }) capability?: string,
  ): Promise<VendorConnectionObject> {
    return this.vendors.directory(ctx, { first, after, text, capability });
  }

  @Query(() => VendorProfileObject, { description: 'A consultancy’s public profile.' })
  vendorProfile(@Ctx() ctx: RequestContext, @Args('vendorId', { type: () => ID }) vendorId: string): Promise<VendorProfileObject> {
    return this.vendors.profile(ctx, vendorId);
  }

  @Mutation(() => VendorProfileObject, { description: 'Members of the consultancy: changes its profile (fields left out stay as they are).' })
  updateVendorProfile(@Ctx() ctx: RequestContext, @Args('input') input: UpdateVendorProfileInput): Promise<VendorProfileObject> {
    return this.vendors.updateProfile(ctx, input);
  }

  @Query(() => TaxonomyObject)
  taxonomy(): TaxonomyObject {
    return {
      capabilities: Object.entries(CAPABILITIES).map(([key, l]) => ({ key, label: l })),
      industries: INDUSTRIES.map((key) => ({ key, label: label(key) })),
      regions: Object.entries(REGION_LABELS).map(([key, l]) => ({ key, label: l })),
      rateBands: Object.entries(RATE_BAND_LABELS).map(([key, l]) => ({ key, label: l })),
    };
  }
}
