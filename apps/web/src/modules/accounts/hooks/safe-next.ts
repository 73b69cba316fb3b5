/**
 * The `?next=` target after signing in: only paths inside this app, so a crafted
 * link cannot send someone to another site (`//evil.example`, `https://…`).
 */
export function safeNextPath(next: string | null | undefined, fallback = '/organizations'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

/** `/sign-in?next=…` for the current location. */
export function signInPath(next: string, page: '/sign-in' | '/sign-up' = '/sign-in'): string {
  return `${page}?next=${encodeURIComponent(next)}`;
}

/**
 * Where someone lands after signing in without a `next`: the page of the work they came for.
 * Admins the admin pages, reviewers their queue, vendors their dashboard (which opens their
 * profile), buyers the search; someone without an organization yet creates one.
 */
export function homeFor(user: { platformRoles: readonly string[]; memberships: ReadonlyArray<{ organization: { kind: string } }> }): string {
  if (user.platformRoles.includes('admin')) return '/admin/reviewers';
  if (user.platformRoles.includes('reviewer')) return '/review';
  const kinds = new Set(user.memberships.map((m) => m.organization.kind));
  if (kinds.has('vendor')) return '/vendor';
  if (kinds.has('buyer')) return '/consultancies';
  return '/organizations';
}
