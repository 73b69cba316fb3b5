/**
 * Who may call every query and mutation, in one place, as data a person can read.
 *
 * `caller` is checked for every operation before its resolver runs, by one global
 * guard (policy.guard.ts), from this table alone; an operation that is not in it is
 * refused (deny by default) and fails test/api/authz-policy.e2e-spec.ts, which reads
 * the operations from schema.graphql. `object` names the rule about *which* objects
 * the caller may touch; the service applies it (it needs the object's row), and
 * test/authz/matrix.json shows each rule per role.
 *
 * Callers:
 * - `anyone`: no session needed (public pages, sign-in, emailed single-use links);
 * - `signedIn`: any signed-in user;
 * - `reviewer`: an accredited reviewer (admins pass too);
 * - `admin`: an Assay administrator.
 */
export type Caller = 'anyone' | 'signedIn' | 'reviewer' | 'admin';

export interface OperationRule {
  caller: Caller;
  /** The object-level rule the service applies, in words; absent when `caller` says it all. */
  object?: string;
}

const anyone = (object?: string): OperationRule => ({ caller: 'anyone', ...(object ? { object } : {}) });
const signedIn = (object?: string): OperationRule => ({ caller: 'signedIn', ...(object ? { object } : {}) });
const reviewer = (object?: string): OperationRule => ({ caller: 'reviewer', ...(object ? { object } : {}) });
const admin = (object?: string): OperationRule => ({ caller: 'admin', ...(object ? { object } : {}) });

/** Object rules used by several operations, named once. */
const VENDOR_MEMBER = 'a member of the vendor that owns it';
const VENDOR_MEMBER_OR_ADMIN = 'a member of the vendor that owns it, or an admin';
const DRAFT_OF_MY_VENDOR = 'a draft (or correctable case study) of a vendor the caller is a member of; others see NOT_FOUND';
const PUBLISHED_OR_MINE = 'published case studies for everyone; drafts and withdrawn ones only for the vendor’s members and admins (NOT_FOUND otherwise)';
const MY_SHORTLIST = 'a shortlist of a buyer organization the caller is a member of';
const SINGLE_USE_LINK = 'whoever holds the emailed link (common/single-use-link.ts); rate-limited per address';

