import { subtractMonthsUtc } from './dates';
import { domainMatches, isFreeMailDomain, normalizeDomain } from './email-domains';

export const DEFAULT_MAX_VERDICTS_PER_VENDOR_PER_12_MONTHS = 3;
/** The look-back window for reviewer concentration, in calendar months. */
export const REVIEWER_CONCENTRATION_WINDOW_MONTHS = 12;

export type ReviewerConflictCode =
  | 'REVIEWER_AFFILIATED_WITH_VENDOR'
  | 'REVIEWER_AFFILIATED_WITH_CLIENT'
  | 'REVIEWER_OVER_CONCENTRATED';

/** How long a past membership still conflicts a reviewer with that organisation, in calendar months. */
export const MEMBERSHIP_CONFLICT_MONTHS = 24;

/** A membership of a person in an organisation, with its dates (`leftAt` null while it lasts). */
export interface MembershipFact {
  organizationId: string;
  joinedAt: Date;
  leftAt: Date | null;
}

/** What Assay knows about a reviewer: facts first, declarations second. */
export interface ReviewerFacts {
  /** Every membership the reviewer's account has or had, with dates. */
  memberships: readonly MembershipFact[];
  /** Domains of the reviewer's verified email addresses. */
  verifiedEmailDomains: readonly string[];
  /** Organisations the reviewer has declared an affiliation with. */
  declaredOrganizationIds: readonly string[];
  /** Email domains of organisations the reviewer has declared an affiliation with. */
  declaredDomains: readonly string[];
}

/** The vendor or the client of a case study, as far as conflicts go. */
export interface ConflictParty {
  /** The organisation on Assay; null for a client that has none. */
  organizationId: string | null;
  name: string;
  /** Its verified domains (the vendor's) or its stated domain (the client's). */
  domains: readonly string[];
}

export type ConflictBasis = 'membership' | 'past_membership' | 'email_domain' | 'declared';

export interface ConflictFinding {
  party: 'vendor' | 'client';
  basis: ConflictBasis;
  code: 'REVIEWER_AFFILIATED_WITH_VENDOR' | 'REVIEWER_AFFILIATED_WITH_CLIENT';
  message: string;
}

export interface ReviewerConflictFacts {
  reviewer: ReviewerFacts;
  vendor: ConflictParty;
  client: ConflictParty;
  now: Date;
}

/**
 * Is this reviewer conflicted with the vendor or the client of a case study?
 * Conflicted with a party when they are a member of its organisation, were one
 * in the last 24 months, share a verified email domain with it (either way
 * round, subdomains included, free-mail never), or declared an affiliation.
 * One finding per party, the strongest basis first (membership, past
 * membership, email domain, declaration). The one rule the task queue, the
 * verdict and the dispute paths all call.
 */
export function reviewerConflict(facts: ReviewerConflictFacts): { conflicted: boolean; findings: ConflictFinding[] } {
  const findings = [
    partyFinding(facts, 'vendor', facts.vendor),
    partyFinding(facts, 'client', facts.client),
  ].filter((f): f is ConflictFinding => f !== null);
  return { conflicted: findings.length > 0, findings };
}

