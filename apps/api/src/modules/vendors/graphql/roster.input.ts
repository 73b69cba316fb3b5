import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class ImportRosterInput {
  @Field(() => ID) vendorId!: string;
  @Field({
    description:
      'The CSV text (at most 1 MB and 2,000 rows). Header row: client_name, client_domain, contact_name, contact_email, project_started_on, project_ended_on (ISO dates; the end may be empty).',
  })
  csv!: string;
}

@InputType()
export class RemoveRosterEntryInput {
  @Field(() => ID) id!: string;
}
