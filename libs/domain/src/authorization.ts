import type { CaseStudyStatus } from './case-study-workflow';

/**
 * Who may read or change which object, as data: every object-level rule of Assay,
 * by name, with the sentence that says who passes, the refusals it can give and a
 * pure predicate over what is known about the user and the object. The API applies
 * a rule with one call (`authorize(ctx, rule, subject)` in apps/api/src/common/authz);
 * OPERATION_POLICY names the rule each operation applies.
 */

/** What a rule may know about the caller (the session's user; null when signed out). */
export interface UserFacts {
  id: string;
  email: string;
  platformRoles: readonly string[];
  /** The account proved it holds its email address. */
  emailVerified: boolean;
  /** organizationId → role. */
  memberships: ReadonlyMap<string, 'owner' | 'member'>;
}

/** How a refusal reaches the client: `extensions.code`. */
export type RefusalCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';

/** A rule's refusal: the client-facing code, the finer reason (`extensions.reason`) and a sentence. */
export interface AuthorizationRefusal {
  ok: false;
  code: RefusalCode;
  reason: AuthorizationReason;
  message: string;
}

export type AuthorizationVerdict = { ok: true } | AuthorizationRefusal;

/** Every reason an authorization rule gives; a service refusing for one of these by hand is a second style. */
export const AUTHORIZATION_REASONS = [
  'SIGN_IN_REQUIRED',
  'EMAIL_NOT_VERIFIED',
  'ADMIN_ONLY',
  'REVIEWER_ONLY',
  'NOT_A_MEMBER',
  'OWNER_ONLY',
  'NOT_A_BUYER',
  'WRONG_RECIPIENT',
  'DOMAIN_VERIFIED',
  'EVIDENCE_NOT_VISIBLE',
  'TASK_NOT_OFFERED',
  'NOT_LEASEHOLDER',
  'NOT_FOUND',
] as const;
export type AuthorizationReason = (typeof AUTHORIZATION_REASONS)[number];

const OK: AuthorizationVerdict = { ok: true };
const refuse = (code: RefusalCode, reason: AuthorizationReason, message: string): AuthorizationRefusal => ({ ok: false, code, reason, message });

const signInRequired = () => refuse('UNAUTHENTICATED', 'SIGN_IN_REQUIRED', 'Please sign in to continue.');
/** Existence hidden: the same answer as for an object that does not exist. */
const hidden = (what: string) => refuse('NOT_FOUND', 'NOT_FOUND', `${what} was not found.`);
const NOT_A_MEMBER_OF_ORGANIZATION = 'You are not a member of this organization.';

export function isAdmin(user: Pick<UserFacts, 'platformRoles'> | null): boolean {
  return !!user && user.platformRoles.includes('admin');
}

/** Accredited reviewer, or admin (admins pass every platform check). */
export function isReviewerOrAdmin(user: Pick<UserFacts, 'platformRoles'> | null): boolean {
  return !!user && (user.platformRoles.includes('reviewer') || isAdmin(user));
}

export function isMemberOf(user: Pick<UserFacts, 'memberships'> | null, organizationId: string): boolean {
  return !!user && user.memberships.has(organizationId);
}

/** The first refusal among checks made in order, or ok. */
function firstRefusal(...verdicts: Array<() => AuthorizationVerdict>): AuthorizationVerdict {
  for (const verdict of verdicts) {
    const v = verdict();
    if (!v.ok) return v;
  }
  return OK;
}

function signedIn(user: Pick<UserFacts, 'platformRoles'> | null): AuthorizationVerdict {
  return user ? OK : signInRequired();
}

function emailConfirmed(user: UserFacts | null): AuthorizationVerdict {
  if (!user) return signInRequired();
  if (!user.emailVerified) {
    return refuse('FORBIDDEN', 'EMAIL_NOT_VERIFIED', `Confirm your email address first: open the link we sent to ${user.email} (sign in again to get a new one).`);
  }
  return OK;
}

function member(user: UserFacts | null, organizationId: string, message = NOT_A_MEMBER_OF_ORGANIZATION): AuthorizationVerdict {
  if (!user) return signInRequired();
  return isMemberOf(user, organizationId) ? OK : refuse('FORBIDDEN', 'NOT_A_MEMBER', message);
}

