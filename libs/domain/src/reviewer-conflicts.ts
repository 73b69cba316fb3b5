import { subtractMonthsUtc } from './dates';
import { domainMatches, isFreeMailDomain, normalizeDomain } from './email-domains';

export const DEFAULT_MAX_VERDICTS_PER_VENDOR_PER_12_MONTHS = 3;
/** The look-back window for reviewer concentration, in calendar months. */
export const REVIEWER_CONCENTRATION_WINDOW_MONTHS = 12;

export type ReviewerConflictCode =
  | 'REVIEWER_AFFILIATED_WITH_VENDOR'
  | 'REVIEWER_AFFILIATED_WITH_CLIENT'
  | 'REVIEWER_OVER_CONCENTRATED';

export interface ReviewerConflictInput {
  reviewer: {
    /** The domain of the reviewer's own email address. */
    emailDomain: string;
    /** Organisations the reviewer has declared an affiliation with. */
    affiliatedOrganizationIds: readonly string[];
    /** Email domains of organisations the reviewer has declared an affiliation with. */
    affiliatedDomains: readonly string[];
  };
  vendor: { organizationId: string; verifiedDomains: readonly string[] };
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
 * May this reviewer take a verification task? Refused when the reviewer is
 * affiliated with the vendor or the client (declared organisation, or a domain
 * of theirs within the other's domain, either way round), or has already
 * recorded the maximum number of verdicts on this vendor in the last 12 months.
 */
export function checkReviewerConflicts(input: ReviewerConflictInput): ReviewerConflictResult {
  const max = input.maxVerdictsPer12Months ?? DEFAULT_MAX_VERDICTS_PER_VENDOR_PER_12_MONTHS;
  if (!Number.isInteger(max) || max < 0) {
    throw new RangeError(`maxVerdictsPer12Months must be a non-negative integer, got ${max}.`);
  }
  const conflicts: ReviewerConflict[] = [];
  const { reviewer, vendor, client } = input;
  const ownDomain = ownedDomain(reviewer.emailDomain);
  const declaredDomains = reviewer.affiliatedDomains.map(ownedDomain).filter((d): d is string => d !== null);

  const vendorConflict = findDomainOverlap(ownDomain, declaredDomains, vendor.verifiedDomains);
  if (reviewer.affiliatedOrganizationIds.includes(vendor.organizationId)) {
    conflicts.push({
      code: 'REVIEWER_AFFILIATED_WITH_VENDOR',
      message: 'You have declared an affiliation with this vendor, so you cannot verify its case studies.',
    });
  } else if (vendorConflict !== null) {
    conflicts.push({
      code: 'REVIEWER_AFFILIATED_WITH_VENDOR',
      message: `${describeOverlap(vendorConflict)} matches the vendor's verified domain ${vendorConflict.otherDomain}, so you cannot verify its case studies.`,
    });
  }

  const clientConflict = findDomainOverlap(ownDomain, declaredDomains, client.domain === null ? [] : [client.domain]);
  const clientOrgId = client.organizationId ?? null;
  if (clientOrgId !== null && reviewer.affiliatedOrganizationIds.includes(clientOrgId)) {
    conflicts.push({
      code: 'REVIEWER_AFFILIATED_WITH_CLIENT',
      message: `You have declared an affiliation with the client, ${client.name}, so you cannot verify this case study.`,
    });
  } else if (clientConflict !== null) {
    conflicts.push({
      code: 'REVIEWER_AFFILIATED_WITH_CLIENT',
      message: `${describeOverlap(clientConflict)} matches the domain of the client, ${client.name} (${clientConflict.otherDomain}), so you cannot verify this case study.`,
    });
  }

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
  ownDomain: string | null,
  declaredDomains: readonly string[],
  otherDomains: readonly string[],
): DomainOverlap | null {
  const others = otherDomains.map(ownedDomain).filter((d): d is string => d !== null);
  const candidates = [
    ...(ownDomain === null ? [] : [{ domain: ownDomain, fromOwnEmail: true }]),
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
