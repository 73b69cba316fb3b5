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
