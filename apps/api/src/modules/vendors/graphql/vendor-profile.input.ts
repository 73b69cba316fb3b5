import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType({ description: 'Changes to a vendor profile. A field left out stays as it is; null clears an optional field.' })
export class UpdateVendorProfileInput {
  @Field(() => ID) vendorId!: string;
  @Field(() => String, { nullable: true, description: 'At most 2,000 characters.' }) description?: string | null;
  @Field(() => [String], { nullable: true, description: 'Capability keys from the `taxonomy` query.' }) capabilities?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Industry keys from the `taxonomy` query.' }) industries?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Region keys from the `taxonomy` query.' }) regions?: string[] | null;
  @Field(() => Int, { nullable: true, description: 'People who deliver projects, 1 or more.' }) teamSize?: number | null;
  @Field(() => String, { nullable: true, description: 'Rate band key from the `taxonomy` query.' }) rateBand?: string | null;
  @Field(() => String, { nullable: true, description: 'An https:// address.' }) website?: string | null;
  @Field(() => Int, { nullable: true }) foundedYear?: number | null;
}
