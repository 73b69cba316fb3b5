import fc from 'fast-check';
import { assessReferenceIdentity, type ReferenceIdentityInput } from '../reference-identity';

function aReference(overrides: Partial<ReferenceIdentityInput> = {}): ReferenceIdentityInput {
  return {
    contactEmail: 'maria.lopez@acme.com',
    clientDomain: 'acme.com',
    vendorId: 'vendor-1',
    vendorVerifiedDomains: ['deepvendor.ai'],
    vendorIdsAlreadyUsingContact: [],
    ...overrides,
  };
}

describe(assessReferenceIdentity.name, () => {
  it("rates a contact on the client's domain as strong", () => {
    expect(assessReferenceIdentity(aReference())).toEqual({
      strength: 'strong',
      refused: false,
      code: null,
      flags: [],
      reason: "The contact's address is on the client's domain (acme.com).",
      email: 'maria.lopez@acme.com',
    });
  });

  it("rates a contact on a subdomain of the client's domain as strong", () => {
    expect(assessReferenceIdentity(aReference({ contactEmail: 'Maria@EU.acme.com' }))).toMatchObject({
      strength: 'strong',
      refused: false,
      reason: "The contact's address is on the client's domain (eu.acme.com, part of acme.com).",
      email: 'maria@eu.acme.com',
    });
  });

  it('rates a free-mail contact as weak', () => {
    expect(assessReferenceIdentity(aReference({ contactEmail: 'maria.lopez1984@gmail.com' }))).toMatchObject({
      strength: 'weak',
      refused: false,
      flags: ['free_mail'],
      reason: expect.stringContaining('free or disposable email provider (gmail.com)'),
    });
  });

  it("refuses a reference on the vendor's own verified domain", () => {
    expect(assessReferenceIdentity(aReference({ contactEmail: 'sales@deepvendor.ai' }))).toEqual({
      strength: 'self',
      refused: true,
      code: 'REFERENCE_SELF_REFERENCE',
      flags: ['self_reference'],
      reason:
        "The contact's address is on the vendor's own verified domain (deepvendor.ai); a vendor cannot be its own reference.",
      email: 'sales@deepvendor.ai',
    });
  });

  it("refuses a reference on a subdomain of the vendor's verified domain", () => {
    expect(assessReferenceIdentity(aReference({ contactEmail: 'ceo@labs.deepvendor.ai' }))).toMatchObject({
      strength: 'self',
      refused: true,
    });
  });

  it("refuses a self-reference even when the vendor names itself as the client", () => {
    const input = aReference({ contactEmail: 'cto@deepvendor.ai', clientDomain: 'deepvendor.ai' });
    expect(assessReferenceIdentity(input)).toMatchObject({ strength: 'self', refused: true });
  });

  it("flags a contact on an unrelated domain as a domain mismatch", () => {
    expect(assessReferenceIdentity(aReference({ contactEmail: 'maria@acme-consulting.com' }))).toMatchObject({
      strength: 'unknown',
      refused: false,
      flags: ['domain_mismatch'],
      reason:
        "The contact's address (acme-consulting.com) is not on the client's domain (acme.com), so their link to the client cannot be confirmed.",
    });
  });

  it("does not let a free-mail client domain make free-mail contacts strong", () => {
    const input = aReference({ contactEmail: 'owner@gmail.com', clientDomain: 'gmail.com' });
    expect(assessReferenceIdentity(input)).toMatchObject({ strength: 'weak', flags: ['free_mail'] });
  });

  it('does not refuse free-mail contacts because a vendor lists a free-mail domain as its own', () => {
    const input = aReference({ contactEmail: 'owner@gmail.com', vendorVerifiedDomains: ['gmail.com'] });
    expect(assessReferenceIdentity(input)).toMatchObject({ strength: 'weak', refused: false });
  });

  it("treats a contact as unmatched when the client's domain is unknown", () => {
    expect(assessReferenceIdentity(aReference({ clientDomain: null }))).toMatchObject({
      strength: 'unknown',
      flags: ['domain_mismatch'],
      reason: expect.stringContaining("client's domain is not known"),
    });
  });

  it('flags, but does not refuse, a contact another vendor already used', () => {
    const result = assessReferenceIdentity(aReference({ vendorIdsAlreadyUsingContact: new Set(['vendor-7']) }));
    expect(result).toMatchObject({ strength: 'strong', refused: false, flags: ['reused_contact'] });
    expect(result.reason).toBe(
      "The contact's address is on the client's domain (acme.com). The same contact has already been given as a reference by another vendor.",
    );
  });

  it('counts the other vendors that used the contact', () => {
    const result = assessReferenceIdentity(
      aReference({ vendorIdsAlreadyUsingContact: ['vendor-7', 'vendor-1', 'vendor-9', 'vendor-7'] }),
    );
    expect(result.reason).toContain('by 2 other vendors.');
  });

  it('does not flag a contact the same vendor used before', () => {
    const result = assessReferenceIdentity(aReference({ vendorIdsAlreadyUsingContact: ['vendor-1'] }));
    expect(result.flags).toEqual([]);
  });

  it('refuses a malformed contact address', () => {
    expect(assessReferenceIdentity(aReference({ contactEmail: 'maria at acme' }))).toMatchObject({
      strength: 'unknown',
      refused: true,
      code: 'REFERENCE_EMAIL_INVALID',
      flags: [],
      email: null,
    });
  });

  it('refuses exactly the self-references and malformed addresses', () => {
    const domains = ['acme.com', 'eu.acme.com', 'deepvendor.ai', 'labs.deepvendor.ai', 'gmail.com', 'other.org'];
    fc.assert(
      fc.property(
        fc.constantFrom(...domains, 'not a domain'),
        fc.option(fc.constantFrom(...domains), { nil: null }),
        fc.subarray(domains),
        fc.subarray(['vendor-1', 'vendor-2', 'vendor-3']),
        (contactDomain, clientDomain, vendorVerifiedDomains, used) => {
          const result = assessReferenceIdentity(
            aReference({
              contactEmail: `someone@${contactDomain}`,
              clientDomain,
              vendorVerifiedDomains,
              vendorIdsAlreadyUsingContact: used,
            }),
          );
          expect(result.refused).toBe(result.strength === 'self' || result.email === null);
          expect(new Set(result.flags).size).toBe(result.flags.length);
          expect(result.flags.includes('reused_contact')).toBe(
            result.email !== null && used.some((id) => id !== 'vendor-1'),
          );
          expect(result.reason.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});
