import { requestLoader } from '../../common/loaders';
import type { RequestContext } from '../../common/request-context';
import type { PublicVendorRow, VendorsRepository } from './vendors.repository';

/**
 * A vendor's public profile with its reference summary, batched per request: the public vendor
 * page asks `vendorProfile` and `vendorReferenceSummary` of the same vendor, and both resolve from
 * this one statement. Null when the id is not a vendor.
 */
export function publicVendorLoader(ctx: RequestContext, vendors: VendorsRepository) {
  return requestLoader<string, PublicVendorRow | null>(ctx, 'vendors.publicProfile', async (ids) => {
    const rows = await vendors.findPublicProfiles(ctx, ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