function owner(user: UserFacts | null, organizationId: string): AuthorizationVerdict {
  return firstRefusal(
    () => member(user, organizationId),
    () => (user!.memberships.get(organizationId) === 'owner' ? OK : refuse('FORBIDDEN', 'OWNER_ONLY', 'Only an owner of this organization can do that.')),
  );
}

/** How a viewer relates to a case study: its vendor's member, an admin, anyone (published), or null: it does not exist for them. */
export type CaseStudyViewer = 'owner' | 'admin' | 'public';

export function caseStudyViewer(user: Pick<UserFacts, 'memberships' | 'platformRoles'> | null, cs: { vendorId: string; status: CaseStudyStatus }): CaseStudyViewer | null {
  if (isMemberOf(user, cs.vendorId)) return 'owner';
  if (isAdmin(user)) return 'admin';
  if (cs.status === 'draft' || cs.status === 'withdrawn') return null;
  return 'public';
}

export interface OrganizationSubject {
  organizationId: string;
}
export interface VendorSubject {
  vendorId: string;
}
export interface CaseStudySubject {
  vendorId: string;
  status: CaseStudyStatus;
}

interface ObjectRule<Subject, User = UserFacts | null> {
  /** Who passes, in words (shown in OPERATION_POLICY and the docs). */
  allows: string;
  /** The reasons it can refuse with, in the order it checks. */
  refuses: readonly AuthorizationReason[];
  /** Whether a signed-out caller can ever pass (else `authorize` always returns a user). */
  anonymous?: true;
  check(user: User, subject: Subject): AuthorizationVerdict;
}

type NoSubject = Record<string, never>;

const rule = <Subject = NoSubject, User = UserFacts | null>(r: ObjectRule<Subject, User>) => r;

