import { type AnonymousRuleName, checkRule, type ObjectRuleName, type RuleSubject } from '@assay/domain';
import { DomainError } from '../errors';
import type { AuthenticatedUser, RequestContext } from '../request-context';

type NoSubject = Record<string, never>;
/** A rule that needs no object takes no subject argument. */
type SubjectArgs<R extends ObjectRuleName> = RuleSubject<R> extends NoSubject ? [] : [subject: RuleSubject<R>];
/** Rules a signed-out caller can pass return the user or null; every other rule returns the user. */
type Authorized<R extends ObjectRuleName> = R extends AnonymousRuleName ? AuthenticatedUser | null : AuthenticatedUser;

/**
 * The one object-level authorization call: loads the caller (once per request),
 * applies the named rule of OBJECT_RULES (libs/domain/src/authorization.ts) to the
 * caller and the subject's facts, and throws the rule's refusal as a DomainError
 * (UNAUTHENTICATED, FORBIDDEN, or NOT_FOUND where a rule hides existence). Returns
 * the caller.
 */
export async function authorize<R extends ObjectRuleName>(ctx: RequestContext, rule: R, ...subject: SubjectArgs<R>): Promise<Authorized<R>> {
  const user = await ctx.user();
  const verdict = checkRule(rule, user, (subject[0] ?? {}) as RuleSubject<R>);
  if (!verdict.ok) throw new DomainError(verdict.code, verdict.message, verdict.reason);
  return user as Authorized<R>;
}

/** Whether the caller passes the rule, for answers that show more to some callers (never to refuse: use authorize). */
export async function allows<R extends ObjectRuleName>(ctx: RequestContext, rule: R, ...subject: SubjectArgs<R>): Promise<boolean> {
  return permits(await ctx.user(), rule, ...subject);
}

/** `allows` for a caller already loaded, e.g. per row of a list. */
export function permits<R extends ObjectRuleName>(user: AuthenticatedUser | null, rule: R, ...subject: SubjectArgs<R>): boolean {
  return checkRule(rule, user, (subject[0] ?? {}) as RuleSubject<R>).ok;
}
