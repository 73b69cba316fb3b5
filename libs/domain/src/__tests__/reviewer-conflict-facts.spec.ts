import fc from 'fast-check';
import {
  type ConflictParty,
  type MembershipFact,
  reviewerConflict,
  type ReviewerConflictFacts,
  type ReviewerFacts,
  verdictsTaintedByMembership,
} from '../reviewer-conflicts';

const NOW = new Date('2026-06-15T12:00:00Z');
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

const VENDOR: ConflictParty = { organizationId: 'org-vendor', name: 'Deep Vendor', domains: ['deepvendor.ai'] };
const CLIENT: ConflictParty = { organizationId: 'org-client', name: 'Acme Retail', domains: ['acme.com'] };

function aReviewer(overrides: Partial<ReviewerFacts> = {}): ReviewerFacts {
  return { memberships: [], verifiedEmailDomains: ['independent-audit.eu'], declaredOrganizationIds: [], declaredDomains: [], ...overrides };
}

function facts(reviewer: ReviewerFacts, vendor = VENDOR, client = CLIENT): ReviewerConflictFacts {
  return { reviewer, vendor, client, now: NOW };
}

const orgIds = fc.constantFrom('org-vendor', 'org-client', 'org-other', 'org-university');
const domains = fc.constantFrom('deepvendor.ai', 'labs.deepvendor.ai', 'acme.com', 'eu.acme.com', 'gmail.com', 'independent-audit.eu', 'uni.edu');
const membership: fc.Arbitrary<MembershipFact> = fc
  .record({ organizationId: orgIds, joinedDaysAgo: fc.integer({ min: -30, max: 3000 }), lengthDays: fc.option(fc.integer({ min: 0, max: 3000 })) })
  .map(({ organizationId, joinedDaysAgo, lengthDays }) => ({
    organizationId,
    joinedAt: daysAgo(joinedDaysAgo),
    leftAt: lengthDays === null ? null : new Date(daysAgo(joinedDaysAgo).getTime() + lengthDays * DAY),
  }));
const reviewerFacts: fc.Arbitrary<ReviewerFacts> = fc.record({
  memberships: fc.array(membership, { maxLength: 4 }),
  verifiedEmailDomains: fc.array(domains, { maxLength: 2 }),
  declaredOrganizationIds: fc.array(orgIds, { maxLength: 2 }),
  declaredDomains: fc.array(domains, { maxLength: 2 }),
});

