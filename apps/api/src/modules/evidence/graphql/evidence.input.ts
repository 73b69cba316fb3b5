import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class AddEvidenceLinkInput {
  @Field(() => ID) caseStudyId!: string;
  @Field() title!: string;
  @Field({ description: 'An https:// address.' }) url!: string;
}
