// The standing of a client domain: a case study's client domain is whatever
// the vendor typed, so Assay weighs it by the proof behind it. Pure rules over
// facts the server (or the simulation) gathered: DNS records, registration
// dates, the domains Assay knows, and what client organisations said.
import { domainToUnicode } from 'node:url';
import { parse as parseDomain } from 'tldts';
import { subtractMonthsUtc } from './dates';
import { domainMatches, normalizeDomain } from './email-domains';
import { confusableSkeleton } from './names';

export const CLIENT_DOMAIN_STANDINGS = ['confirmed', 'corroborated', 'unconfirmed', 'suspect'] as const;
export type ClientDomainStanding = (typeof CLIENT_DOMAIN_STANDINGS)[number];

/** Why a domain has its standing; stable codes for programs, `sentence` for people. */
export type StandingReasonCode =
  | 'DENIED_BY_CLIENT'
  | 'SHARES_DNS_WITH_VENDOR'
  | 'REGISTERED_AFTER_PROJECT'
  | 'LOOKS_LIKE_KNOWN_DOMAIN'
  | 'CONFIRMED_BY_CLIENT'
  | 'ANSWERED_FROM_CLIENT_ACCOUNT'
  | 'SEEN_WITH_INDEPENDENT_VENDORS'
  | 'REGISTERED_LONG_BEFORE_PROJECT'
  | 'SEEN_ONLY_WITH_THIS_VENDOR'
  | 'DNS_NOT_CHECKED';

export interface StandingReason {
  code: StandingReasonCode;
  sentence: string;
}

/** What DNS says about a domain: its name servers, mail exchangers and SOA record (host names lower-case, no trailing dot). */
export interface DomainDnsFacts {
  nameServers: readonly string[];
  mailExchangers: readonly string[];
  soa: { mname: string; rname: string } | null;
}

/** A DNS answer: the facts, or `unreachable` when no answer came in time (never read as "all clear"). */
export type DnsLookup = { status: 'ok'; facts: DomainDnsFacts } | { status: 'unreachable' };

/** A domain Assay already knows, and whose it is. */
export interface KnownDomain {
  domain: string;
  kind: 'client_of_other_vendor' | 'client_of_this_vendor' | 'buyer' | 'vendor';
  /** The organisation's name (for buyer and vendor domains). */
  ownerName?: string;
  /** When Assay first saw it (the earlier of two look-alikes is the original). */
  firstSeenAt: Date;
  registeredAt?: Date | null;
}

export interface ClientDomainFacts {
  /** The client domain as stated on the case study. */
  domain: string;
  /** When Assay first saw this domain. */
  firstSeenAt: Date;
  /** When the project began (registration dates are compared with it). */
  projectStartedAt: Date | null;
  /** The vendor's verified domains and what DNS says about each. */
  vendorDomains: ReadonlyArray<{ domain: string; dns: DnsLookup }>;
  /** What DNS says about the client domain. */
  dns: DnsLookup;
  /** Registration date from RDAP; null when RDAP was unreachable or silent. */
  registeredAt: Date | null;
  /** Domains Assay knows (other clients', buyer organisations', vendors'); this domain itself is ignored. */
  knownDomains: readonly KnownDomain[];
  /** Vendors other than this one, sharing no members, reviewers or infrastructure with it, whose rosters or references name this domain. */
  independentVendorCount: number;
  /** A buyer organisation that proved this domain and answered about this case study. */
  clientOrganization: { name: string; answer: 'worked_with' | 'did_not_work_with' | 'outcome_wrong' } | null;
  /** A member of the organisation that proved this domain answered a reference from a verified account. */
  accountReferenceFrom: string | null;
  /**
   * Name-server, mail and SOA-contact hosts that Assay has seen serving the domains of
   * `SHARED_HOST_MIN_ORGANIZATIONS` or more unrelated organisations: a provider, whether or
   * not it is on the static list (see `sharedInfrastructureHosts`).
   */
  sharedHosts?: ReadonlySet<string>;
}

