import { authorize } from './authz/authorize';
import type { AuthenticatedUser, RequestContext } from './request-context';

/*
 * LEGACY: the helpers below are the old style of authorization and remain only for
 * apps/api/src/modules/verification, which is still to be converted. Everything
 * else calls `authorize(ctx, rule, subject)` (common/authz/authorize.ts) with a rule
 * of OBJECT_RULES (libs/domain/src/authorization.ts); each helper here is already
 * one of those rules, so converting a call site is a rename:
 *   requireUser(ctx)                 → authorize(ctx, 'signedIn')
 *   requireVerifiedUser(ctx)         → authorize(ctx, 'confirmedEmail')
 *   requirePlatformRole(ctx, 'admin')    → authorize(ctx, 'admin')
 *   requirePlatformRole(ctx, 'reviewer') → authorize(ctx, 'reviewer')
 * Delete this file when verification no longer imports it
 * (test/static/authorization-style.spec.ts lists the remaining importers).
 */

/** The signed-in user, or UNAUTHENTICATED. Legacy: use `authorize(ctx, 'signedIn')`. */
export function requireUser(ctx: RequestContext): Promise<AuthenticatedUser> {
  return authorize(ctx, 'signedIn');
}

/** A signed-in user whose email is verified. Legacy: use `authorize(ctx, 'confirmedEmail')`. */
export function requireVerifiedUser(ctx: RequestContext): Promise<AuthenticatedUser> {
  return authorize(ctx, 'confirmedEmail');
}

/** The user must hold `role` on the platform (admins pass every platform check). Legacy: use `authorize(ctx, 'admin' | 'reviewer')`. */
export function requirePlatformRole(ctx: RequestContext, role: 'admin' | 'reviewer'): Promise<AuthenticatedUser> {
  return authorize(ctx, role);
}
