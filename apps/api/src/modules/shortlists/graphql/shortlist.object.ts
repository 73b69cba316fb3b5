import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';

@ObjectType('ShortlistItem', { description: 'A consultancy on a shortlist, with the members’ note.' })
export class ShortlistItemObject {
  @Field(() => ID) id!: string;
  @Field(() => ID) vendorId!: string;
  @Field() note!: string;
  @Field() addedAt!: Date;
  @Field({ description: 'Its signals or flags changed since the last weekly digest (or since it was added).' }) changedSinceDigest!: boolean;
}

@ObjectType('Shortlist', { description: 'A buyer organization’s list of consultancies; every member sees the same lists.' })
export class ShortlistObject {
  @Field(() => ID) id!: string;
  @Field(() => ID) organizationId!: string;
  @Field() organizationName!: string;
  @Field() name!: string;
  @Field() createdAt!: Date;
}

@InputType('CreateShortlistInput')
export class CreateShortlistInput {
  @Field(() => ID, { description: 'A buyer organization you belong to.' }) organizationId!: string;
  @Field() name!: string;
}

@InputType('AddToShortlistInput')
export class AddToShortlistInput {
  @Field(() => ID) shortlistId!: string;
  @Field(() => ID) vendorId!: string;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType('UpdateShortlistNoteInput')
export class UpdateShortlistNoteInput {
  @Field(() => ID) itemId!: string;
  @Field() note!: string;
}