export interface ClientDomainAssessment {
  standing: ClientDomainStanding;
  /** False when DNS did not answer: the standing is then at most `unconfirmed`, and the reasons say so. */
  dnsChecked: boolean;
  /** Every reason found, the one that decided the standing first. */
  reasons: StandingReason[];
  /** The deciding reason's sentence, for buyers. */
  reason: string;
}

/** Name-server, mail and SOA hosts of shared providers: sharing them says nothing about who controls a domain. */
export const SHARED_DNS_PROVIDER_SUFFIXES: readonly string[] = [
  'cloudflare.com',
  'awsdns.com',
  'awsdns.net',
  'awsdns.org',
  'awsdns.co.uk',
  'amazon.com',
  'amazonaws.com',
  'azure-dns.com',
  'azure-dns.net',
  'azure-dns.org',
  'azure-dns.info',
  'microsoft.com',
  'outlook.com',
  'googledomains.com',
  'google.com',
  'googlemail.com',
  'domaincontrol.com',
  'jomax.net',
  'registrar-servers.com',
  'nsone.net',
  'ultradns.com',
  'ultradns.net',
  'dnsimple.com',
  'digitalocean.com',
  'linode.com',
  'hetzner.com',
  'ovh.net',
  'gandi.net',
  'name.com',
  'zoho.com',
  'zoho.eu',
  'protonmail.ch',
  'mimecast.com',
  'pphosted.com',
];

const YEAR_MONTHS = 12;

/** A DNS host serving this many unrelated organisations' domains is a shared provider. */
export const SHARED_HOST_MIN_ORGANIZATIONS = 3;

/**
 * Hosts (name servers, mail exchangers, SOA contacts) that serve the domains of at
 * least `SHARED_HOST_MIN_ORGANIZATIONS` different owners: shared infrastructure, so
 * sharing one of them says nothing about control. `owner` groups domains that belong
 * together: a vendor's own domains and the client domains that only it names are one
 * owner, so a vendor cannot make its own name server "shared" by hosting many
 * invented clients on it.
 */
export function sharedInfrastructureHosts(domains: Iterable<{ owner: string; dns: DnsLookup }>, minOrganizations = SHARED_HOST_MIN_ORGANIZATIONS): Set<string> {
  const owners = new Map<string, Set<string>>();
  for (const { owner, dns } of domains) {
    if (dns.status !== 'ok') continue;
    const { nameServers, mailExchangers, soa } = dns.facts;
    for (const host of [...nameServers, ...mailExchangers, ...(soa ? [soa.rname] : [])].map(hostName)) {
      const set = owners.get(host) ?? new Set<string>();
      set.add(owner);
      owners.set(host, set);
    }
  }
  return new Set([...owners].filter(([, set]) => set.size >= minOrganizations).map(([host]) => host));
}
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

function hostName(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}

// Providers whose host names carry a number in the registrable domain (ns-247.awsdns-41.com).
const SHARED_DNS_PROVIDER_PATTERNS: readonly RegExp[] = [/\.awsdns-\d+\.(?:com|net|org|co\.uk)$/, /\.azure-dns\.(?:com|net|org|info)$/];

function isSharedProvider(host: string, providers: readonly string[]): boolean {
  return providers.some((p) => domainMatches(host, p)) || SHARED_DNS_PROVIDER_PATTERNS.some((re) => re.test(host));
}

/** A change small enough to pass for the original at a glance. */
export type LookAlikeKind = 'confusable' | 'hyphen' | 'swapped_letters' | 'doubled_letter' | 'other_public_suffix';