/** The object-level rules, by name. Keep the sentences short: they are the documentation. */
export const OBJECT_RULES = {
  // The caller alone.
  signedIn: rule<NoSubject, Pick<UserFacts, 'platformRoles'> | null>({
    allows: 'any signed-in user',
    refuses: ['SIGN_IN_REQUIRED'],
    check: (user) => signedIn(user),
  }),
  confirmedEmail: rule({
    allows: 'a signed-in user whose email address is confirmed',
    refuses: ['SIGN_IN_REQUIRED', 'EMAIL_NOT_VERIFIED'],
    check: (user) => emailConfirmed(user),
  }),
  admin: rule<NoSubject, Pick<UserFacts, 'platformRoles'> | null>({
    allows: 'an Assay administrator',
    refuses: ['SIGN_IN_REQUIRED', 'ADMIN_ONLY'],
    check: (user) => (!user ? signInRequired() : isAdmin(user) ? OK : refuse('FORBIDDEN', 'ADMIN_ONLY', 'Only Assay administrators can do that.')),
  }),
  reviewer: rule<NoSubject, Pick<UserFacts, 'platformRoles'> | null>({
    allows: 'an accredited reviewer, or an admin',
    refuses: ['SIGN_IN_REQUIRED', 'REVIEWER_ONLY'],
    check: (user) => (!user ? signInRequired() : isReviewerOrAdmin(user) ? OK : refuse('FORBIDDEN', 'REVIEWER_ONLY', 'Only accredited reviewers can do that.')),
  }),

  // Organizations.
  orgMember: rule<OrganizationSubject>({
    allows: 'a member of the organization',
    refuses: ['SIGN_IN_REQUIRED', 'NOT_A_MEMBER'],
    check: (user, s) => member(user, s.organizationId),
  }),
  orgOwner: rule<OrganizationSubject>({
    allows: 'an owner of the organization',
    refuses: ['SIGN_IN_REQUIRED', 'NOT_A_MEMBER', 'OWNER_ONLY'],
    check: (user, s) => owner(user, s.organizationId),
  }),
  confirmedOrgMember: rule<OrganizationSubject>({
    allows: 'a member of the organization, with a confirmed email',
    refuses: ['SIGN_IN_REQUIRED', 'NOT_A_MEMBER', 'EMAIL_NOT_VERIFIED'],
    check: (user, s) => firstRefusal(() => member(user, s.organizationId), () => emailConfirmed(user)),
  }),
  confirmedOrgOwner: rule<OrganizationSubject>({
    allows: 'an owner of the organization, with a confirmed email',
    refuses: ['SIGN_IN_REQUIRED', 'NOT_A_MEMBER', 'OWNER_ONLY', 'EMAIL_NOT_VERIFIED'],
    check: (user, s) => firstRefusal(() => owner(user, s.organizationId), () => emailConfirmed(user)),
  }),
  buyerOrganization: rule<{ organizationKind: string }>({
    allows: 'acting for a client (buyer) organization',
    refuses: ['SIGN_IN_REQUIRED', 'NOT_A_BUYER'],
    check: (user, s) =>
      !user
        ? signInRequired()
        : s.organizationKind === 'buyer'
          ? OK
          : refuse('FORBIDDEN', 'NOT_A_BUYER', 'Only client (buyer) organisations prove domains here; a consultancy proves its domains on its profile.'),
  }),
  invitationAddressee: rule<{ invitedEmail: string }>({
    allows: 'the invitation’s addressee (by email)',
    refuses: ['SIGN_IN_REQUIRED', 'WRONG_RECIPIENT'],
    check: (user, s) =>
      !user ? signInRequired() : user.email === s.invitedEmail ? OK : refuse('FORBIDDEN', 'WRONG_RECIPIENT', `This invitation was sent to ${s.invitedEmail}. Sign in with that address to accept it.`),
  }),
  myShortlist: rule<OrganizationSubject>({
    allows: 'a shortlist of a buyer organization the caller is a member of',
    refuses: ['SIGN_IN_REQUIRED', 'NOT_A_MEMBER'],
    check: (user, s) => member(user, s.organizationId),
  }),

  // Vendors.
  vendorMember: rule<VendorSubject>({
    allows: 'a member of the vendor that owns it',
    refuses: ['SIGN_IN_REQUIRED', 'NOT_A_MEMBER'],
    check: (user, s) => member(user, s.vendorId),
  }),
  confirmedVendorMember: rule<VendorSubject>({
    allows: 'a member of the vendor that owns it, with a confirmed email',
    refuses: ['SIGN_IN_REQUIRED', 'NOT_A_MEMBER', 'EMAIL_NOT_VERIFIED'],
    check: (user, s) => firstRefusal(() => member(user, s.vendorId), () => emailConfirmed(user)),
  }),
  vendorMemberOrAdmin: rule<VendorSubject>({
    allows: 'a member of the vendor that owns it, or an admin',
    refuses: ['SIGN_IN_REQUIRED', 'NOT_A_MEMBER'],
    check: (user, s) => (isAdmin(user) ? OK : member(user, s.vendorId)),
  }),
  removableVendorDomain: rule<VendorSubject & { domain: string; verified: boolean }>({
    allows: 'a member of the vendor (domains not yet verified), or an admin (any)',
    refuses: ['SIGN_IN_REQUIRED', 'NOT_A_MEMBER', 'DOMAIN_VERIFIED'],
    check: (user, s) =>
      isAdmin(user)
        ? OK
        : firstRefusal(
            () => member(user, s.vendorId),
            () =>
              s.verified
                ? refuse(
                    'FORBIDDEN',
                    'DOMAIN_VERIFIED',
                    `${s.domain} is verified, so it stays on record: references at this domain are recognised as your own. Contact Assay support if it no longer belongs to you.`,
                  )
                : OK,
          ),
  }),

  // Case studies and evidence.
  publishedOrMine: rule<CaseStudySubject>({
    allows: 'published case studies for everyone; drafts and withdrawn ones only for the vendor’s members and admins (NOT_FOUND otherwise)',
    refuses: ['NOT_FOUND'],
    anonymous: true,
    check: (user, cs) => (caseStudyViewer(user, cs) ? OK : hidden('This case study')),
  }),
  myVendorsCaseStudy: rule<CaseStudySubject>({
    allows: 'a case study of a vendor the caller is a member of (others: NOT_A_MEMBER if they can see it, NOT_FOUND if not)',
    refuses: ['SIGN_IN_REQUIRED', 'NOT_A_MEMBER', 'NOT_FOUND'],
    check: (user, cs) => {
      if (!user) return signInRequired();
      if (isMemberOf(user, cs.vendorId)) return OK;
      return caseStudyViewer(user, cs) ? refuse('FORBIDDEN', 'NOT_A_MEMBER', 'Only members of this consultancy can change its case studies.') : hidden('This case study');
    },
  }),
  evidenceReader: rule<VendorSubject & { assignedReviewer: boolean }>({
    allows: 'a member of the vendor, an admin, or the reviewer assigned to the case study (holding its task, or having recorded a verdict on it)',
    refuses: ['SIGN_IN_REQUIRED', 'EVIDENCE_NOT_VISIBLE'],
    check: (user, s) => {
      if (!user) return signInRequired();
      if (isMemberOf(user, s.vendorId) || isAdmin(user)) return OK;
      if (user.platformRoles.includes('reviewer') && s.assignedReviewer) return OK;
      return refuse('FORBIDDEN', 'EVIDENCE_NOT_VISIBLE', 'Only members of the consultancy, its assigned reviewers and Assay admins can see the evidence of this case study.');
    },
  }),
  anonymityFlagReader: rule<VendorSubject>({
    allows: 'a member of the vendor whose case study was flagged, or an admin (reviewers who flag stay anonymous to everyone else)',
    refuses: ['SIGN_IN_REQUIRED', 'NOT_A_MEMBER'],
    check: (user, s) => (isAdmin(user) ? OK : member(user, s.vendorId, 'Only the consultancy’s members see reviewers’ flags.')),
  }),

  // Verification tasks: drawn, offered, held.
  taskOfferee: rule<{ status: string; offeredToId: string | null }>({
    allows: 'the reviewer the task is offered to now (by the draw, or by an admin)',
    refuses: ['SIGN_IN_REQUIRED', 'TASK_NOT_OFFERED'],
    check: (user, s) =>
      !user
        ? signInRequired()
        : s.status === 'offered' && s.offeredToId === user.id
          ? OK
          : refuse('FORBIDDEN', 'TASK_NOT_OFFERED', 'This task was not offered to you. Assay offers each task to a reviewer drawn at random; your offers are on your Review tasks page.'),
  }),
  taskHolderOrAdmin: rule<{ leasedToId: string | null }>({
    allows: 'the reviewer who accepted the task, or an admin',
    refuses: ['SIGN_IN_REQUIRED', 'NOT_LEASEHOLDER'],
    check: (user, s) => (!user ? signInRequired() : s.leasedToId === user.id || isAdmin(user) ? OK : refuse('FORBIDDEN', 'NOT_LEASEHOLDER', 'Accept this task before opening it.')),
  }),
  taskHolder: rule<{ status: string; leasedToId: string | null }>({
    allows: 'the reviewer who holds the task (admins included: only the holder records its verdict)',
    refuses: ['SIGN_IN_REQUIRED', 'NOT_LEASEHOLDER'],
    check: (user, s) =>
      !user ? signInRequired() : s.status === 'leased' && s.leasedToId === user.id ? OK : refuse('FORBIDDEN', 'NOT_LEASEHOLDER', 'Only the reviewer who holds this task can record its verdict.'),
  }),

  evidenceEditor: rule<VendorSubject>({
    allows: 'a member of the vendor that wrote the case study',
    refuses: ['SIGN_IN_REQUIRED', 'NOT_A_MEMBER'],
    check: (user, s) => member(user, s.vendorId, 'Only members of the consultancy that wrote this case study can change its evidence.'),
  }),
} as const;

export type ObjectRuleName = keyof typeof OBJECT_RULES;

/** The subject facts a rule needs. */
export type RuleSubject<R extends ObjectRuleName> = Parameters<(typeof OBJECT_RULES)[R]['check']>[1];

/** The rules a signed-out caller can pass; every other rule admits only a signed-in user. */
export type AnonymousRuleName = { [R in ObjectRuleName]: (typeof OBJECT_RULES)[R] extends { anonymous: true } ? R : never }[ObjectRuleName];

/** Applies rule `name` to `user` and `subject`: ok, or the refusal to give. */
export function checkRule<R extends ObjectRuleName>(name: R, user: UserFacts | null, subject: RuleSubject<R>): AuthorizationVerdict {
  const check = OBJECT_RULES[name].check as (user: UserFacts | null, subject: RuleSubject<R>) => AuthorizationVerdict;
  return check(user, subject);
}

export function isObjectRuleName(name: string): name is ObjectRuleName {
  return Object.prototype.hasOwnProperty.call(OBJECT_RULES, name);
}
