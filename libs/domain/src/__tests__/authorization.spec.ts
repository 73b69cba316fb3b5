import fc from 'fast-check';
import { AUTHORIZATION_REASONS, caseStudyViewer, checkRule, OBJECT_RULES, type ObjectRuleName, type UserFacts } from '../authorization';
import type { CaseStudyStatus } from '../case-study-workflow';

const VENDOR = '11111111-1111-4111-8111-111111111111';
const BUYER = '22222222-2222-4222-8222-222222222222';
const OTHER = '33333333-3333-4333-8333-333333333333';

const user = (over: Partial<UserFacts> = {}): UserFacts => ({
  id: 'u1',
  email: 'ana@northwind.example',
  platformRoles: [],
  emailVerified: true,
  memberships: new Map(),
  ...over,
});
const memberOf = (organizationId: string, role: 'owner' | 'member' = 'member', over: Partial<UserFacts> = {}) => user({ memberships: new Map([[organizationId, role]]), ...over });
const admin = user({ platformRoles: ['admin'] });
const reviewer = user({ platformRoles: ['reviewer'] });

const STATUSES: CaseStudyStatus[] = ['draft', 'submitted', 'in_verification', 'verified', 'partially_verified', 'unverified', 'disputed', 'withdrawn'];

/** A subject for every rule, about VENDOR / BUYER, from arbitrary facts. */
const subjectArb = fc.record({
  organizationId: fc.constantFrom(VENDOR, BUYER),
  vendorId: fc.constantFrom(VENDOR, BUYER),
  status: fc.constantFrom(...STATUSES),
  organizationKind: fc.constantFrom('buyer', 'vendor'),
  invitedEmail: fc.constantFrom('ana@northwind.example', 'bo@northwind.example'),
  domain: fc.constant('delta.example'),
  verified: fc.boolean(),
  assignedReviewer: fc.boolean(),
});

const userArb = fc.record({
  id: fc.constant('u1'),
  email: fc.constantFrom('ana@northwind.example', 'bo@northwind.example'),
  platformRoles: fc.subarray(['admin', 'reviewer']),
  emailVerified: fc.boolean(),
  memberships: fc.array(fc.tuple(fc.constantFrom(VENDOR, BUYER, OTHER), fc.constantFrom<'owner' | 'member'>('owner', 'member')), { maxLength: 3 }).map((pairs) => new Map(pairs)),
});

const RULE_NAMES = Object.keys(OBJECT_RULES) as ObjectRuleName[];
// Subjects are typed per rule; the property tests feed every rule one record with all the facts.
const check = (name: ObjectRuleName, u: UserFacts | null, subject: object) => checkRule(name, u, subject as never);

