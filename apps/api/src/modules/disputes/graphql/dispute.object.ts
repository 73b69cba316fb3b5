import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { VerdictFindingsInput } from '../../verification/graphql/verification.object';

@ObjectType('VerdictReply')
export class VerdictReplyObject {
  @Field(() => ID) id!: string;
  @Field() body!: string;
  @Field() createdAt!: Date;
}

@ObjectType('Dispute')
export class DisputeObject {
  @Field(() => ID) id!: string;
  @Field(() => ID) verdictId!: string;
  @Field(() => ID) caseStudyId!: string;
  @Field() reason!: string;
  @Field({ description: 'open, upheld or amended' }) status!: string;
  @Field(() => String, { nullable: true }) resolutionNote!: string | null;
  @Field(() => Date, { nullable: true }) resolvedAt!: Date | null;
  @Field(() => ID, { nullable: true }) amendedVerdictId!: string | null;
  @Field() createdAt!: Date;
}

@InputType()
export class ReplyToVerdictInput {
  @Field(() => ID) verdictId!: string;
  @Field() body!: string;
}

@InputType()
export class DisputeVerdictInput {
  @Field(() => ID) verdictId!: string;
  @Field() reason!: string;
}

@InputType()
export class ResolveDisputeInput {
  @Field(() => ID) disputeId!: string;
  @Field({ description: 'upheld or amended' }) resolution!: string;
  @Field() note!: string;
  @Field(() => VerdictFindingsInput, { nullable: true }) amendment?: VerdictFindingsInput | null;
}
