import { useOutletContext } from 'react-router-dom';
import type { CurrentUser } from '../../accounts/hooks/use-current-user';

export interface VendorDashboardContext {
  me: CurrentUser;
  vendor: { id: string; name: string };
  /** The signed-in user's role in the vendor. */
  role: CurrentUser['memberships'][number]['role'];
}

/** The vendor whose dashboard is open (set by `VendorDashboardLayout`). */
export function useVendorDashboard(): VendorDashboardContext {
  return useOutletContext<VendorDashboardContext>();
}

/** The vendor organizations the user belongs to, by name. */
export function vendorMemberships(me: CurrentUser | null): CurrentUser['memberships'] {
  return (me?.memberships ?? []).filter((m) => m.organization.kind === 'vendor');
}