describe('OBJECT_RULES', () => {
  it('says in words who passes every rule, and lists its refusals', () => {
    for (const name of RULE_NAMES) {
      expect({ name, allows: OBJECT_RULES[name].allows.length > 10 }).toEqual({ name, allows: true });
      expect(OBJECT_RULES[name].refuses.length).toBeGreaterThan(0);
      for (const reason of OBJECT_RULES[name].refuses) expect(AUTHORIZATION_REASONS).toContain(reason);
    }
  });

  it('refuses only with the reasons a rule lists, and a signed-out caller only with SIGN_IN_REQUIRED (or the hidden NOT_FOUND)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RULE_NAMES), fc.option(userArb, { nil: null }), subjectArb, (name, u, subject) => {
        const verdict = check(name, u, subject);
        if (verdict.ok) return;
        expect(OBJECT_RULES[name].refuses).toContain(verdict.reason);
        expect(verdict.message.length).toBeGreaterThan(10);
        if (!u) expect(['SIGN_IN_REQUIRED', 'NOT_FOUND']).toContain(verdict.reason);
        if (verdict.reason === 'SIGN_IN_REQUIRED') expect(verdict.code).toBe('UNAUTHENTICATED');
        if (verdict.reason === 'NOT_FOUND') expect(verdict.code).toBe('NOT_FOUND');
      }),
    );
  });

  it('admits a signed-out caller only to rules marked anonymous', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RULE_NAMES), subjectArb, (name, subject) => {
        if (check(name, null, subject).ok) expect((OBJECT_RULES[name] as { anonymous?: true }).anonymous).toBe(true);
      }),
    );
  });

  it('never lets a non-member pass a membership rule, whatever else they are (admins included)', () => {
    const membershipRules: ObjectRuleName[] = ['orgMember', 'orgOwner', 'confirmedOrgMember', 'confirmedOrgOwner', 'myShortlist', 'vendorMember', 'confirmedVendorMember', 'evidenceEditor', 'myVendorsCaseStudy'];
    fc.assert(
      fc.property(fc.constantFrom(...membershipRules), userArb, subjectArb, (name, u, subject) => {
        const outsider = { ...u, memberships: new Map([...u.memberships].filter(([org]) => org !== subject.organizationId && org !== subject.vendorId)) };
        expect(check(name, outsider, subject).ok).toBe(false);
      }),
    );
  });

  it('lets an admin pass every rule that admits admins, whatever the object', () => {
    const adminRules: ObjectRuleName[] = ['signedIn', 'admin', 'reviewer', 'vendorMemberOrAdmin', 'removableVendorDomain', 'publishedOrMine', 'evidenceReader'];
    fc.assert(
      fc.property(fc.constantFrom(...adminRules), userArb, subjectArb, (name, u, subject) => {
        expect(check(name, { ...u, platformRoles: ['admin'] }, subject)).toEqual({ ok: true });
      }),
    );
  });

  it('gives a member everything a stranger gets, and an owner everything a member gets', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RULE_NAMES), userArb, subjectArb, (name, u, subject) => {
        const stranger = { ...u, memberships: new Map<string, 'owner' | 'member'>() };
        const asMember = { ...u, memberships: new Map<string, 'owner' | 'member'>([[subject.organizationId, 'member'], [subject.vendorId, 'member']]) };
        const asOwner = { ...u, memberships: new Map<string, 'owner' | 'member'>([[subject.organizationId, 'owner'], [subject.vendorId, 'owner']]) };
        if (check(name, stranger, subject).ok) expect(check(name, asMember, subject).ok).toBe(true);
        if (check(name, asMember, subject).ok) expect(check(name, asOwner, subject).ok).toBe(true);
      }),
    );
  });
});

describe('organization rules', () => {
  it('tells a non-member from a member who is not an owner', () => {
    expect(checkRule('orgOwner', user(), { organizationId: BUYER })).toMatchObject({ ok: false, code: 'FORBIDDEN', reason: 'NOT_A_MEMBER', message: 'You are not a member of this organization.' });
    expect(checkRule('orgOwner', memberOf(BUYER), { organizationId: BUYER })).toMatchObject({ ok: false, reason: 'OWNER_ONLY', message: 'Only an owner of this organization can do that.' });
    expect(checkRule('orgOwner', memberOf(BUYER, 'owner'), { organizationId: BUYER })).toEqual({ ok: true });
  });

  it('checks membership before the email confirmation, and names the address to confirm', () => {
    const unconfirmed = memberOf(BUYER, 'owner', { emailVerified: false });
    expect(checkRule('confirmedOrgOwner', { ...unconfirmed, memberships: new Map() }, { organizationId: BUYER })).toMatchObject({ reason: 'NOT_A_MEMBER' });
    const verdict = checkRule('confirmedOrgOwner', unconfirmed, { organizationId: BUYER });
    expect(verdict).toMatchObject({ ok: false, code: 'FORBIDDEN', reason: 'EMAIL_NOT_VERIFIED' });
    if (!verdict.ok) expect(verdict.message).toContain('ana@northwind.example');
  });

  it('lets only the addressee accept an invitation', () => {
    expect(checkRule('invitationAddressee', user(), { invitedEmail: 'ana@northwind.example' })).toEqual({ ok: true });
    expect(checkRule('invitationAddressee', user(), { invitedEmail: 'bo@northwind.example' })).toMatchObject({ reason: 'WRONG_RECIPIENT', message: expect.stringContaining('bo@northwind.example') });
  });
});