/** Does `a` imitate `b`? Same confusable skeleton, an inserted hyphen, two swapped or one doubled letter, or the same name under another public suffix. */
export function lookAlikeKind(a: string, b: string): LookAlikeKind | null {
  const x = normalizeDomain(a);
  const y = normalizeDomain(b);
  if (x === null || y === null || x === y) return null;
  const px = parseDomain(x);
  const py = parseDomain(y);
  const nameX = px.domainWithoutSuffix ?? '';
  const nameY = py.domainWithoutSuffix ?? '';
  if (nameX === '' || nameY === '') return null;
  // Only the registrable domain counts: eu.acme.com is acme.com's own, not a look-alike.
  if (px.domain === py.domain) return null;
  if (nameX === nameY) return px.publicSuffix !== py.publicSuffix ? 'other_public_suffix' : null;
  // The same edits count under any public suffix: fairway-telecom.co.uk imitates fairwaytelecom.com too.
  if (nameX.replace(/-/g, '') === nameY.replace(/-/g, '')) return 'hyphen';
  if (isSwap(nameX, nameY)) return 'swapped_letters';
  if (isDoubling(nameX, nameY) || isDoubling(nameY, nameX)) return 'doubled_letter';
  const skeleton = (n: string) => confusableSkeleton(domainToUnicode(`${n}.x`).slice(0, -2).toLowerCase()).toLowerCase().replace(/-/g, '');
  if (skeleton(nameX) === skeleton(nameY)) return 'confusable';
  return null;
}

/**
 * A key every look-alike of a domain shares with it (the set of distinct letters
 * of the confusable skeleton of its name, without hyphens): a cheap index, so
 * that `lookAlikeKind` is asked only about candidates. Two domains with
 * different keys never imitate each other.
 */
export function lookAlikeBucketKey(domain: string): string {
  const normalized = normalizeDomain(domain);
  if (normalized === null) return '';
  const name = parseDomain(normalized).domainWithoutSuffix ?? '';
  const skeleton = confusableSkeleton(domainToUnicode(`${name}.x`).slice(0, -2).toLowerCase()).toLowerCase().replace(/-/g, '');
  return [...new Set(skeleton)].sort().join('');
}

function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}

// `longer` is `shorter` with one letter doubled ("telecomm" for "telecom").
function isDoubling(longer: string, shorter: string): boolean {
  if (longer.length !== shorter.length + 1) return false;
  for (let i = 1; i < longer.length; i++) {
    if (longer[i] === longer[i - 1] && longer.slice(0, i) + longer.slice(i + 1) === shorter) return true;
  }
  return false;
}

const LOOK_ALIKE_WORDS: Record<LookAlikeKind, string> = {
  confusable: 'looks the same as',
  hyphen: 'resembles',
  swapped_letters: 'resembles',
  doubled_letter: 'resembles',
  other_public_suffix: 'copies the name of',
};

function knownDomainPhrase(k: KnownDomain): string {
  switch (k.kind) {
    case 'client_of_other_vendor':
      return 'a domain another client uses';
    case 'client_of_this_vendor':
      return 'a domain another of this vendor’s clients uses';
    case 'buyer':
      return `the domain of ${k.ownerName ?? 'a buyer organisation'}, a buyer organisation on Assay`;
    case 'vendor':
      return `the domain of ${k.ownerName ?? 'a vendor'}, a vendor on Assay`;
  }
}

/** The known domain this one imitates, when that domain came first (a proven buyer or vendor domain, or seen or registered earlier). */
export function imitatedDomain(facts: Pick<ClientDomainFacts, 'domain' | 'firstSeenAt' | 'registeredAt' | 'knownDomains'>): { known: KnownDomain; kind: LookAlikeKind } | null {
  for (const known of facts.knownDomains) {
    const kind = lookAlikeKind(facts.domain, known.domain);
    if (kind === null) continue;
    const proven = known.kind === 'buyer' || known.kind === 'vendor';
    const bothRegistered = facts.registeredAt != null && known.registeredAt != null;
    const earlier = bothRegistered
      ? (known.registeredAt as Date).getTime() < (facts.registeredAt as Date).getTime()
      : known.firstSeenAt.getTime() < facts.firstSeenAt.getTime() || (known.firstSeenAt.getTime() === facts.firstSeenAt.getTime() && known.domain < facts.domain);
    if (proven || earlier) return { known, kind };
  }
  return null;
}

