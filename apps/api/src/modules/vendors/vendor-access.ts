import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { hasPlatformRole, requireMembership, requireUser } from '../../common/authz';
import { notFound } from '../../common/errors';
import type { AuthenticatedUser, RequestContext } from '../../common/request-context';
import { VendorsRepository } from './vendors.repository';

export interface VendorAccess {
  user: AuthenticatedUser;
  vendor: { id: string; name: string };
}

/**
 * Who may touch a vendor's private side (domains, roster, profile edits): its
 * members change it; its members and Assay admins read it. Anyone else is
 * refused before anything is read or written.
 */
@Injectable()
export class VendorAccessPolicy {
  constructor(private readonly vendors: VendorsRepository) {}

  /** Owners and members of the vendor. */
  async requireMember(ctx: RequestContext, vendorId: string): Promise<VendorAccess> {
    await requireUser(ctx);
    if (!z.uuid().safeParse(vendorId).success) throw notFound('This consultancy');
    const user = await requireMembership(ctx, vendorId);
    return { user, vendor: await this.requireVendor(ctx, vendorId) };
  }

  /** Members of the vendor, and Assay admins. */
  async requireReader(ctx: RequestContext, vendorId: string): Promise<VendorAccess> {
    const user = await requireUser(ctx);
    if (!z.uuid().safeParse(vendorId).success) throw notFound('This consultancy');
    if (!hasPlatformRole(user, 'admin')) await requireMembership(ctx, vendorId);
    return { user, vendor: await this.requireVendor(ctx, vendorId) };
  }

  private async requireVendor(ctx: RequestContext, vendorId: string): Promise<{ id: string; name: string }> {
    const vendor = await this.vendors.findVendor(ctx, vendorId);
    // A buyer organization has no vendor profile, domains or roster.
    if (!vendor) throw notFound('This consultancy');
    return vendor;
  }
}
