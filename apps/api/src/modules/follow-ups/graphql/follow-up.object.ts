import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('FollowUpQuestion')
export class FollowUpQuestionObject {
  @Field() vendorName!: string;
  @Field() caseStudyTitle!: string;
  @Field(() => Int) monthsAfter!: number;
  @Field() expiresAt!: Date;
}