/** The vendor's domain whose DNS the client domain shares, and what they share; null when nothing that is not a shared provider. */
export function sharedDnsControl(
  domain: string,
  dns: DomainDnsFacts,
  vendorDomains: ReadonlyArray<{ domain: string; dns: DnsLookup }>,
  providers: readonly string[] = SHARED_DNS_PROVIDER_SUFFIXES,
  sharedHosts: ReadonlySet<string> = new Set(),
): { vendorDomain: string; what: 'name servers' | 'mail servers' | 'DNS administrator contact'; host: string } | null {
  const own = (host: string) => !sharedHosts.has(host) && !isSharedProvider(host, providers) && !domainMatches(host, domain);
  const ns = dns.nameServers.map(hostName).filter(own);
  const mx = dns.mailExchangers.map(hostName).filter(own);
  const soaHosts = dns.soa === null ? [] : [hostName(dns.soa.rname)].filter(own);
  for (const vendor of vendorDomains) {
    // A host inside the vendor's own domain (ns1.vendor.example serving the client) is control, whatever DNS says of the vendor.
    const inside = (host: string) => domainMatches(host, vendor.domain) || domainMatches(host.split('.').slice(1).join('.'), vendor.domain);
    const vendorFacts = vendor.dns.status === 'ok' ? vendor.dns.facts : null;
    const vendorNs = new Set(vendorFacts?.nameServers.map(hostName) ?? []);
    const vendorMx = new Set(vendorFacts?.mailExchangers.map(hostName) ?? []);
    const vendorSoa = vendorFacts?.soa ? hostName(vendorFacts.soa.rname) : null;
    const nsHit = ns.find((h) => vendorNs.has(h) || inside(h));
    if (nsHit) return { vendorDomain: vendor.domain, what: 'name servers', host: nsHit };
    const mxHit = mx.find((h) => vendorMx.has(h) || inside(h));
    if (mxHit) return { vendorDomain: vendor.domain, what: 'mail servers', host: mxHit };
    const soaHit = soaHosts.find((h) => h === vendorSoa || inside(h));
    if (soaHit) return { vendorDomain: vendor.domain, what: 'DNS administrator contact', host: soaHit };
  }
  return null;
}

/**
 * Whether two vendors run on the same infrastructure: a verified domain of one uses the name
 * servers, mail servers or DNS contact of one of the other's (shared providers aside). Two such
 * vendors are one controller, so one cannot corroborate the other's client.
 */
export function sharesInfrastructure(
  ours: ReadonlyArray<{ domain: string; dns: DnsLookup }>,
  theirs: ReadonlyArray<{ domain: string; dns: DnsLookup }>,
  providers: readonly string[] = SHARED_DNS_PROVIDER_SUFFIXES,
  sharedHosts: ReadonlySet<string> = new Set(),
): boolean {
  return theirs.some((d) => d.dns.status === 'ok' && sharedDnsControl(d.domain, d.dns.facts, ours, providers, sharedHosts) !== null);
}

/**
 * The standing of a case study's client domain, with every reason found:
 * - `suspect`: the client organisation denied it, or its DNS shares name servers,
 *   mail servers or SOA contact with a vendor domain, or it was registered after
 *   the project began, or it imitates a domain Assay knew first;
 * - `confirmed`: an organisation that proved the domain confirmed the case study
 *   or answered as a reference from an account;
 * - `corroborated`: independent vendors name it too, or it was registered more
 *   than a year before the project;
 * - `unconfirmed`: seen only with this vendor, nothing against it.
 * When DNS did not answer, nothing better than `unconfirmed` is given.
 */
