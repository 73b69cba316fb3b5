import type { Refusal } from './result';

export type EmailErrorCode = 'EMAIL_INVALID';
export type NormalizeEmailResult = { ok: true; email: string } | Refusal<EmailErrorCode>;

const MAX_EMAIL_LENGTH = 254;
const MAX_LOCAL_PART_LENGTH = 64;
const MAX_DOMAIN_LENGTH = 253;
// RFC 5322 dot-atom: letters, digits and these symbols; dots only between other characters.
const LOCAL_PART_PATTERN = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL_PATTERN = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const TOP_LEVEL_LABEL_PATTERN = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * Lower-cases, trims and punycode-encodes a domain name and drops a trailing
 * dot; null when the result is not a valid public host name (see `isValidDomain`).
 */
export function normalizeDomain(domain: string): string | null {
  if (typeof domain !== 'string') return null;
  let candidate = domain.trim().toLowerCase();
  if (candidate.endsWith('.')) candidate = candidate.slice(0, -1);
  if (/[^\x00-\x7f]/.test(candidate)) {
    // Without this, the URL parser would accept "müller.de/x" and return just its host.
    if (/[\s/\\?#@:%]/.test(candidate)) return null;
    try {
      // The WHATWG URL parser applies IDNA (müller.de → xn--mller-kva.de) in Node and browsers alike.
      candidate = new URL(`http://${candidate}`).hostname;
    } catch {
      return null;
    }
  }
  return isValidAsciiDomain(candidate) ? candidate : null;
}

/**
 * A host name with at least two labels (`acme.com`), letters, digits and
 * inner hyphens only, and an alphabetic or punycode top-level label. IP
 * addresses and single-label names (`localhost`) are not valid.
 */
export function isValidDomain(domain: string): boolean {
  return normalizeDomain(domain) !== null;
}

function isValidAsciiDomain(domain: string): boolean {
  if (domain.length === 0 || domain.length > MAX_DOMAIN_LENGTH) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  if (!labels.every((label) => LABEL_PATTERN.test(label))) return false;
  return TOP_LEVEL_LABEL_PATTERN.test(labels[labels.length - 1]);
}

/** Trims and lower-cases an email address and checks that it is well formed. */
export function normalizeEmail(email: string): NormalizeEmailResult {
  const refuse = (message: string): NormalizeEmailResult => ({ ok: false, code: 'EMAIL_INVALID', message });
  if (typeof email !== 'string' || email.trim() === '') return refuse('Enter an email address.');
  const trimmed = email.trim().toLowerCase();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || at === trimmed.length - 1 || trimmed.indexOf('@') !== at) {
    return refuse(`“${email.trim()}” is not an email address; it should look like name@company.com.`);
  }
  const localPart = trimmed.slice(0, at);
  const domain = normalizeDomain(trimmed.slice(at + 1));
  if (localPart.length > MAX_LOCAL_PART_LENGTH || !LOCAL_PART_PATTERN.test(localPart) || domain === null) {
    return refuse(`“${email.trim()}” is not a valid email address; it should look like name@company.com.`);
  }
  const normalized = `${localPart}@${domain}`;
  if (normalized.length > MAX_EMAIL_LENGTH) {
    return refuse(`An email address can have at most ${MAX_EMAIL_LENGTH} characters.`);
  }
  return { ok: true, email: normalized };
}

/** The normalised domain of an email address, or null when the address is malformed. */
export function emailDomain(email: string): string | null {
  const normalized = normalizeEmail(email);
  return normalized.ok ? normalized.email.slice(normalized.email.lastIndexOf('@') + 1) : null;
}

/**
 * The key under which a contact is recognised across nominations: the
 * normalised address without a `+tag`, so `jane+vendor1@acme.com` and
 * `jane+vendor2@acme.com` count as the same person. Null when malformed.
 */
export function contactIdentityKey(email: string): string | null {
  const normalized = normalizeEmail(email);
  if (!normalized.ok) return null;
  const at = normalized.email.lastIndexOf('@');
  const localPart = normalized.email.slice(0, at);
  const plus = localPart.indexOf('+');
  const base = plus > 0 ? localPart.slice(0, plus) : localPart;
  return `${base}${normalized.email.slice(at)}`;
}

/** True when `domain` is `parent` or one of its subdomains (`eu.acme.com` within `acme.com`, not `notacme.com`). */
export function domainMatches(domain: string, parent: string): boolean {
  const child = normalizeDomain(domain);
  const ancestor = normalizeDomain(parent);
  if (child === null || ancestor === null) return false;
  return child === ancestor || child.endsWith(`.${ancestor}`);
}

interface FreemailModule {
  isFree(emailOrDomain: string): boolean;
}
let freemail: FreemailModule | undefined;

/**
 * True for free and disposable email providers (gmail.com, mail.ru,
 * mailinator.com, …), including their subdomains. The list (~90 000 domains,
 * read from disk) loads on first use, so importing this library stays cheap.
 */
export function isFreeMailDomain(domain: string): boolean {
  const normalized = normalizeDomain(domain);
  if (normalized === null) return false;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose, see above; freemail has no types
  freemail ??= require('freemail') as FreemailModule;
  return freemail.isFree(normalized);
}
