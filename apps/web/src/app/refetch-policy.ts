import type { DocumentNode } from 'graphql';
import { meQuery } from '../modules/accounts/graphql/me.query';
import { caseStudyRevisionsQuery } from '../modules/case-studies/graphql/case-study-revisions.query';
import { caseStudyQuery } from '../modules/case-studies/graphql/case-study.query';
import { caseStudyEvidenceQuery } from '../modules/evidence/graphql/case-study-evidence.query';
import { organizationQuery } from '../modules/organizations/graphql/organization.query';
import { myShortlistsQuery } from '../modules/shortlists/graphql/my-shortlists.query';
import { vendorDomainsQuery } from '../modules/vendor-dashboard/graphql/vendor-domains.query';
import { caseStudyVerdictsQuery } from '../modules/verification/graphql/case-study-verdicts.query';
import { myAffiliationsQuery } from '../modules/verification/graphql/my-affiliations.query';
import { myExpertiseQuery } from '../modules/verification/graphql/my-expertise.query';
import { myVerificationTasksQuery } from '../modules/verification/graphql/my-verification-tasks.query';
import { openDisputesQuery } from '../modules/verification/graphql/open-disputes.query';
import { reviewersQuery } from '../modules/verification/graphql/reviewers.query';
import { myTaskOffersQuery } from '../modules/verification/graphql/my-task-offers.query';
import { verificationQueueQuery } from '../modules/verification/graphql/verification-queue.query';
import { verificationTimelineQuery } from '../modules/verification/graphql/verification-timeline.query';

type Refetch = { query: DocumentNode; variables?: Record<string, unknown> } | DocumentNode | string;

interface Rule<Ids> {
  /**
   * The queries whose answer the mutation changes: `{ query, variables }` is read again whether or not a page
   * shows it; a document or a name reads again every active query of it, with its own variables.
   */
  reads: (ids: Ids) => Refetch[];
  /** Wait for them before the mutation counts as done (the page shows the new state at once). */
  wait: boolean;
}

const rule = <Ids = void>(reads: (ids: Ids) => Refetch[], wait = true): Rule<Ids> => ({ reads, wait });

/**
 * What each mutation changes, as the queries to read again after it: the web app's one refetch
 * policy. Mutations whose answer Apollo normalises into the cache by id (edits of an object the
 * page shows) need no entry; a mutation that adds to or removes from a list, or changes what
 * another query derives, is listed here, and its component passes `refetchAfter(name, ids)` to
 * `useMutation` instead of a list of its own.
 */
const POLICY = {
  // Accounts and organizations: `me.memberships` lists the new organization.
  createOrganization: rule(() => [{ query: meQuery }]),
  acceptInvitation: rule(() => [{ query: meQuery }]),
  inviteMember: rule(({ organizationId }: { organizationId: string }) => [{ query: organizationQuery, variables: { id: organizationId } }]),
  // Vendors.
  addVendorDomain: rule(({ vendorId }: { vendorId: string }) => [{ query: vendorDomainsQuery, variables: { vendorId } }]),
  removeVendorDomain: rule(({ vendorId }: { vendorId: string }) => [{ query: vendorDomainsQuery, variables: { vendorId } }]),
  importRoster: rule(() => ['RosterEntries']),
  removeRosterEntry: rule(() => ['RosterEntries']),
  // Case studies and their evidence.
  nominateReference: rule(({ caseStudyId }: { caseStudyId: string }) => [{ query: caseStudyQuery, variables: { id: caseStudyId } }]),
  removeReference: rule(({ caseStudyId }: { caseStudyId: string }) => [{ query: caseStudyQuery, variables: { id: caseStudyId } }]),
  submitCaseStudy: rule(({ caseStudyId }: { caseStudyId: string }) => [{ query: caseStudyRevisionsQuery, variables: { id: caseStudyId } }], false),
  withdrawCaseStudy: rule(({ caseStudyId }: { caseStudyId: string }) => [{ query: caseStudyRevisionsQuery, variables: { id: caseStudyId } }], false),
  addEvidenceLink: rule(({ caseStudyId }: { caseStudyId: string }) => [{ query: caseStudyEvidenceQuery, variables: { caseStudyId } }]),
  removeEvidence: rule(({ caseStudyId }: { caseStudyId: string }) => [{ query: caseStudyEvidenceQuery, variables: { caseStudyId } }]),
  // Verification.
  claimTask: rule(() => [{ query: myTaskOffersQuery }, { query: myVerificationTasksQuery }], false),
  declineTask: rule(() => [{ query: myTaskOffersQuery }]),
  assignTask: rule(() => [{ query: verificationQueueQuery }]),
  submitVerdict: rule(() => [{ query: myVerificationTasksQuery }], false),
  declareAffiliation: rule(() => [{ query: myAffiliationsQuery }]),
  declareExpertise: rule(() => [{ query: myExpertiseQuery }]),
  accreditReviewer: rule(() => [{ query: reviewersQuery }]),
  revokeReviewer: rule(() => [{ query: reviewersQuery }]),
  replyToVerdict: rule(({ caseStudyId }: { caseStudyId: string }) => [{ query: caseStudyVerdictsQuery, variables: { caseStudyId } }]),
  disputeVerdict: rule(({ caseStudyId }: { caseStudyId: string }) => [
    { query: caseStudyVerdictsQuery, variables: { caseStudyId } },
    { query: verificationTimelineQuery, variables: { id: caseStudyId } },
  ]),
  resolveDispute: rule(({ caseStudyId }: { caseStudyId: string }) => [{ query: openDisputesQuery }, { query: caseStudyVerdictsQuery, variables: { caseStudyId } }]),
  // Shortlists.
  addToShortlist: rule(() => [myShortlistsQuery], false),
  removeFromShortlist: rule(() => [myShortlistsQuery], false),
};

type Policy = typeof POLICY;
type IdsOf<K extends keyof Policy> = Policy[K] extends Rule<infer Ids> ? Ids : never;

/** `useMutation(mutation, refetchAfter('claimTask'))`: the options that read again what the mutation changes. */
export function refetchAfter<K extends keyof Policy>(mutation: K, ...ids: IdsOf<K> extends void ? [] : [IdsOf<K>]): { refetchQueries: Refetch[]; awaitRefetchQueries: boolean } {
  const policy = POLICY[mutation] as Rule<IdsOf<K>>;
  return { refetchQueries: policy.reads(ids[0] as IdsOf<K>), awaitRefetchQueries: policy.wait };
}
