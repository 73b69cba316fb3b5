import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum PublicTextFieldGql {
  title = 'title',
  problem = 'problem',
  approach = 'approach',
}
registerEnumType(PublicTextFieldGql, { name: 'PublicTextField', description: 'A text of a case study that buyers read.' });

@InputType('FlagAnonymityLeakInput')
export class FlagAnonymityLeakInput {
  @Field(() => ID, { description: 'A task you hold, of an anonymised case study.' }) taskId!: string;
  @Field(() => [PublicTextFieldGql], { description: 'Where the client is named.' }) fields!: PublicTextFieldGql[];
  @Field({ description: 'What names the client, in a few words (3–1,000 characters).' }) note!: string;
}

@ObjectType('AnonymityLeakFlag', { description: 'A reviewer’s report that an anonymised case study names its client. The reviewer is not named to the vendor.' })
export class AnonymityLeakFlagObject {
  @Field(() => ID) id!: string;
  @Field(() => ID) caseStudyId!: string;
  @Field(() => [PublicTextFieldGql]) fields!: PublicTextFieldGql[];
  @Field() note!: string;
  @Field() createdAt!: Date;
  @Field({ description: 'True while the flagged revision is the current one; a submitted revision fixes it.' }) open!: boolean;
}
