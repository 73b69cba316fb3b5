import { domainMatches, isFreeMailDomain, normalizeDomain, normalizeEmail } from './email-domains';

export type ReferenceIdentityStrength = 'strong' | 'weak' | 'self' | 'unknown';
export type ReferenceIdentityFlag = 'free_mail' | 'self_reference' | 'reused_contact' | 'domain_mismatch';
export type ReferenceRefusalCode = 'REFERENCE_EMAIL_INVALID' | 'REFERENCE_SELF_REFERENCE';

export interface ReferenceIdentityInput {
  /** The reference contact's email address as entered. */
  contactEmail: string;
  /** The client organisation's domain as stated on the case study; null when unknown. */
  clientDomain: string | null;
  /** The vendor nominating the reference. */
  vendorId: string;
  /** The vendor's verified email domains. */
  vendorVerifiedDomains: readonly string[];
  /** Vendors that have already nominated this contact (looked up by `contactIdentityKey`); may include `vendorId`. */
  vendorIdsAlreadyUsingContact: Iterable<string>;
}

export interface ReferenceIdentity {
  strength: ReferenceIdentityStrength;
  refused: boolean;
  /** Why it was refused; null when it was not. */
  code: ReferenceRefusalCode | null;
  flags: ReferenceIdentityFlag[];
  /** A sentence for the vendor, the reviewer and the methodology page. */
  reason: string;
  /** The normalised contact address; null when it was malformed. */
  email: string | null;
}

/**
 * How much a reference's identity can be trusted to be the client's:
 * - on the vendor's own verified domain (or a subdomain) → `self`, refused;
 * - on a free or disposable mail provider → `weak`, flagged `free_mail`;
 * - on the client's domain (or a subdomain) → `strong`;
 * - anywhere else → `unknown`, flagged `domain_mismatch`.
 * A contact already nominated by another vendor is flagged `reused_contact`, not refused.
 * Free-mail domains are ignored as client or vendor domains: nobody owns gmail.com.
 */
export function assessReferenceIdentity(input: ReferenceIdentityInput): ReferenceIdentity {
  const normalized = normalizeEmail(input.contactEmail);
  if (!normalized.ok) {
    return {
      strength: 'unknown',
      refused: true,
      code: 'REFERENCE_EMAIL_INVALID',
      flags: [],
      reason: normalized.message,
      email: null,
    };
  }
  const email = normalized.email;
  const domain = email.slice(email.lastIndexOf('@') + 1);
  const ownedDomains = (domains: readonly (string | null)[]) =>
    domains
      .map((d) => (d === null ? null : normalizeDomain(d)))
      .filter((d): d is string => d !== null && !isFreeMailDomain(d));

  const otherVendorCount = new Set([...input.vendorIdsAlreadyUsingContact].filter((id) => id !== input.vendorId)).size;
  const reuse =
    otherVendorCount === 0
      ? null
      : ` The same contact has already been given as a reference by ${otherVendorCount === 1 ? 'another vendor' : `${otherVendorCount} other vendors`}.`;
  const result = (
    strength: ReferenceIdentityStrength,
    flags: ReferenceIdentityFlag[],
    reason: string,
    code: ReferenceRefusalCode | null = null,
  ): ReferenceIdentity => ({
    strength,
    refused: code !== null,
    code,
    flags: reuse === null ? flags : [...flags, 'reused_contact'],
    reason: reuse === null ? reason : reason + reuse,
    email,
  });

  const vendorDomain = ownedDomains(input.vendorVerifiedDomains).find((d) => domainMatches(domain, d));
  if (vendorDomain !== undefined) {
    return result(
      'self',
      ['self_reference'],
      `The contact's address is on the vendor's own verified domain (${vendorDomain}); a vendor cannot be its own reference.`,
      'REFERENCE_SELF_REFERENCE',
    );
  }
  if (isFreeMailDomain(domain)) {
    return result(
      'weak',
      ['free_mail'],
      `The contact uses a free or disposable email provider (${domain}), so their link to the client cannot be confirmed.`,
    );
  }
  const [clientDomain] = ownedDomains([input.clientDomain]);
  if (clientDomain === undefined) {
    return result(
      'unknown',
      ['domain_mismatch'],
      `The client's domain is not known, so the contact's address (${domain}) cannot be matched to the client.`,
    );
  }
  if (domainMatches(domain, clientDomain)) {
    const where = domain === clientDomain ? clientDomain : `${domain}, part of ${clientDomain}`;
    return result('strong', [], `The contact's address is on the client's domain (${where}).`);
  }
  return result(
    'unknown',
    ['domain_mismatch'],
    `The contact's address (${domain}) is not on the client's domain (${clientDomain}), so their link to the client cannot be confirmed.`,
  );
}