describe(reviewerConflict.name, () => {
  it('allows a reviewer with no tie to either party', () => {
    expect(reviewerConflict(facts(aReviewer()))).toEqual({ conflicted: false, findings: [] });
  });

  it('refuses a current member of the vendor’s organisation, whatever they declared', () => {
    const reviewer = aReviewer({ memberships: [{ organizationId: 'org-vendor', joinedAt: daysAgo(10), leftAt: null }] });
    expect(reviewerConflict(facts(reviewer)).findings).toEqual([
      expect.objectContaining({ party: 'vendor', basis: 'membership', code: 'REVIEWER_AFFILIATED_WITH_VENDOR', message: expect.stringContaining('You are a member of the vendor’s organisation (Deep Vendor)') }),
    ]);
  });

  it('refuses a reviewer who left the client 23 months ago, and allows one who left 25 months ago', () => {
    const left = (days: number) => aReviewer({ memberships: [{ organizationId: 'org-client', joinedAt: daysAgo(2000), leftAt: daysAgo(days) }] });
    expect(reviewerConflict(facts(left(23 * 30))).findings).toEqual([expect.objectContaining({ party: 'client', basis: 'past_membership' })]);
    expect(reviewerConflict(facts(left(25 * 31))).conflicted).toBe(false);
  });

  it('does not count a membership that has not started yet', () => {
    const reviewer = aReviewer({ memberships: [{ organizationId: 'org-vendor', joinedAt: daysAgo(-5), leftAt: null }] });
    expect(reviewerConflict(facts(reviewer)).conflicted).toBe(false);
  });

  it('refuses a reviewer whose verified email is on the client’s domain, naming the domain', () => {
    const result = reviewerConflict(facts(aReviewer({ verifiedEmailDomains: ['eu.acme.com'] })));
    expect(result.findings).toEqual([
      expect.objectContaining({ party: 'client', basis: 'email_domain', message: expect.stringContaining('Acme Retail (acme.com)') }),
    ]);
  });

  it('never treats a shared free-mail domain as a tie', () => {
    const gmail = { ...CLIENT, domains: ['gmail.com'] };
    expect(reviewerConflict(facts(aReviewer({ verifiedEmailDomains: ['gmail.com'] }), VENDOR, gmail)).conflicted).toBe(false);
  });

  it('property: a current member of a party is always conflicted with it, on the basis of membership', () => {
    fc.assert(
      fc.property(reviewerFacts, fc.constantFrom<'vendor' | 'client'>('vendor', 'client'), (reviewer, party) => {
        const orgId = party === 'vendor' ? 'org-vendor' : 'org-client';
        const member = { ...reviewer, memberships: [...reviewer.memberships, { organizationId: orgId, joinedAt: daysAgo(1), leftAt: null }] };
        const finding = reviewerConflict(facts(member)).findings.find((f) => f.party === party);
        expect(finding?.basis).toBe('membership');
      }),
    );
  });

  it('property: more facts never lift a conflict (monotone)', () => {
    fc.assert(
      fc.property(reviewerFacts, reviewerFacts, (a, b) => {
        const merged: ReviewerFacts = {
          memberships: [...a.memberships, ...b.memberships],
          verifiedEmailDomains: [...a.verifiedEmailDomains, ...b.verifiedEmailDomains],
          declaredOrganizationIds: [...a.declaredOrganizationIds, ...b.declaredOrganizationIds],
          declaredDomains: [...a.declaredDomains, ...b.declaredDomains],
        };
        const before = reviewerConflict(facts(a)).findings.map((f) => f.party);
        const after = reviewerConflict(facts(merged)).findings.map((f) => f.party);
        for (const party of before) expect(after).toContain(party);
      }),
    );
  });

  it('property: swapping the vendor and the client swaps the parties of the findings', () => {
    fc.assert(
      fc.property(reviewerFacts, (reviewer) => {
        const straight = reviewerConflict(facts(reviewer)).findings.map((f) => `${f.party === 'vendor' ? CLIENT.organizationId : VENDOR.organizationId}:${f.basis}`);
        const swapped = reviewerConflict(facts(reviewer, CLIENT, VENDOR)).findings.map((f) => `${f.party === 'vendor' ? CLIENT.organizationId : VENDOR.organizationId}:${f.basis}`);
        expect(new Set(swapped)).toEqual(new Set(straight.map((s) => (s.startsWith('org-client') ? s.replace('org-client', 'org-vendor') : s.replace('org-vendor', 'org-client')))));
      }),
    );
  });

  it('property: ties only to unrelated organisations and domains never conflict', () => {
    const unrelated = fc.record({
      memberships: fc.array(membership.map((m) => ({ ...m, organizationId: 'org-other' })), { maxLength: 3 }),
      verifiedEmailDomains: fc.array(fc.constantFrom('uni.edu', 'gmail.com', 'independent-audit.eu'), { maxLength: 2 }),
      declaredOrganizationIds: fc.array(fc.constantFrom('org-other', 'org-university'), { maxLength: 2 }),
      declaredDomains: fc.array(fc.constantFrom('uni.edu', 'gmail.com'), { maxLength: 2 }),
    });
    fc.assert(fc.property(unrelated, (reviewer) => expect(reviewerConflict(facts(reviewer)).conflicted).toBe(false)));
  });
});

describe(verdictsTaintedByMembership.name, () => {
  const joined = daysAgo(100);
  const member: MembershipFact[] = [{ organizationId: 'org-vendor', joinedAt: joined, leftAt: null }];

  it('re-queues verdicts recorded in the 24 months before joining and while a member, not older ones or other vendors’', () => {
    const verdicts = [
      { id: 'before-joining', vendorOrganizationId: 'org-vendor', recordedAt: daysAgo(300) },
      { id: 'long-before', vendorOrganizationId: 'org-vendor', recordedAt: daysAgo(100 + 800) },
      { id: 'other-vendor', vendorOrganizationId: 'org-other', recordedAt: daysAgo(300) },
      { id: 'while-member', vendorOrganizationId: 'org-vendor', recordedAt: daysAgo(50) },
    ];
    expect(verdictsTaintedByMembership(member, verdicts, NOW)).toEqual(['before-joining', 'while-member']);
  });

  it('property: a verdict recorded while the reviewer was a member is always tainted', () => {
    fc.assert(
      fc.property(membership, fc.double({ min: 0, max: 1, noNaN: true }), (m, at) => {
        if (m.joinedAt.getTime() > NOW.getTime()) return;
        const end = Math.min(m.leftAt?.getTime() ?? NOW.getTime(), NOW.getTime());
        const recordedAt = new Date(m.joinedAt.getTime() + at * Math.max(0, end - m.joinedAt.getTime()));
        expect(verdictsTaintedByMembership([m], [{ id: 'v', vendorOrganizationId: m.organizationId, recordedAt }], NOW)).toEqual(['v']);
      }),
    );
  });
});
