import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('RosterEntry', { description: 'One disclosed client engagement; seen only by the vendor’s members and admins.' })
export class RosterEntryObject {
  @Field(() => ID) id!: string;
  @Field() clientName!: string;
  @Field() clientDomain!: string;
  @Field() contactName!: string;
  @Field() contactEmail!: string;
  @Field({ description: 'Calendar date, YYYY-MM-DD.' }) projectStartedOn!: string;
  @Field(() => String, { nullable: true, description: 'Calendar date, YYYY-MM-DD; null while the engagement runs.' }) projectEndedOn!: string | null;
  @Field() createdAt!: Date;
}

@ObjectType('RosterEntryConnection')
export class RosterEntryConnectionObject {
  @Field(() => [RosterEntryObject]) nodes!: RosterEntryObject[];
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page.' }) endCursor!: string | null;
  @Field() hasNextPage!: boolean;
  @Field(() => Int) totalCount!: number;
}

@ObjectType('RosterImportResult')
export class RosterImportResultObject {
  @Field(() => Int, { description: 'Engagements added by this import.' }) imported!: number;
  @Field(() => Int, { description: 'Engagements on the roster now.' }) totalEntries!: number;
}
