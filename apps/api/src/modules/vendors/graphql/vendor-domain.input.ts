import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class AddVendorDomainInput {
  @Field(() => ID) vendorId!: string;
  @Field({ description: 'An address at the domain (e.g. it@lumen.example); the verification link goes there.' }) email!: string;
}

@InputType()
export class VerifyVendorDomainInput {
  @Field({ description: 'The token from the verification email.' }) token!: string;
}

@InputType()
export class RemoveVendorDomainInput {
  @Field(() => ID) id!: string;
}