export function assessClientDomain(facts: ClientDomainFacts, providers: readonly string[] = SHARED_DNS_PROVIDER_SUFFIXES): ClientDomainAssessment {
  const domain = normalizeDomain(facts.domain) ?? facts.domain;
  const the = `the client domain ${domain}`;
  const suspect: StandingReason[] = [];
  const good: Array<StandingReason & { standing: 'confirmed' | 'corroborated' }> = [];

  const org = facts.clientOrganization;
  if (org?.answer === 'did_not_work_with') {
    suspect.push({ code: 'DENIED_BY_CLIENT', sentence: `${org.name}, which proved it holds ${domain}, says it did not work with this vendor on this project.` });
  }
  const dnsChecked = facts.dns.status === 'ok';
  if (facts.dns.status === 'ok') {
    const control = sharedDnsControl(domain, facts.dns.facts, facts.vendorDomains, providers, facts.sharedHosts);
    if (control) {
      suspect.push({
        code: 'SHARES_DNS_WITH_VENDOR',
        sentence: `${capitalize(the)} uses the same ${control.what} (${control.host}) as the vendor’s own domain ${control.vendorDomain}, so the vendor appears to control it.`,
      });
    }
  }
  const started = facts.projectStartedAt;
  if (facts.registeredAt !== null && started !== null && facts.registeredAt.getTime() > started.getTime()) {
    suspect.push({
      code: 'REGISTERED_AFTER_PROJECT',
      sentence: `${capitalize(the)} was registered on ${isoDay(facts.registeredAt)}, after the project it is named in began (${isoDay(started)}).`,
    });
  }
  const longBefore =
    facts.registeredAt !== null && started !== null && facts.registeredAt.getTime() < subtractMonthsUtc(started, YEAR_MONTHS).getTime();
  // A look-alike that independent vendors name too, or that is old, is a real, separate
  // organisation with a similar name (acme.de and acme.com), not an imitation made for this.
  const imitation = longBefore || facts.independentVendorCount >= 1 ? null : imitatedDomain({ ...facts, domain });
  if (imitation) {
    suspect.push({
      code: 'LOOKS_LIKE_KNOWN_DOMAIN',
      sentence: `${capitalize(the)} ${LOOK_ALIKE_WORDS[imitation.kind]} ${imitation.known.domain}, ${knownDomainPhrase(imitation.known)}.`,
    });
  }

  if (org && org.answer !== 'did_not_work_with') {
    good.push({ standing: 'confirmed', code: 'CONFIRMED_BY_CLIENT', sentence: `${org.name}, which proved it holds ${domain}, confirmed that it worked with this vendor.` });
  }
  if (facts.accountReferenceFrom !== null) {
    good.push({
      standing: 'confirmed',
      code: 'ANSWERED_FROM_CLIENT_ACCOUNT',
      sentence: `A member of ${facts.accountReferenceFrom}, which proved it holds ${domain}, answered as a reference from their account.`,
    });
  }
  if (facts.independentVendorCount >= 1) {
    const n = facts.independentVendorCount;
    good.push({
      standing: 'corroborated',
      code: 'SEEN_WITH_INDEPENDENT_VENDORS',
      sentence: `${capitalize(the)} also appears with ${n === 1 ? 'another, independent vendor' : `${n} other, independent vendors`}.`,
    });
  }
  if (longBefore && facts.registeredAt !== null) {
    good.push({
      standing: 'corroborated',
      code: 'REGISTERED_LONG_BEFORE_PROJECT',
      sentence: `${capitalize(the)} was registered on ${isoDay(facts.registeredAt)}, more than a year before the project.`,
    });
  }

  const notChecked: StandingReason = {
    code: 'DNS_NOT_CHECKED',
    sentence: `DNS for ${domain} could not be checked, so its standing is not checked and stays at most unconfirmed until it is.`,
  };
  const result = (standing: ClientDomainStanding, reasons: StandingReason[]): ClientDomainAssessment => ({
    standing,
    dnsChecked,
    reasons,
    reason: reasons[0].sentence,
  });
  if (suspect.length > 0) return result('suspect', [...suspect, ...(dnsChecked ? [] : [notChecked]), ...good]);
  if (!dnsChecked) return result('unconfirmed', [notChecked, ...good]);
  const confirmed = good.filter((g) => g.standing === 'confirmed');
  if (confirmed.length > 0) return result('confirmed', good.map(({ code, sentence }) => ({ code, sentence })));
  if (good.length > 0) return result('corroborated', good.map(({ code, sentence }) => ({ code, sentence })));
  return result('unconfirmed', [{ code: 'SEEN_ONLY_WITH_THIS_VENDOR', sentence: `${capitalize(the)} has been seen only with this vendor; nothing confirms or contradicts it yet.` }]);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
