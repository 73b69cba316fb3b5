import fc from 'fast-check';
import { type ClientAnswerFacts, decideClientAnswer, domainChallengeRecord, isDenial, txtProvesDomain } from '../client-organizations';

const facts = (over: Partial<ClientAnswerFacts> = {}, cs: Partial<ClientAnswerFacts['caseStudy']> = {}): ClientAnswerFacts => ({
  organizationKind: 'buyer',
  provenDomains: ['northwind.example'],
  caseStudy: { clientDomain: 'northwind.example', status: 'verified', superseded: false, vendorName: 'Delta Partners', ...cs },
  sharesMemberWithVendor: false,
  alreadyAnswered: false,
  ...over,
});

describe('decideClientAnswer', () => {
  it('lets a buyer organisation that proved the client domain answer once', () => {
    expect(decideClientAnswer(facts())).toEqual({ ok: true });
    expect(decideClientAnswer(facts({ provenDomains: ['Northwind.example'] }, { clientDomain: 'NORTHWIND.example' }))).toEqual({ ok: true });
  });

  it.each([
    ['a vendor organisation', facts({ organizationKind: 'vendor' }), 'NOT_A_BUYER', /client \(buyer\) organisation/],
    ['a domain not proven', facts({ provenDomains: ['northwind-data.example'] }), 'DOMAIN_NOT_PROVEN', /does not name a domain your organisation has proven/],
    ['no domain proven at all', facts({ provenDomains: [] }), 'DOMAIN_NOT_PROVEN', /Prove your organisation’s domain first/],
    ['a member shared with the vendor', facts({ sharesMemberWithVendor: true }), 'CONFLICT_OF_INTEREST', /shares a member with Delta Partners/],
    ['a withdrawn case study', facts({}, { status: 'withdrawn' }), 'CASE_STUDY_CLOSED', /no longer current/],
    ['a superseded revision', facts({}, { superseded: true }), 'CASE_STUDY_CLOSED', /replaced/],
    ['a second answer', facts({ alreadyAnswered: true }), 'ALREADY_ANSWERED', /final/],
  ])('refuses %s with a reason', (_label, input, code, message) => {
    const decision = decideClientAnswer(input);
    expect(decision.ok).toBe(false);
    if (!decision.ok) {
      expect(decision.code).toBe(code);
      expect(decision.message).toMatch(message);
    }
  });

  it('checks identity before state, and never names the client domain: an outsider learns nothing about the case study', () => {
    const decision = decideClientAnswer(facts({ provenDomains: [], alreadyAnswered: true }, { status: 'withdrawn' }));
    expect(decision).toMatchObject({ ok: false, code: 'DOMAIN_NOT_PROVEN' });
    if (!decision.ok) expect(decision.message).not.toContain('northwind');
  });

  it('calls every answer but "we worked with them" a denial', () => {
    expect(isDenial('worked_with')).toBe(false);
    expect(isDenial('did_not_work_with')).toBe(true);
    expect(isDenial('outcome_wrong')).toBe(true);
  });
});

describe('domain challenge', () => {
  it('names a record under the domain and a value with the token', () => {
    expect(domainChallengeRecord('northwind.example', 'abc')).toEqual({ name: '_assay-challenge.northwind.example', value: 'assay-verification=abc' });
  });

  it('accepts the value among other records, also split into strings, and nothing else', () => {
    expect(txtProvesDomain([['v=spf1 -all'], ['assay-verification=', 'abc']], 'abc')).toBe(true);
    expect(txtProvesDomain([['assay-verification=abcd']], 'abc')).toBe(false);
    expect(txtProvesDomain([], 'abc')).toBe(false);
    expect(txtProvesDomain(null, 'abc')).toBe(false);
  });

  it('never accepts a record unless it is exactly the expected value (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { maxLength: 3 }), { maxLength: 5 }), fc.stringMatching(/^[A-Za-z0-9_-]{8,20}$/), (records, token) => {
        const proven = txtProvesDomain(records, token);
        expect(proven).toBe(records.some((r) => r.join('').trim() === `assay-verification=${token}`));
      }),
    );
  });
});
