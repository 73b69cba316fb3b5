import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/graphql-context';
import type { RequestContext } from '../../common/request-context';
import { ImportRosterInput, RemoveRosterEntryInput } from './graphql/roster.input';
import { RosterEntryConnectionObject, RosterEntryObject, RosterImportResultObject } from './graphql/roster.object';
import { RosterService } from './roster.service';

@Resolver(() => RosterEntryObject)
export class RosterResolver {
  constructor(private readonly roster: RosterService) {}

  @Query(() => RosterEntryConnectionObject, { description: 'Members of the consultancy and admins: its client roster, by client name. Never shown to buyers.' })
  rosterEntries(
    @Ctx() ctx: RequestContext,
    @Args('vendorId', { type: () => ID }) vendorId: string,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<RosterEntryConnectionObject> {
    return this.roster.page(ctx, vendorId, { first, after });
  }

  @Mutation(() => RosterImportResultObject, {
    description:
      'Members of the consultancy: adds every engagement in the CSV, or none. A file with any bad row is refused with BAD_USER_INPUT; `extensions.fields` lists each problem as `rows[<row>].<column>` with the row numbered as in the file (header = row 1), plus `row` and `column`.',
  })
  importRoster(@Ctx() ctx: RequestContext, @Args('input') input: ImportRosterInput): Promise<RosterImportResultObject> {
    return this.roster.import(ctx, input);
  }

  @Mutation(() => ID, { description: 'Members of the consultancy: removes one engagement from the roster. Returns the removed id.' })
  removeRosterEntry(@Ctx() ctx: RequestContext, @Args('input') input: RemoveRosterEntryInput): Promise<string> {
    return this.roster.remove(ctx, input.id);
  }
}