function partyFinding(facts: ReviewerConflictFacts, party: 'vendor' | 'client', org: ConflictParty): ConflictFinding | null {
  const code = party === 'vendor' ? 'REVIEWER_AFFILIATED_WITH_VENDOR' : 'REVIEWER_AFFILIATED_WITH_CLIENT';
  const consequence =
    party === 'vendor' ? 'so you cannot verify its case studies.' : 'so you cannot verify this case study.';
  const who = party === 'vendor' ? 'this vendor' : `the client, ${org.name}`;
  const whoOrg = party === 'vendor' ? `the vendor’s organisation (${org.name})` : `the client’s organisation (${org.name})`;
  const { reviewer, now } = facts;
  if (org.organizationId !== null) {
    const memberships = reviewer.memberships.filter((m) => m.organizationId === org.organizationId && m.joinedAt.getTime() <= now.getTime());
    if (memberships.some((m) => m.leftAt === null || m.leftAt.getTime() > now.getTime())) {
      return { party, basis: 'membership', code, message: `You are a member of ${whoOrg}, ${consequence}` };
    }
    const windowStart = subtractMonthsUtc(now, MEMBERSHIP_CONFLICT_MONTHS).getTime();
    if (memberships.some((m) => m.leftAt !== null && m.leftAt.getTime() > windowStart)) {
      return {
        party,
        basis: 'past_membership',
        code,
        message: `You were a member of ${whoOrg} in the last ${MEMBERSHIP_CONFLICT_MONTHS} months, ${consequence}`,
      };
    }
  }
  const declaredDomains = reviewer.declaredDomains.map(ownedDomain).filter((d): d is string => d !== null);
  const ownDomains = reviewer.verifiedEmailDomains.map(ownedDomain).filter((d): d is string => d !== null);
  const ownOverlap = findDomainOverlap(ownDomains, [], org.domains);
  if (ownOverlap !== null) {
    const other = party === 'vendor' ? `the vendor's verified domain ${ownOverlap.otherDomain}` : `the domain of the client, ${org.name} (${ownOverlap.otherDomain})`;
    return { party, basis: 'email_domain', code, message: `${describeOverlap(ownOverlap)} matches ${other}, ${consequence}` };
  }
  if (org.organizationId !== null && reviewer.declaredOrganizationIds.includes(org.organizationId)) {
    return { party, basis: 'declared', code, message: `You have declared an affiliation with ${who}, ${consequence}` };
  }
  const declaredOverlap = findDomainOverlap([], declaredDomains, org.domains);
  if (declaredOverlap !== null) {
    const other = party === 'vendor' ? `the vendor's verified domain ${declaredOverlap.otherDomain}` : `the domain of the client, ${org.name} (${declaredOverlap.otherDomain})`;
    return { party, basis: 'declared', code, message: `${describeOverlap(declaredOverlap)} matches ${other}, ${consequence}` };
  }
  return null;
}

/**
 * Verdicts a reviewer must give up because they joined the vendor: those on
 * the organisation's case studies recorded while they were a member or in the
 * 24 months before they joined (a verdict given while courting an employer is
 * not independent). Ids in input order.
 */
export function verdictsTaintedByMembership(
  memberships: readonly MembershipFact[],
  verdicts: ReadonlyArray<{ id: string; vendorOrganizationId: string; recordedAt: Date }>,
  now: Date,
): string[] {
  return verdicts
    .filter((v) =>
      memberships.some((m) => {
        if (m.organizationId !== v.vendorOrganizationId || m.joinedAt.getTime() > now.getTime()) return false;
        const from = subtractMonthsUtc(m.joinedAt, MEMBERSHIP_CONFLICT_MONTHS).getTime();
        const to = m.leftAt === null ? Number.POSITIVE_INFINITY : m.leftAt.getTime();
        return v.recordedAt.getTime() >= from && v.recordedAt.getTime() <= to;
      }),
    )
    .map((v) => v.id);
}

export interface ReviewerConflictInput {
  reviewer: {
    /** The domain of the reviewer's own (verified) email address. */
    emailDomain: string;
    /** Organisations the reviewer has declared an affiliation with. */
    affiliatedOrganizationIds: readonly string[];
    /** Email domains of organisations the reviewer has declared an affiliation with. */
    affiliatedDomains: readonly string[];
    /** The reviewer's memberships with dates (facts, not declarations); none when omitted. */
    memberships?: readonly MembershipFact[];
  };
  vendor: { organizationId: string; verifiedDomains: readonly string[]; name?: string };
  client: { name: string; domain: string | null; organizationId?: string | null };
  /** When this reviewer recorded verdicts on this vendor's case studies before. */
  pastVerdictDatesForVendor: readonly Date[];
  /** Defaults to `DEFAULT_MAX_VERDICTS_PER_VENDOR_PER_12_MONTHS`. */
  maxVerdictsPer12Months?: number;
  now: Date;
}

export interface ReviewerConflict {
  code: ReviewerConflictCode;
  message: string;
}

export type ReviewerConflictResult =
  | { ok: true; recentVerdictCount: number }
  | {
      ok: false;
      /** The first conflict found: vendor affiliation, then client affiliation, then concentration. */
      code: ReviewerConflictCode;
      message: string;
      /** Every conflict found, so the reviewer sees them all at once. */
      conflicts: ReviewerConflict[];
      recentVerdictCount: number;
    };

