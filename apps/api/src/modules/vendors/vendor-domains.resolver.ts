import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/graphql-context';
import type { RequestContext } from '../../common/request-context';
import { AddVendorDomainInput, RemoveVendorDomainInput, VerifyVendorDomainInput } from './graphql/vendor-domain.input';
import { VendorDomainObject, VendorDomainVerificationObject } from './graphql/vendor-domain.object';
import { VendorDomainsService } from './vendor-domains.service';

@Resolver(() => VendorDomainObject)
export class VendorDomainsResolver {
  constructor(private readonly domains: VendorDomainsService) {}

  @Query(() => [VendorDomainObject], { description: 'Members of the consultancy and admins: its claimed email domains.' })
  vendorDomains(@Ctx() ctx: RequestContext, @Args('vendorId', { type: () => ID }) vendorId: string): Promise<VendorDomainObject[]> {
    return this.domains.list(ctx, vendorId);
  }

  @Mutation(() => VendorDomainObject, {
    description: 'Members of the consultancy: claims the domain of `email` and mails a single-use verification link (valid 7 days) to that address.',
  })
  addVendorDomain(@Ctx() ctx: RequestContext, @Args('input') input: AddVendorDomainInput): Promise<VendorDomainObject> {
    return this.domains.add(ctx, input);
  }

  @Mutation(() => VendorDomainVerificationObject, { description: 'Completes a domain claim from the emailed link; no sign-in needed.' })
  verifyVendorDomain(@Ctx() ctx: RequestContext, @Args('input') input: VerifyVendorDomainInput): Promise<VendorDomainVerificationObject> {
    return this.domains.verify(ctx, input.token);
  }

  @Mutation(() => ID, { description: 'Members remove a domain that is not verified; admins remove any. Returns the removed id.' })
  removeVendorDomain(@Ctx() ctx: RequestContext, @Args('input') input: RemoveVendorDomainInput): Promise<string> {
    return this.domains.remove(ctx, input.id);
  }
}
