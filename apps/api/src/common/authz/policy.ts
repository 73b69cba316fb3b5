import { OBJECT_RULES, type ObjectRuleName } from '@assay/domain';

/**
 * Who may call every query and mutation, in one place, as data a person can read.
 *
 * `caller` is checked for every operation before its resolver runs, by one global
 * guard (policy.guard.ts), from this table alone; an operation that is not in it is
 * refused (deny by default) and fails test/api/authz-policy.e2e-spec.ts, which reads
 * the operations from schema.graphql. `object` names the rule about *which* objects
 * the caller may touch: an entry of OBJECT_RULES (libs/domain/src/authorization.ts),
 * which the service applies with `authorize(ctx, rule, subject)` once it has the
 * object's row (common/authz/authorize.ts); `describeOperation` gives its words.
 * `note` says in words what else limits an operation (single-use links, throttles,
 * and the verification module's rules, still applied by hand there).
 * test/authz/matrix.json shows the outcome per role.
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
  /** The object rule (OBJECT_RULES in libs/domain/src/authorization.ts) the service applies with `authorize`. */
  object?: ObjectRuleName;
  /** What else limits the operation, in words, where it is not (yet) an object rule. */
  note?: string;
}

interface Note {
  note: string;
}
const note = (text: string): Note => ({ note: text });

function operationRuleOf(caller: Caller, parts: Array<ObjectRuleName | Note>): OperationRule {
  const object = parts.find((p): p is ObjectRuleName => typeof p === 'string');
  const words = parts.filter((p): p is Note => typeof p !== 'string').map((p) => p.note);
  return { caller, ...(object ? { object } : {}), ...(words.length ? { note: words.join('; ') } : {}) };
}

const anyone = (...parts: Array<ObjectRuleName | Note>) => operationRuleOf('anyone', parts);
const signedIn = (...parts: Array<ObjectRuleName | Note>) => operationRuleOf('signedIn', parts);
const reviewer = (...parts: Array<ObjectRuleName | Note>) => operationRuleOf('reviewer', parts);
const admin = (...parts: Array<ObjectRuleName | Note>) => operationRuleOf('admin', parts);

const SINGLE_USE_LINK = note('whoever holds the emailed link (common/single-use-link.ts); rate-limited per address');