/**
 * May this reviewer take a verification task? Refused when `reviewerConflict`
 * finds a conflict with the vendor or the client, or the reviewer has already
 * recorded the maximum number of verdicts on this vendor in the last 12 months.
 */
export function checkReviewerConflicts(input: ReviewerConflictInput): ReviewerConflictResult {
  const max = input.maxVerdictsPer12Months ?? DEFAULT_MAX_VERDICTS_PER_VENDOR_PER_12_MONTHS;
  if (!Number.isInteger(max) || max < 0) {
    throw new RangeError(`maxVerdictsPer12Months must be a non-negative integer, got ${max}.`);
  }
  const { reviewer, vendor, client } = input;
  const { findings } = reviewerConflict({
    reviewer: {
      memberships: reviewer.memberships ?? [],
      verifiedEmailDomains: [reviewer.emailDomain],
      declaredOrganizationIds: reviewer.affiliatedOrganizationIds,
      declaredDomains: reviewer.affiliatedDomains,
    },
    vendor: { organizationId: vendor.organizationId, name: vendor.name ?? 'the vendor', domains: vendor.verifiedDomains },
    client: { organizationId: client.organizationId ?? null, name: client.name, domains: client.domain === null ? [] : [client.domain] },
    now: input.now,
  });
  const conflicts: ReviewerConflict[] = findings.map((f) => ({ code: f.code, message: f.message }));

  const windowStart = subtractMonthsUtc(input.now, REVIEWER_CONCENTRATION_WINDOW_MONTHS).getTime();
  // A verdict exactly 12 months old has left the window. Dates after `now` still
  // count: clocks of different API replicas disagree a little, and counting errs safe.
  const recentVerdictCount = input.pastVerdictDatesForVendor.filter((d) => d.getTime() > windowStart).length;
  if (recentVerdictCount >= max) {
    conflicts.push({
      code: 'REVIEWER_OVER_CONCENTRATED',
      message: `You have recorded ${recentVerdictCount} ${recentVerdictCount === 1 ? 'verdict' : 'verdicts'} on this vendor's case studies in the last 12 months, and the limit is ${max}; this task needs a different reviewer.`,
    });
  }

  if (conflicts.length === 0) return { ok: true, recentVerdictCount };
  const [first] = conflicts;
  return { ok: false, code: first.code, message: first.message, conflicts, recentVerdictCount };
}

interface DomainOverlap {
  reviewerDomain: string;
  fromOwnEmail: boolean;
  otherDomain: string;
}

// Free-mail domains say nothing about affiliation (a reviewer on gmail.com is not
// affiliated with a client that uses gmail.com), so they never count.
function ownedDomain(domain: string): string | null {
  const normalized = normalizeDomain(domain);
  return normalized === null || isFreeMailDomain(normalized) ? null : normalized;
}

function findDomainOverlap(
  ownDomains: readonly string[],
  declaredDomains: readonly string[],
  otherDomains: readonly string[],
): DomainOverlap | null {
  const others = otherDomains.map(ownedDomain).filter((d): d is string => d !== null);
  const candidates = [
    ...ownDomains.map((domain) => ({ domain, fromOwnEmail: true })),
    ...declaredDomains.map((domain) => ({ domain, fromOwnEmail: false })),
  ];
  for (const candidate of candidates) {
    // Either way round: a reviewer at eu.acme.com is inside acme.com, and one
    // affiliated with acme.com is affiliated with its eu.acme.com subsidiary.
    const other = others.find((o) => domainMatches(candidate.domain, o) || domainMatches(o, candidate.domain));
    if (other !== undefined) {
      return { reviewerDomain: candidate.domain, fromOwnEmail: candidate.fromOwnEmail, otherDomain: other };
    }
  }
  return null;
}

function describeOverlap(overlap: DomainOverlap): string {
  return overlap.fromOwnEmail
    ? `Your email domain ${overlap.reviewerDomain}`
    : `${overlap.reviewerDomain}, which you have declared an affiliation with,`;
}
