import { forbidden, unauthenticated } from './errors';
import type { AuthenticatedUser, RequestContext } from './request-context';

/** The signed-in user, or UNAUTHENTICATED. */
export async function requireUser(ctx: RequestContext): Promise<AuthenticatedUser> {
  const user = await ctx.user();
  if (!user) throw unauthenticated();
  return user;
}

/**
 * A signed-in user whose email is verified: required before joining an organisation,
 * being accredited, confirming a domain or acting on anything another party relies on.
 */
export async function requireVerifiedUser(ctx: RequestContext): Promise<AuthenticatedUser> {
  const user = await requireUser(ctx);
  if (!user.emailVerified) {
    throw forbidden(`Confirm your email address first: open the link we sent to ${user.email} (sign in again to get a new one).`, 'EMAIL_NOT_VERIFIED');
  }
  return user;
}

export function hasPlatformRole(user: AuthenticatedUser | null, role: 'admin' | 'reviewer'): boolean {
  return !!user && user.platformRoles.includes(role);
}

/** The user must hold `role` on the platform (admins pass every platform check). */
export async function requirePlatformRole(ctx: RequestContext, role: 'admin' | 'reviewer'): Promise<AuthenticatedUser> {
  const user = await requireUser(ctx);
  if (!hasPlatformRole(user, role) && !hasPlatformRole(user, 'admin')) {
    throw forbidden(role === 'admin' ? 'Only Assay administrators can do that.' : 'Only accredited reviewers can do that.', `${role.toUpperCase()}_ONLY`);
  }
  return user;
}

/** The user must be a member (or, with `owner`, an owner) of the organization. */
export async function requireMembership(ctx: RequestContext, organizationId: string, role?: 'owner'): Promise<AuthenticatedUser> {
  const user = await requireUser(ctx);
  const held = user.memberships.get(organizationId);
  if (!held) throw forbidden('You are not a member of this organization.', 'NOT_A_MEMBER');
  if (role === 'owner' && held !== 'owner') throw forbidden('Only an owner of this organization can do that.', 'OWNER_ONLY');
  return user;
}
