import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('VendorProfile', { description: 'A consultancy’s public profile; anyone may read it.' })
export class VendorProfileObject {
  @Field(() => ID, { description: 'The vendor organization’s id.' }) id!: string;
  @Field() name!: string;
  @Field() slug!: string;
  @Field(() => String, { nullable: true }) website!: string | null;
  @Field() description!: string;
  @Field(() => [String], { description: 'Capability keys from the fixed taxonomy.' }) capabilities!: string[];
  @Field(() => [String], { description: 'Industry keys from the fixed taxonomy.' }) industries!: string[];
  @Field(() => [String], { description: 'Region keys from the fixed taxonomy.' }) regions!: string[];
  @Field(() => Int, { nullable: true }) teamSize!: number | null;
  @Field(() => String, { nullable: true, description: 'Rate band key from the fixed taxonomy.' }) rateBand!: string | null;
  @Field(() => Int, { nullable: true }) foundedYear!: number | null;
  @Field(() => Date, { nullable: true }) updatedAt!: Date | null;
}
