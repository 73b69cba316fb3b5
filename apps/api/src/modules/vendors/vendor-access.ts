import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { authorize } from '../../common/authz/authorize';
import { notFound } from '../../common/errors';
import type { AuthenticatedUser, RequestContext } from '../../common/request-context';
import { VendorsRepository } from './vendors.repository';

export interface VendorAccess {
  user: AuthenticatedUser;
  vendor: { id: string; name: string };
}

/**
 * A vendor's private side (domains, roster, profile edits), behind its object rule:
 * `vendorMember` to change it, `vendorMemberOrAdmin` to read it (OBJECT_RULES). Anyone
 * else is refused before anything is read or written; an id that is not a vendor's
 * is NOT_FOUND.
 */
@Injectable()
export class VendorAccessPolicy {
  constructor(private readonly vendors: VendorsRepository) {}

  /** Owners and members of the vendor. */
  async requireMember(ctx: RequestContext, vendorId: string): Promise<VendorAccess> {
    await authorize(ctx, 'signedIn');
    if (!z.uuid().safeParse(vendorId).success) throw notFound('This consultancy');
    const user = await authorize(ctx, 'vendorMember', { vendorId });
    return { user, vendor: await this.requireVendor(ctx, vendorId) };
  }

  /** Members of the vendor, and Assay admins. */
  async requireReader(ctx: RequestContext, vendorId: string): Promise<VendorAccess> {
    await authorize(ctx, 'signedIn');
    if (!z.uuid().safeParse(vendorId).success) throw notFound('This consultancy');
    const user = await authorize(ctx, 'vendorMemberOrAdmin', { vendorId });
    return { user, vendor: await this.requireVendor(ctx, vendorId) };
  }

  private async requireVendor(ctx: RequestContext, vendorId: string): Promise<{ id: string; name: string }> {
    const vendor = await this.vendors.findVendor(ctx, vendorId);
    // A buyer organization has no vendor profile, domains or roster.
    if (!vendor) throw notFound('This consultancy');
    return vendor;
  }
}
