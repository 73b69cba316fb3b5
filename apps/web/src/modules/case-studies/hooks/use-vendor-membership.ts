import type { CurrentUser } from '../../accounts/hooks/use-current-user';

/** The signed-in user's membership of this consultancy, or null. */
export function vendorMembership(me: CurrentUser | null, vendorId: string) {
  return me?.memberships.find((m) => m.organization.id === vendorId && m.organization.kind === 'vendor') ?? null;
}
