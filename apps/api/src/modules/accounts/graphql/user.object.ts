import { Field, ID, ObjectType } from '@nestjs/graphql';

/** `memberships` is resolved by the organizations module (organizations depend on accounts, not the reverse). */
@ObjectType('User', { description: 'The signed-in user, with memberships and platform roles.' })
export class UserObject {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() displayName!: string;
  @Field(() => [String], { description: 'Platform roles: admin, reviewer.' }) platformRoles!: string[];
  @Field({ description: 'The account confirmed its email address (needed to join an organisation, be accredited, submit or verify).' }) emailVerified!: boolean;
}

@ObjectType('SignUpResult')
export class SignUpResultObject {
  @Field({ description: 'What happens next, for the person signing up.' }) message!: string;
}