export const OPERATION_POLICY: Record<string, OperationRule> = {
  // Accounts
  'Query.me': anyone(note('the caller’s own account, or null')),
  'Mutation.signUp': anyone(note('answers alike whether or not the address has an account; rate-limited per address')),
  'Mutation.verifyEmail': anyone(SINGLE_USE_LINK),
  'Mutation.resendEmailVerification': signedIn(note('the caller’s own unconfirmed account, at most one mail every few minutes')),
  'Mutation.signIn': anyone(note('throttled: accounts/sign-in-throttle.ts')),
  'Mutation.signOut': anyone(note('ends the caller’s own session, if any')),
  'Mutation.changePassword': signedIn(note('the caller’s own password, with the current one (limited)')),

  // Organizations
  'Query.organization': signedIn('orgMember'),
  'Mutation.createOrganization': signedIn('confirmedEmail'),
  'Mutation.inviteMember': signedIn('orgOwner'),
  'Mutation.acceptInvitation': signedIn('invitationAddressee', note('with the emailed token')),

  // Buyer organisations as clients (client-confirmations)
  'Query.organizationDomains': signedIn('orgMember'),
  'Mutation.proveOrganizationDomain': signedIn('confirmedOrgOwner', note('of a buyer organization (buyerOrganization)')),
  'Mutation.checkOrganizationDomain': signedIn('confirmedOrgOwner', note('the organization that claimed the domain; limited per domain')),
  'Query.clientCaseStudies': signedIn('orgMember', note('only case studies naming its proven domains')),
  'Mutation.answerAsClient': signedIn('confirmedOrgMember', note('of a buyer organization that proved the case study’s client domain and shares no member with the vendor (decideClientAnswer); once')),
  'Mutation.replyToClientAnswer': signedIn('confirmedVendorMember', note('the vendor the answer is about; once, to a denial')),

  // Vendors
  'Query.vendors': anyone(),
  'Query.vendorProfile': anyone(),
  'Query.taxonomy': anyone(),
  'Mutation.updateVendorProfile': signedIn('vendorMember'),
  'Query.vendorDomains': signedIn('vendorMemberOrAdmin'),
  'Mutation.addVendorDomain': signedIn('vendorMember'),
  'Mutation.removeVendorDomain': signedIn('removableVendorDomain'),
  'Mutation.verifyVendorDomain': anyone(SINGLE_USE_LINK),
  'Query.rosterEntries': signedIn('vendorMemberOrAdmin'),
  'Mutation.importRoster': signedIn('vendorMember'),
  'Mutation.removeRosterEntry': signedIn('vendorMember'),
  'Query.vendorImprovementHints': signedIn('vendorMember'),

  // Case studies and evidence
  'Query.caseStudy': anyone('publishedOrMine'),
  'Query.caseStudyRevisions': anyone('publishedOrMine'),
  'Query.vendorCaseStudies': anyone('publishedOrMine'),
  'Mutation.createCaseStudy': signedIn('vendorMember'),
  'Mutation.updateCaseStudy': signedIn('myVendorsCaseStudy'),
  'Mutation.submitCaseStudy': signedIn('myVendorsCaseStudy'),
  'Mutation.reviseCaseStudy': signedIn('vendorMember'),
  'Mutation.withdrawCaseStudy': signedIn('vendorMember'),
  'Query.caseStudyEvidence': signedIn('evidenceReader'),
  'Mutation.addEvidenceLink': signedIn('myVendorsCaseStudy'),
  'Mutation.removeEvidence': signedIn('myVendorsCaseStudy'),

  // References
  'Mutation.nominateReference': signedIn('myVendorsCaseStudy'),
  'Mutation.removeReference': signedIn('myVendorsCaseStudy'),
  'Query.referenceQuestionnaire': anyone(SINGLE_USE_LINK),
  'Mutation.answerReference': anyone(SINGLE_USE_LINK),
  'Mutation.declineReference': anyone(SINGLE_USE_LINK),
  'Query.vendorReferenceSummary': anyone(),

  // Follow-ups
  'Query.followUpCheck': anyone(SINGLE_USE_LINK),
  'Mutation.answerFollowUp': anyone(SINGLE_USE_LINK),

  // Verification
  'Query.verificationQueue': admin(note('every task not yet done; reviewers never pick a task from a list')),
  'Query.myTaskOffers': reviewer(note('the tasks Assay drew the caller for')),
  'Mutation.declineTask': reviewer('taskOfferee', note('at most 5 declines in 30 days')),
  'Mutation.assignTask': admin(note('offers a task to a named reviewer; conflicts and eligibility still apply')),
  'Query.verificationTask': reviewer('taskHolderOrAdmin'),
  'Query.myVerificationTasks': reviewer(note('the caller’s own tasks')),
  'Mutation.claimTask': reviewer('taskOfferee', note('and not conflicted with its vendor or client')),
  'Mutation.submitVerdict': reviewer('taskHolder', note('and not conflicted with its vendor or client')),
  'Mutation.flagAnonymityLeak': reviewer(note('a task the caller holds (claimed, or completed by them), of an anonymised case study; admins included: only the holder; not conflicted')),
  'Query.caseStudyAnonymityFlags': signedIn('anonymityFlagReader', note('NOT_FOUND for a case study the caller cannot see')),
  'Query.myAffiliations': signedIn(note('the caller’s own declared affiliations')),
  'Query.myExpertise': signedIn(note('the caller’s own declared expertise')),
  'Mutation.declareExpertise': reviewer(note('the caller’s own expertise; refused without a reviewer profile')),
  'Mutation.declareAffiliation': reviewer(note('the caller’s own affiliations')),
  'Query.reviewers': admin(),
  'Mutation.accreditReviewer': admin(),
  'Mutation.revokeReviewer': admin(),
  'Mutation.requireSpotCheck': admin(),
  'Query.caseStudyVerdicts': anyone(note('verdicts of published case studies, blind second opinions hidden until both are in')),
  'Query.caseStudyReceipt': anyone(),

  // Disputes
  'Mutation.disputeVerdict': signedIn('confirmedVendorMember', note('the vendor whose case study the verdict is about')),
  'Mutation.replyToVerdict': signedIn('confirmedVendorMember', note('the vendor whose case study the verdict is about')),
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
  'Query.shortlists': signedIn('myShortlist'),
  'Query.myShortlists': signedIn(note('the caller’s own buyer organizations’ shortlists')),
  'Mutation.createShortlist': signedIn('orgMember'),
  'Mutation.addToShortlist': signedIn('myShortlist'),
  'Mutation.removeFromShortlist': signedIn('myShortlist'),
  'Mutation.updateShortlistNote': signedIn('myShortlist'),

  // Operations
  'Query.outbox': admin(),
};

/** The rule of a root operation (`Query.me`), or undefined when there is none (refused). */
export function operationRule(operation: string): OperationRule | undefined {
  return Object.prototype.hasOwnProperty.call(OPERATION_POLICY, operation) ? OPERATION_POLICY[operation] : undefined;
}

/** The operation's object rule and notes in words, e.g. for docs and logs. */
export function describeOperation(rule: OperationRule): string {
  return [rule.object ? OBJECT_RULES[rule.object].allows : null, rule.note ?? null].filter((w): w is string => !!w).join('; ');
}

/** Whether `user` passes `caller` (the caller rules are the object rules of the same names); the refusal's code and sentence when not. */
export function checkCaller(caller: Caller, user: { platformRoles: readonly string[] } | null): { ok: true } | { ok: false; code: 'UNAUTHENTICATED' | 'FORBIDDEN'; reason: string; message: string } {
  if (caller === 'anyone') return { ok: true };
  const verdict = OBJECT_RULES[caller].check(user, {});
  if (verdict.ok) return verdict;
  return { ok: false, code: verdict.code === 'UNAUTHENTICATED' ? 'UNAUTHENTICATED' : 'FORBIDDEN', reason: verdict.reason, message: verdict.message };
}