export const OPERATION_POLICY: Record<string, OperationRule> = {
  // Accounts
  'Query.me': anyone('the caller’s own account, or null'),
  'Mutation.signUp': anyone('answers alike whether or not the address has an account; rate-limited per address'),
  'Mutation.verifyEmail': anyone(SINGLE_USE_LINK),
  'Mutation.resendEmailVerification': signedIn('the caller’s own unconfirmed account, at most one mail every few minutes'),
  'Mutation.signIn': anyone('throttled: accounts/sign-in-throttle.ts'),
  'Mutation.signOut': anyone('ends the caller’s own session, if any'),
  'Mutation.changePassword': signedIn('the caller’s own password, with the current one (limited)'),

  // Organizations
  'Query.organization': signedIn('a member of the organization'),
  'Mutation.createOrganization': signedIn(),
  'Mutation.inviteMember': signedIn('an owner of the organization'),
  'Mutation.acceptInvitation': signedIn('the invitation’s addressee (by email), with the emailed token'),

  // Buyer organisations as clients (client-confirmations)
  'Query.organizationDomains': signedIn('a member of the organization'),
  'Mutation.proveOrganizationDomain': signedIn('an owner of a buyer organization, with a confirmed email'),
  'Mutation.checkOrganizationDomain': signedIn('an owner of the organization that claimed the domain; limited per domain'),
  'Query.clientCaseStudies': signedIn('a member of the organization; only case studies naming its proven domains'),
  'Mutation.answerAsClient': signedIn('a member of a buyer organization that proved the case study’s client domain and shares no member with the vendor; once'),
  'Mutation.replyToClientAnswer': signedIn('a member of the vendor the answer is about; once, to a denial'),

  // Vendors
  'Query.vendors': anyone(),
  'Query.vendorProfile': anyone(),
  'Query.taxonomy': anyone(),
  'Mutation.updateVendorProfile': signedIn(VENDOR_MEMBER),
  'Query.vendorDomains': signedIn(VENDOR_MEMBER_OR_ADMIN),
  'Mutation.addVendorDomain': signedIn(VENDOR_MEMBER),
  'Mutation.removeVendorDomain': signedIn('a member of the vendor (domains not yet verified), or an admin (any)'),
  'Mutation.verifyVendorDomain': anyone(SINGLE_USE_LINK),
  'Query.rosterEntries': signedIn(VENDOR_MEMBER_OR_ADMIN),
  'Mutation.importRoster': signedIn(VENDOR_MEMBER),
  'Mutation.removeRosterEntry': signedIn(VENDOR_MEMBER),
  'Query.vendorImprovementHints': signedIn(VENDOR_MEMBER),

  // Case studies and evidence
  'Query.caseStudy': anyone(PUBLISHED_OR_MINE),
  'Query.caseStudyRevisions': anyone(PUBLISHED_OR_MINE),
  'Query.vendorCaseStudies': anyone(PUBLISHED_OR_MINE),
  'Mutation.createCaseStudy': signedIn(VENDOR_MEMBER),
  'Mutation.updateCaseStudy': signedIn(DRAFT_OF_MY_VENDOR),
  'Mutation.submitCaseStudy': signedIn(DRAFT_OF_MY_VENDOR),
  'Mutation.reviseCaseStudy': signedIn(VENDOR_MEMBER),
  'Mutation.withdrawCaseStudy': signedIn(VENDOR_MEMBER),
  'Query.caseStudyEvidence': signedIn('a member of the vendor, an admin, or the reviewer assigned to the case study'),
  'Mutation.addEvidenceLink': signedIn(DRAFT_OF_MY_VENDOR),
  'Mutation.removeEvidence': signedIn(DRAFT_OF_MY_VENDOR),

  // References
  'Mutation.nominateReference': signedIn(DRAFT_OF_MY_VENDOR),
  'Mutation.removeReference': signedIn(DRAFT_OF_MY_VENDOR),
  'Query.referenceQuestionnaire': anyone(SINGLE_USE_LINK),
  'Mutation.answerReference': anyone(SINGLE_USE_LINK),
  'Mutation.declineReference': anyone(SINGLE_USE_LINK),
  'Query.vendorReferenceSummary': anyone(),

  // Follow-ups
  'Query.followUpCheck': anyone(SINGLE_USE_LINK),
  'Mutation.answerFollowUp': anyone(SINGLE_USE_LINK),

  // Verification
  'Query.verificationQueue': admin('every task not yet done; reviewers never pick a task from a list'),
  'Query.myTaskOffers': reviewer('the tasks Assay drew the caller for'),
  'Mutation.declineTask': reviewer('a task offered to the caller; at most 5 declines in 30 days'),
  'Mutation.assignTask': admin('offers a task to a named reviewer; conflicts and eligibility still apply'),
  'Query.verificationTask': reviewer('a task offered or leased to the caller, or any for an admin; never to a reviewer conflicted with its vendor or client'),
  'Query.myVerificationTasks': reviewer('the caller’s own tasks'),
  'Mutation.claimTask': reviewer('a task offered to the caller by the draw (or by an admin), not conflicted; TASK_NOT_OFFERED otherwise'),
  'Mutation.submitVerdict': reviewer('the task leased to the caller (admins included: only the leaseholder), not conflicted with its vendor or client'),
  'Mutation.flagAnonymityLeak': reviewer('a task the caller holds (claimed, or completed by them), of an anonymised case study; admins included: only the holder; not conflicted'),
  'Query.caseStudyAnonymityFlags': signedIn(VENDOR_MEMBER_OR_ADMIN),
  'Query.myAffiliations': signedIn('the caller’s own declared affiliations'),
  'Mutation.declareAffiliation': reviewer('the caller’s own affiliations'),
  'Query.reviewers': admin(),
  'Mutation.accreditReviewer': admin(),
  'Mutation.revokeReviewer': admin(),
  'Mutation.requireSpotCheck': admin(),
  'Query.caseStudyVerdicts': anyone('verdicts of published case studies, blind second opinions hidden until both are in'),
  'Query.caseStudyReceipt': anyone(),

  // Disputes
  'Mutation.disputeVerdict': signedIn('a member of the vendor whose case study the verdict is about'),
  'Mutation.replyToVerdict': signedIn('a member of the vendor whose case study the verdict is about'),
  'Query.openDisputes': admin(),
  'Mutation.resolveDispute': admin(),

  // Signals, search, ledger
  'Query.vendorSignals': anyone(),
  'Query.compareVendors': anyone(),
  'Query.methodology': anyone(),
  'Query.searchVendors': anyone(),
  'Query.signalsPipeline': admin(),
  'Query.ledgerCheckpoint': anyone(),
  'Query.ledgerEntry': anyone(),
  'Query.ledgerInclusionProof': anyone(),
  'Query.ledgerConsistencyProof': anyone(),

  // Shortlists (buyers)
  'Query.shortlists': signedIn(MY_SHORTLIST),
  'Query.myShortlists': signedIn('the caller’s own buyer organizations’ shortlists'),
  'Mutation.createShortlist': signedIn('a member of the buyer organization'),
  'Mutation.addToShortlist': signedIn(MY_SHORTLIST),
  'Mutation.removeFromShortlist': signedIn(MY_SHORTLIST),
  'Mutation.updateShortlistNote': signedIn(MY_SHORTLIST),

  // Operations
  'Query.outbox': admin(),
};

/** The rule of a root operation (`Query.me`), or undefined when there is none (refused). */
export function operationRule(operation: string): OperationRule | undefined {
  return Object.prototype.hasOwnProperty.call(OPERATION_POLICY, operation) ? OPERATION_POLICY[operation] : undefined;
}

/** Whether `user` passes `caller`; the refusal's code and sentence when not. */
export function checkCaller(caller: Caller, user: { platformRoles: readonly string[] } | null): { ok: true } | { ok: false; code: 'UNAUTHENTICATED' | 'FORBIDDEN'; reason: string; message: string } {
  if (caller === 'anyone') return { ok: true };
  if (!user) return { ok: false, code: 'UNAUTHENTICATED', reason: 'SIGN_IN_REQUIRED', message: 'Please sign in to continue.' };
  const isAdmin = user.platformRoles.includes('admin');
  if (caller === 'admin' && !isAdmin) return { ok: false, code: 'FORBIDDEN', reason: 'ADMIN_ONLY', message: 'Only Assay administrators can do that.' };
  if (caller === 'reviewer' && !isAdmin && !user.platformRoles.includes('reviewer')) {
    return { ok: false, code: 'FORBIDDEN', reason: 'REVIEWER_ONLY', message: 'Only accredited reviewers can do that.' };
  }
  return { ok: true };
}
