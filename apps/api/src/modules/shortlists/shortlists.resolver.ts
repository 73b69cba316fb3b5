import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/graphql-context';
import type { RequestContext } from '../../common/request-context';
import { SearchService } from '../search/search.service';
import { VendorSummaryObject } from '../vendors/graphql/vendor.object';
import { AddToShortlistInput, CreateShortlistInput, ShortlistItemObject, ShortlistObject, UpdateShortlistNoteInput } from './graphql/shortlist.object';
import type { ShortlistItemRow, ShortlistRow } from './shortlists.repository';
import { ShortlistsService } from './shortlists.service';

const toShortlist = (s: ShortlistRow): ShortlistObject => ({ id: s.id, organizationId: s.organizationId, organizationName: s.organizationName, name: s.name, createdAt: s.createdAt });
const toItem = (i: ShortlistItemRow): ShortlistItemObject => ({ id: i.id, vendorId: i.vendorId, note: i.note, addedAt: i.addedAt, changedSinceDigest: i.changed });

@Resolver(() => ShortlistObject)
export class ShortlistsResolver {
  constructor(private readonly service: ShortlistsService) {}

  @Query(() => [ShortlistObject], { description: 'The shortlists of every organization you belong to.' })
  async myShortlists(@Ctx() ctx: RequestContext): Promise<ShortlistObject[]> {
    return (await this.service.mine(ctx)).map(toShortlist);
  }

  @Query(() => [ShortlistObject], { name: 'shortlists', description: 'Members: a buyer organization’s shortlists.' })
  async organizationShortlists(@Ctx() ctx: RequestContext, @Args('organizationId', { type: () => ID }) organizationId: string): Promise<ShortlistObject[]> {
    return (await this.service.forOrganization(ctx, organizationId)).map(toShortlist);
  }

  @Mutation(() => ShortlistObject, { description: 'Members of a buyer organization: starts a shortlist all members see.' })
  async createShortlist(@Ctx() ctx: RequestContext, @Args('input') input: CreateShortlistInput): Promise<ShortlistObject> {
    return toShortlist(await this.service.create(ctx, input));
  }

  @Mutation(() => ShortlistItemObject, { description: 'Members: adds a consultancy to a shortlist, with an optional note.' })
  async addToShortlist(@Ctx() ctx: RequestContext, @Args('input') input: AddToShortlistInput): Promise<ShortlistItemObject> {
    return toItem(await this.service.add(ctx, input));
  }

  @Mutation(() => ShortlistItemObject, { description: 'Members: changes the note on a shortlisted consultancy.' })
  async updateShortlistNote(@Ctx() ctx: RequestContext, @Args('input') input: UpdateShortlistNoteInput): Promise<ShortlistItemObject> {
    return toItem(await this.service.updateNote(ctx, input));
  }

  @Mutation(() => Boolean, { description: 'Members: takes a consultancy off a shortlist.' })
  removeFromShortlist(@Ctx() ctx: RequestContext, @Args('itemId', { type: () => ID }) itemId: string): Promise<boolean> {
    return this.service.remove(ctx, itemId);
  }

  @ResolveField(() => [ShortlistItemObject])
  async items(@Ctx() ctx: RequestContext, @Parent() parent: ShortlistObject): Promise<ShortlistItemObject[]> {
    return (await this.service.items(ctx, parent.id)).map(toItem);
  }
}

@Resolver(() => ShortlistItemObject)
export class ShortlistItemResolver {
  constructor(private readonly search: SearchService) {}

  @ResolveField(() => VendorSummaryObject, { nullable: true })
  vendor(@Ctx() ctx: RequestContext, @Parent() parent: ShortlistItemObject): Promise<VendorSummaryObject | null> {
    return this.search.vendorSummary(ctx, parent.vendorId);
  }
}