describe('platform rules', () => {
  it('asks a signed-out caller to sign in, and lets admins pass the reviewer rule', () => {
    expect(checkRule('admin', null, {})).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SIGN_IN_REQUIRED' });
    expect(checkRule('admin', reviewer, {})).toMatchObject({ code: 'FORBIDDEN', reason: 'ADMIN_ONLY' });
    expect(checkRule('reviewer', user(), {})).toMatchObject({ code: 'FORBIDDEN', reason: 'REVIEWER_ONLY' });
    expect(checkRule('reviewer', admin, {})).toEqual({ ok: true });
  });
});

describe('case study rules', () => {
  it('hides drafts and withdrawn case studies from everyone but the vendor and admins', () => {
    for (const status of ['draft', 'withdrawn'] as const) {
      expect(checkRule('publishedOrMine', null, { vendorId: VENDOR, status })).toMatchObject({ code: 'NOT_FOUND', message: 'This case study was not found.' });
      expect(checkRule('publishedOrMine', memberOf(OTHER), { vendorId: VENDOR, status })).toMatchObject({ code: 'NOT_FOUND' });
      expect(checkRule('publishedOrMine', memberOf(VENDOR), { vendorId: VENDOR, status })).toEqual({ ok: true });
      expect(checkRule('publishedOrMine', admin, { vendorId: VENDOR, status })).toEqual({ ok: true });
    }
    expect(checkRule('publishedOrMine', null, { vendorId: VENDOR, status: 'verified' })).toEqual({ ok: true });
  });

  it('refuses a change by others as NOT_A_MEMBER when they can see the case study, NOT_FOUND when they cannot', () => {
    expect(checkRule('myVendorsCaseStudy', memberOf(OTHER), { vendorId: VENDOR, status: 'submitted' })).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_MEMBER' });
    expect(checkRule('myVendorsCaseStudy', memberOf(OTHER), { vendorId: VENDOR, status: 'draft' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(checkRule('myVendorsCaseStudy', admin, { vendorId: VENDOR, status: 'draft' })).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_MEMBER' });
    expect(checkRule('myVendorsCaseStudy', memberOf(VENDOR), { vendorId: VENDOR, status: 'draft' })).toEqual({ ok: true });
  });

  it('shows a viewer what their relation to the case study allows', () => {
    expect(caseStudyViewer(memberOf(VENDOR, 'member', { platformRoles: ['admin'] }), { vendorId: VENDOR, status: 'draft' })).toBe('owner');
    expect(caseStudyViewer(admin, { vendorId: VENDOR, status: 'draft' })).toBe('admin');
    expect(caseStudyViewer(null, { vendorId: VENDOR, status: 'submitted' })).toBe('public');
  });

  it('shows evidence to an assigned reviewer, but not to any reviewer', () => {
    expect(checkRule('evidenceReader', reviewer, { vendorId: VENDOR, assignedReviewer: true })).toEqual({ ok: true });
    expect(checkRule('evidenceReader', reviewer, { vendorId: VENDOR, assignedReviewer: false })).toMatchObject({ reason: 'EVIDENCE_NOT_VISIBLE' });
    // "Assigned" is a reviewer's fact: a buyer who somehow had it still sees nothing.
    expect(checkRule('evidenceReader', user(), { vendorId: VENDOR, assignedReviewer: true })).toMatchObject({ reason: 'EVIDENCE_NOT_VISIBLE' });
  });

  it('lets members remove a vendor domain only until it is verified; admins any', () => {
    const domain = { vendorId: VENDOR, domain: 'delta.example' };
    expect(checkRule('removableVendorDomain', memberOf(VENDOR), { ...domain, verified: false })).toEqual({ ok: true });
    expect(checkRule('removableVendorDomain', memberOf(VENDOR), { ...domain, verified: true })).toMatchObject({ reason: 'DOMAIN_VERIFIED', message: expect.stringContaining('delta.example') });
    expect(checkRule('removableVendorDomain', admin, { ...domain, verified: true })).toEqual({ ok: true });
    expect(checkRule('removableVendorDomain', memberOf(OTHER), { ...domain, verified: false })).toMatchObject({ reason: 'NOT_A_MEMBER' });
  });
});
