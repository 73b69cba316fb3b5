// Threat classes the lemons market does not model, played against Assay's real
// rules. Identity forgery: vendors that state a client domain they control — a
// look-alike of a real client's (fairway-telecom.example for
// fairwaytelecom.example) or one they invented — nominate "references" there
// and draw their roster there, so every answer looks like a strong,
// client-domain reference. The client-domain standing of every case study is
// computed by @assay/domain's assessClientDomain from facts generated here
// (DNS records, registration dates, who else names the domain) and weighs the
// references through @assay/signals, as on the server.
//
// The rules (IDENTITY_RULES) were fixed before any result was looked at; see
// docs/simulation.md ("Threat: identity forgery").
//
// Temporal gaming: vendors that were good early and got worse later, inflating the
// claims of their later projects, and that loaded their whole history onto Assay at
// once shortly before the market is observed (so every row has about the same insert
// time). TEMPORAL_RULES were fixed before any result was looked at.
//
// Reference threats (REFERENCE_RULES, fixed before any result was looked at): selective
// disclosure (unhappy clients' roster contacts never answer, only happy clients are
// nominated), a single champion (one friendly contact answers for many projects), a volume
// burst (a campaign of glowing answers from friendly contacts) and a lying client (the real
// client, on its real domain, answers glowingly whatever happened). Each class generates the
// references such a vendor would leave on Assay; detection comes only from @assay/signals' rules.
import { assessClientDomain, type DnsLookup, type KnownDomain, lookAlikeBucketKey, lookAlikeKind, normalizeDomain, sharedInfrastructureHosts } from '@assay/domain';
import { computeMarketContext, computeVendorSignals, DEFAULT_SIGNAL_CONFIG, type FlagKind, type VendorEvidence, type VendorSignals } from '@assay/signals';
import {
  addProject,
  clientReference,
  DAY_MS,
  generateMarket,
  identityOfClient,
  type Market,
  MARKET_RULES,
  marketEvidence,
  MONTH_MS,
  type SimProject,
  type SimReference,
  type SimVendor,
} from './market';
import { kendallTauB } from './metrics';
import { assayOrder, assaySignals } from './rankings';
import { Rng } from './rng';

export const THREAT_SHARES = [0.1, 0.25, 0.4] as const;
export const PRIMARY_THREAT_SHARE = 0.25;

export const IDENTITY_RULES = {
  /** Client organisations in the market; vendors draw their clients from them. */
  clientOrganizations: 300,
  /** Client popularity is Zipf-like: weight 1 / rank^exponent (big clients hire several consultancies). */
  popularityExponent: 0.8,
  /** Share of client organisations whose name is a small edit of another's (acme.de and acme.com, both real). */
  naturalLookAlikeShare: 0.02,
  /** Client domains are registered uniformly 3..20 years before the market's "now". */
  clientRegisteredYearsAgo: [3, 20] as const,
  /** Share of client and vendor domains on a shared DNS and mail provider (else self-hosted). */
  clientProviderShare: 0.8,
  vendorProviderShare: 0.7,
  /** Share of honest projects whose client's DNS the vendor really runs (an MSP-style consultancy). */
  honestVendorRunsClientDns: 0.01,
  /** Probability that DNS, and RDAP, answer for a domain. */
  dnsReachable: 0.97,
  rdapReachable: 0.7,
  /** Forgers: share of forged domains hosted on the vendor's own infrastructure (same name servers or mail servers). */
  forgerOwnInfrastructure: 0.5,
  /** Forgers: share of forged domains bought aged (registered 2..10 years before the project), else registered around the project. */
  forgerAgedDomain: 0.3,
  /** A project begins this long before it is completed (registration dates are compared with it). */
  projectMonths: 6,
};

export const IDENTITY_CLASSES = [
  { name: 'identity-lookalike', kind: 'lookalike', strength: 1 },
  { name: 'identity-lookalike', kind: 'lookalike', strength: 0.5 },
  { name: 'identity-self-controlled', kind: 'self', strength: 1 },
  { name: 'identity-self-controlled', kind: 'self', strength: 0.5 },
] as const;
type IdentityClass = (typeof IDENTITY_CLASSES)[number];

export const TEMPORAL_RULES = {
  /** True quality of the early projects (honest claims) and of the projects after the turn (inflated claims, as the lemons adversaries'). */
  earlyQuality: [5, 2] as const,
  lateQuality: [2, 5] as const,
  /** The vendor loaded its history onto Assay within two days, this many days before the market is observed; later projects are submitted as they end. */
  onboardedDaysAgo: 120,
};

/** Strength 1: the vendor turned 24 months before now (two years of worse projects); 0.5: 12 months before now. */
export const TEMPORAL_CLASSES = [
  { name: 'temporal-decline', kind: 'temporal', strength: 1, turnMonths: 24 },
  { name: 'temporal-decline', kind: 'temporal', strength: 0.5, turnMonths: 12 },
] as const;
type TemporalClass = (typeof TEMPORAL_CLASSES)[number];

/**
 * Reviewer collusion: a ring of reviewers confirms every claim of the ring's vendors (poor, inflating
 * their claims) whenever one of them is the reviewer, staying within every cap. Assay draws the reviewer
 * of every task at random from the whole pool, so a ring of k among n reviewers lands on its vendors
 * about k/n of the time; the ring's other verdicts are honest. Strength = ring size ÷ 5 (rings of 2 and 5).
 */
export const COLLUSION_CLASSES = [
  { name: 'collusion-ring', kind: 'collusion', strength: 1, ringSize: 5 },
  { name: 'collusion-ring', kind: 'collusion', strength: 0.4, ringSize: 2 },
] as const;
type CollusionClass = (typeof COLLUSION_CLASSES)[number];

export const REFERENCE_RULES = {
  /** Selective disclosure: the vendor nominates the client of every happy project (would hire again) with this probability, and no one on the others. */
  selectiveNominationRate: 1,
  /** Volume burst: the campaign of glowing answers runs this many days before the market is observed, over a week. */
  campaignDaysAgo: 90,
  campaignDays: 7,
  /** A friendly contact answers within this many days of being asked. */
  friendlyAnswerDays: [0.5, 3] as const,
};

/**
 * Selective disclosure: the vendor lists its unhappy clients on its roster with contacts that never answer
 * (someone who left, a dead address), so Assay's draw on those projects expires, and nominates the
 * client of every happy project and no one else. Strength = share of unhappy clients so silenced (1: all, 0.5: half).
 * Single champion: one friendly contact at one of its clients is nominated, and answers glowingly, for
 * every project (strength 1) or half of them (0.5), in place of the project's own client.
 * Volume burst: one campaign, `campaignDaysAgo` before now, of glowing answers by friendly contacts at
 * the clients, 4 (strength 1) or 2 (0.5) more per project, nominated beside the usual references.
 * Lying client: the real client contact, on its real domain, answers every reference request and
 * follow-up glowingly whatever happened, on every project (1) or half of them (0.5).
 */
export const REFERENCE_CLASSES = [
  { name: 'selective-disclosure', kind: 'selective', strength: 1 },
  { name: 'selective-disclosure', kind: 'selective', strength: 0.5 },
  { name: 'single-champion', kind: 'champion', strength: 1 },
  { name: 'single-champion', kind: 'champion', strength: 0.5 },
  { name: 'volume-burst', kind: 'volume', strength: 1, extraPerProject: 4 },
  { name: 'volume-burst', kind: 'volume', strength: 0.5, extraPerProject: 2 },
  { name: 'lying-client', kind: 'lying', strength: 1 },
  { name: 'lying-client', kind: 'lying', strength: 0.5 },
] as const;
type ReferenceClass = (typeof REFERENCE_CLASSES)[number];
type ThreatClass = IdentityClass | TemporalClass | CollusionClass | ReferenceClass;

/** Every threat class of the market; the cheating share is split evenly over them. */
export const THREAT_CLASSES: readonly ThreatClass[] = [...IDENTITY_CLASSES, ...TEMPORAL_CLASSES, ...COLLUSION_CLASSES, ...REFERENCE_CLASSES];

/**
 * The flags a buyer's "hide flagged" filter hides: the ones that name a cheat. The burst of nominated
 * answers is one since bursts are measured on project dates (a vendor loading its history is not one).
 */
export const CHEAT_FLAGS: ReadonlySet<FlagKind> = new Set<FlagKind>([
  'client_domain_suspect',
  'declining_recent_evidence',
  'reviewer_vendor_anomaly',
  'roster_cherry_picking',
  'single_champion',
  'reference_burst',
]);

export interface ClassResult {
  name: string;
  /** Share of the class's case studies that name a forged client domain. */
  strength: number;
  n: number;
  /** Mean rank percentile (1 = top) of the class's vendors minus that of honest vendors of similar true quality. */
  percentileGain: number;
  /** The same gain when client-domain standings are ignored (Assay before this check). */
  percentileGainWithoutStanding: number;
  /** The same gain when the evidence states no project dates (Assay aging evidence by insert time, as before issue 15). */
  percentileGainWithoutProjectDates: number;
  inTop10: number;
  /** Share of the class's vendors carrying a flag that names a cheat (`CHEAT_FLAGS`: what "hide flagged" hides). */
  flaggedShare: number;
  /** The same share without project dates. */
  flaggedShareWithoutProjectDates: number;
}

export interface ThreatResult {
  adversaryShare: number;
  tauAll: number;
  tauHonest: number;
  honestFlaggedShare: number;
  /** The same share without project dates. */
  honestFlaggedShareWithoutProjectDates: number;
  /** Share of honest vendors with a burst flag (the old "timing" flags), with and without project dates. */
  honestBurstFlaggedShare: number;
  honestBurstFlaggedShareWithoutProjectDates: number;
  classes: ClassResult[];
  market: {
    vendors: number;
    honestVendors: number;
    clientOrganizations: number;
    caseStudies: number;
    standings: Record<'confirmed' | 'corroborated' | 'unconfirmed' | 'suspect', number>;
    honestStandings: Record<'confirmed' | 'corroborated' | 'unconfirmed' | 'suspect', number>;
    dnsNotChecked: number;
  };
}

interface DomainTruth {
  domain: string;
  registeredMs: number;
  dns: DnsLookup;
  rdapReachable: boolean;
}

const SYLLABLES = ['fair', 'way', 'tele', 'com', 'north', 'wind', 'acme', 'retail', 'blue', 'river', 'stone', 'gate', 'delta', 'port', 'green', 'field', 'iron', 'bridge', 'silver', 'lake', 'metro', 'grid', 'nova', 'pharma', 'logi', 'tech', 'sun', 'rise', 'oak', 'mark', 'bank', 'care', 'home', 'foods', 'energy', 'motor'];
const SUFFIXES = ['example', 'example', 'example', 'com', 'co.uk', 'de'];
const PROVIDERS: ReadonlyArray<{ ns: (rng: Rng) => string[]; mx: string[]; rname: string }> = [
  { ns: (rng) => [`${rng.pick(['ada', 'bob', 'cruz', 'dana'])}.ns.cloudflare.com`, `${rng.pick(['eve', 'finn', 'gil', 'hana'])}.ns.cloudflare.com`], mx: ['aspmx.l.google.com'], rname: 'dns.cloudflare.com' },
  { ns: (rng) => [`ns-${rng.int(1, 2000)}.awsdns-${rng.int(1, 60)}.com`], mx: ['mail.protection.outlook.com'], rname: 'awsdns-hostmaster.amazon.com' },
  { ns: (rng) => [`ns${rng.int(1, 80)}.domaincontrol.com`], mx: ['mx1.zoho.eu'], rname: 'dns.jomax.net' },
];

function selfHosted(domain: string): DnsLookup {
  return { status: 'ok', facts: { nameServers: [`ns1.${domain}`, `ns2.${domain}`], mailExchangers: [`mail.${domain}`], soa: { mname: `ns1.${domain}`, rname: `hostmaster.${domain}` } } };
}

function providerHosted(rng: Rng): DnsLookup {
  const p = rng.pick(PROVIDERS);
  const ns = p.ns(rng);
  return { status: 'ok', facts: { nameServers: ns, mailExchangers: p.mx, soa: { mname: ns[0], rname: p.rname } } };
}

function reachable(rng: Rng, dns: DnsLookup): DnsLookup {
  return rng.bernoulli(IDENTITY_RULES.dnsReachable) ? dns : { status: 'unreachable' };
}

// An invented name is a new organisation's: never the same as, or a look-alike of, one already taken
// (natural look-alikes are made on purpose, at the rate the rules state).
function inventName(rng: Rng, taken: ReadonlySet<string>): string {
  for (;;) {
    const parts = rng.int(2, 3);
    const name = Array.from({ length: parts }, () => rng.pick(SYLLABLES)).join('');
    const domain = `${name}.${rng.pick(SUFFIXES)}`;
    if (taken.has(domain) || normalizeDomain(domain) !== domain) continue;
    const key = lookAlikeBucketKey(domain);
    if (![...taken].some((t) => lookAlikeBucketKey(t) === key && lookAlikeKind(domain, t) !== null)) return domain;
  }
}

/** A small edit of `domain` of a random kind (the ones Assay's rules look for, and a homoglyph). */
function lookAlikeOf(rng: Rng, domain: string, taken: ReadonlySet<string>): string {
  const dot = domain.indexOf('.');
  const name = domain.slice(0, dot);
  const suffix = domain.slice(dot + 1);
  for (let attempt = 0; attempt < 20; attempt++) {
    const k = rng.int(1, name.length - 2);
    const kind = rng.pick(['hyphen', 'doubled', 'swapped', 'suffix', 'homoglyph'] as const);
    let candidate: string;
    if (kind === 'hyphen') candidate = `${name.slice(0, k)}-${name.slice(k)}.${suffix}`;
    else if (kind === 'doubled') candidate = `${name.slice(0, k)}${name[k]}${name.slice(k)}.${suffix}`;
    else if (kind === 'swapped') candidate = `${name.slice(0, k)}${name[k + 1]}${name[k]}${name.slice(k + 2)}.${suffix}`;
    else if (kind === 'suffix') candidate = `${name}.${rng.pick(SUFFIXES.filter((s) => s !== suffix))}`;
    else if (name.includes('m')) candidate = `${name.replace('m', 'rn')}.${suffix}`;
    else if (name.includes('o')) candidate = `${name.replace('o', '0')}.${suffix}`;
    else candidate = normalizeDomain(`${name.replace('a', '\u0430')}.${suffix}`) ?? `${name}-x.${suffix}`;
    const normalized = normalizeDomain(candidate);
    if (normalized !== null && normalized !== domain && !taken.has(normalized)) return normalized;
  }
  return `${name}-group.${suffix}`;
}

interface Placement {
  vendor: SimVendor;
  project: SimProject;
  domain: string;
}

interface ThreatMarket {
  market: Market;
  honest: SimVendor[];
  classOf: Map<string, ThreatClass>;
  placements: Placement[];
  truths: Map<string, DomainTruth>;
  vendorDomains: Map<string, DomainTruth>;
}

/** A market of honest vendors plus identity forgers (a share `adversaryShare` of all vendors, split evenly over the classes). */
export function generateThreatMarket(seed: number, adversaryShare: number, vendorCount = 200): ThreatMarket {
  const rng = Rng.for(seed, `threats:identity:${adversaryShare}`);
  const forgers = Math.round(adversaryShare * vendorCount);
  const market = generateMarket(seed, { adversaryShare: 0, vendorCount: vendorCount - forgers });
  const honest = [...market.vendors];
  const taken = new Set<string>();
  const truths = new Map<string, DomainTruth>();
  const nowMs = market.nowMs;
  const registered = (r: Rng) => nowMs - r.uniform(...IDENTITY_RULES.clientRegisteredYearsAgo) * 12 * MONTH_MS;

  // Client organisations, a few of them natural look-alikes of another.
  const clients: string[] = [];
  for (let i = 0; i < IDENTITY_RULES.clientOrganizations; i++) {
    const domain =
      i > 0 && rng.bernoulli(IDENTITY_RULES.naturalLookAlikeShare) ? lookAlikeOf(rng, rng.pick(clients), taken) : inventName(rng, taken);
    taken.add(domain);
    clients.push(domain);
    const dns = rng.bernoulli(IDENTITY_RULES.clientProviderShare) ? providerHosted(rng) : selfHosted(domain);
    truths.set(domain, { domain, registeredMs: registered(rng), dns: reachable(rng, dns), rdapReachable: rng.bernoulli(IDENTITY_RULES.rdapReachable) });
  }
  const weights = clients.map((_, i) => 1 / Math.pow(i + 1, IDENTITY_RULES.popularityExponent));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const pickClient = (r: Rng): string => {
    let u = r.next() * totalWeight;
    for (let i = 0; i < clients.length; i++) {
      u -= weights[i];
      if (u <= 0) return clients[i];
    }
    return clients[clients.length - 1];
  };

  const vendorDomains = new Map<string, DomainTruth>();
  const vendorDomainOf = (vendor: SimVendor): DomainTruth => {
    let truth = vendorDomains.get(vendor.id);
    if (!truth) {
      const vr = Rng.for(seed, `threats:vendor-domain:${vendor.id}`);
      const domain = `${vendor.id}-${vr.pick(['labs', 'analytics', 'ai', 'data'])}.example`;
      taken.add(domain);
      truth = { domain, registeredMs: nowMs - vr.uniform(2, 15) * 12 * MONTH_MS, dns: vr.bernoulli(IDENTITY_RULES.vendorProviderShare) ? providerHosted(vr) : selfHosted(domain), rdapReachable: true };
      vendorDomains.set(vendor.id, truth);
    }
    return truth;
  };

  const placements: Placement[] = [];
  const projectStart = (p: SimProject) => p.completedMs - IDENTITY_RULES.projectMonths * MONTH_MS;
  for (const vendor of honest) {
    const own = vendorDomainOf(vendor);
    for (const project of vendor.projects) {
      const pr = Rng.for(seed, `threats:client:${project.caseStudyId}`);
      let domain = pickClient(pr);
      // A real client existed before the project: draw again (bounded) if its domain is younger.
      for (let k = 0; k < 10 && (truths.get(domain)?.registeredMs ?? 0) > projectStart(project); k++) domain = pickClient(pr);
      if (pr.bernoulli(IDENTITY_RULES.honestVendorRunsClientDns) && own.dns.status === 'ok') {
        // The consultancy really runs this client's DNS: a true overlap that Assay will read as control.
        const key = `${domain}@${vendor.id}`;
        truths.set(key, { ...(truths.get(domain) as DomainTruth), dns: { status: 'ok', facts: { ...own.dns.facts, mailExchangers: [] } } });
        placements.push({ vendor, project, domain: key });
      } else {
        placements.push({ vendor, project, domain });
      }
    }
  }

  const classOf = new Map<string, ThreatClass>();
  for (let i = 0; i < forgers; i++) {
    const cls = THREAT_CLASSES[i % THREAT_CLASSES.length];
    const id = `x${String(i).padStart(3, '0')}`;
    if (cls.kind === 'collusion') {
      // Real clients, honestly placed: the ring's verdicts are the cheat of this class.
      const vendor = createRingVendor(market, id, ringOf(market, cls));
      market.vendors.push(vendor);
      classOf.set(vendor.id, cls);
      vendorDomainOf(vendor);
      for (const project of vendor.projects) placements.push({ vendor, project, domain: pickClient(Rng.for(seed, `threats:client:${project.caseStudyId}`)) });
      continue;
    }
    if (cls.kind === 'selective' || cls.kind === 'champion' || cls.kind === 'volume' || cls.kind === 'lying') {
      // Real clients, honestly placed, honest claims and reviewers: the references are the cheat of this class.
      const vendor = createReferenceCheat(market, id, cls);
      market.vendors.push(vendor);
      classOf.set(vendor.id, cls);
      vendorDomainOf(vendor);
      for (const project of vendor.projects) placements.push({ vendor, project, domain: pickClient(Rng.for(seed, `threats:client:${project.caseStudyId}`)) });
      continue;
    }
    if (cls.kind === 'temporal') {
      // Real clients, honestly placed: time is the only cheat of this class.
      const vendor = createTemporalGamer(market, id, cls);
      market.vendors.push(vendor);
      classOf.set(vendor.id, cls);
      vendorDomainOf(vendor);
      for (const project of vendor.projects) placements.push({ vendor, project, domain: pickClient(Rng.for(seed, `threats:client:${project.caseStudyId}`)) });
      continue;
    }
    const vendor = createForger(market, id);
    market.vendors.push(vendor);
    classOf.set(vendor.id, cls);
    const own = vendorDomainOf(vendor);
    for (const project of vendor.projects) {
      const fr = Rng.for(seed, `threats:forge:${project.caseStudyId}`);
      if (!fr.bernoulli(cls.strength)) {
        placements.push({ vendor, project, domain: pickClient(fr) });
        continue;
      }
      const domain = cls.kind === 'lookalike' ? lookAlikeOf(fr, pickClient(fr), taken) : inventName(fr, taken);
      taken.add(domain);
      const start = projectStart(project);
      const registeredMs = fr.bernoulli(IDENTITY_RULES.forgerAgedDomain) ? start - fr.uniform(2, 10) * 12 * MONTH_MS : fr.uniform(start - 90 * DAY_MS, project.submittedMs);
      const onOwnInfrastructure = fr.bernoulli(IDENTITY_RULES.forgerOwnInfrastructure) && own.dns.status === 'ok';
      const dns: DnsLookup = onOwnInfrastructure
        ? { status: 'ok', facts: { nameServers: [`ns1.${own.domain}`], mailExchangers: [`mail.${own.domain}`], soa: { mname: `ns1.${own.domain}`, rname: `hostmaster.${own.domain}` } } }
        : providerHosted(fr);
      truths.set(domain, { domain, registeredMs, dns: reachable(fr, dns), rdapReachable: fr.bernoulli(IDENTITY_RULES.rdapReachable) });
      forgeReferences(fr, vendor, project, domain);
      placements.push({ vendor, project, domain });
    }
  }
  return { market, honest, classOf, placements, truths, vendorDomains };
}

/** When a threat vendor's projects were completed: 1 + Poisson(5) of them, spread over the market's history (as createVendor's). */
export function projectCompletions(market: Market, rng: Rng): number[] {
  const count = 1 + rng.poisson(5);
  const historyMs = market.options.historyMonths * MONTH_MS;
  return Array.from({ length: count }, () => market.nowMs - rng.uniform(7 * DAY_MS, historyMs)).sort((a, b) => a - b);
}

/** An identity forger: as poor as the lemons market's adversaries (quality Beta(2, 5)), honest in everything but its clients' identity. */
function createForger(market: Market, id: string): SimVendor {
  const rng = Rng.for(market.seed, `vendor:${id}`);
  const vendor: SimVendor = { id, quality: rng.beta(2, 5), adversarial: false, enteredMs: market.nowMs, projects: [], references: [], starReviews: [] };
  const completions = projectCompletions(market, rng);
  for (const completedMs of completions) {
    addProject(market, vendor, rng, { completedMs, submittedMs: completedMs + rng.uniform(0, 30) * DAY_MS, verificationDelayDays: MARKET_RULES.verificationDelayDays });
  }
  // Forged records are marked adversarial for the market's bookkeeping only after generation, so that
  // addProject modelled honest claims and honest reviewers: identity is the only cheat of this class.
  vendor.adversarial = true;
  return vendor;
}

/** The ring of a collusion class: `ringSize` reviewers of the market, drawn once per seed and class, never the market's own colluders. */
function ringOf(market: Market, cls: CollusionClass): ReadonlySet<string> {
  const rng = Rng.for(market.seed, `threats:ring:${cls.ringSize}`);
  const pool = market.reviewers.filter((r) => !r.colluder).map((r) => r.id);
  const ring = new Set<string>();
  while (ring.size < Math.min(cls.ringSize, pool.length)) ring.add(rng.pick(pool));
  return ring;
}

/** A ring's vendor: as poor as the lemons market's adversaries (quality Beta(2, 5)), inflating its claims, confirmed by its ring whenever drawn. */
function createRingVendor(market: Market, id: string, ring: ReadonlySet<string>): SimVendor {
  const rng = Rng.for(market.seed, `vendor:${id}`);
  const vendor: SimVendor = { id, quality: rng.beta(2, 5), adversarial: false, enteredMs: market.nowMs, projects: [], references: [], starReviews: [] };
  const completions = projectCompletions(market, rng);
  for (const completedMs of completions) {
    addProject(market, vendor, rng, {
      completedMs,
      submittedMs: completedMs + rng.uniform(0, 30) * DAY_MS,
      verificationDelayDays: MARKET_RULES.verificationDelayDays,
      inflateClaims: true,
      colludes: (reviewer) => ring.has(reviewer.id),
    });
  }
  vendor.adversarial = true;
  return vendor;
}

/**
 * A temporal gamer: good and honest before its turn (`turnMonths` before now), poorer and inflating its
 * claims after it; its history was loaded onto Assay at once `onboardedDaysAgo` before now. Its true
 * quality, for the comparison with honest vendors, is its quality now (after the turn).
 */
function createTemporalGamer(market: Market, id: string, cls: TemporalClass): SimVendor {
  const rng = Rng.for(market.seed, `vendor:${id}`);
  const early = rng.beta(...TEMPORAL_RULES.earlyQuality);
  const late = rng.beta(...TEMPORAL_RULES.lateQuality);
  const vendor: SimVendor = { id, quality: early, adversarial: false, enteredMs: market.nowMs, projects: [], references: [], starReviews: [] };
  const completions = projectCompletions(market, rng);
  const turnMs = market.nowMs - cls.turnMonths * MONTH_MS;
  const onboardedMs = market.nowMs - TEMPORAL_RULES.onboardedDaysAgo * DAY_MS;
  for (const completedMs of completions) {
    const afterTurn = completedMs >= turnMs;
    vendor.quality = afterTurn ? late : early;
    const submittedMs = Math.max(onboardedMs + rng.uniform(0, 2) * DAY_MS, completedMs + rng.uniform(0, 30) * DAY_MS);
    addProject(market, vendor, rng, { completedMs, submittedMs, verificationDelayDays: MARKET_RULES.verificationDelayDays, inflateClaims: afterTurn });
  }
  vendor.quality = late;
  vendor.adversarial = true;
  return vendor;
}

/** A glowing answer by a contact who did not judge the project on its merits (a champion, a friend, a lying client). */
function glowing(ref: SimReference, project: SimProject): SimReference {
  return {
    ...ref,
    finalStatus: 'answered',
    wouldHireAgain: true,
    handover: 5,
    inProductionNow: true,
    outcomeAnswers: project.outcomes.map((o) => ({ outcomeId: o.id, achieved: 'yes' as const })),
  };
}

/**
 * A vendor whose references are its cheat (REFERENCE_CLASSES): as poor as the lemons market's adversaries
 * (quality Beta(2, 5)), honest claims and honestly drawn reviewers, real clients. Its projects are made
 * by addProject as an honest vendor's; then its references are reshaped as the class's vendor would.
 */
function createReferenceCheat(market: Market, id: string, cls: ReferenceClass): SimVendor {
  const rng = Rng.for(market.seed, `vendor:${id}`);
  const vendor: SimVendor = { id, quality: rng.beta(2, 5), adversarial: false, enteredMs: market.nowMs, projects: [], references: [], starReviews: [] };
  for (const completedMs of projectCompletions(market, rng)) {
    addProject(market, vendor, rng, { completedMs, submittedMs: completedMs + rng.uniform(0, 30) * DAY_MS, verificationDelayDays: MARKET_RULES.verificationDelayDays });
  }
  const cr = Rng.for(market.seed, `threats:references:${id}`);
  const byProject = new Map(vendor.projects.map((p) => [p.caseStudyId, p]));
  const answerDelay = () => cr.uniform(...REFERENCE_RULES.friendlyAnswerDays) * DAY_MS;
  if (cls.kind === 'selective') {
    const happy = vendor.projects.filter((p) => p.clientWouldHireAgain);
    const silenced = new Set(vendor.projects.filter((p) => !p.clientWouldHireAgain && cr.bernoulli(cls.strength)).map((p) => p.caseStudyId));
    const kept: SimReference[] = [];
    for (const r of vendor.references) {
      if (r.source === 'nominated') continue;
      // The roster contact of a silenced client never answers: Assay's request expires.
      kept.push(silenced.has(r.caseStudyId) ? { ...r, finalStatus: 'expired', resolvedMs: r.requestedMs + 21 * DAY_MS, wouldHireAgain: undefined, handover: undefined, inProductionNow: undefined, outcomeAnswers: undefined } : r);
    }
    // It nominates the client of every happy project, and no one on the others.
    for (const project of happy) {
      if (!cr.bernoulli(REFERENCE_RULES.selectiveNominationRate)) continue;
      const requestedMs = project.submittedMs + cr.uniform(0, 10) * DAY_MS;
      kept.push(clientReference(cr, project, `${project.caseStudyId}-rn`, 'nominated', cr.bernoulli(MARKET_RULES.nominatedAnswerRate) ? 'answered' : 'expired', requestedMs));
    }
    vendor.references = kept;
  } else if (cls.kind === 'champion') {
    // The champion works at one of the vendor's clients: on the client's domain for that project, another domain for the rest.
    const home = vendor.projects.find((p) => p.clientWouldHireAgain) ?? vendor.projects[0];
    const contactHash = `champion-${id}`;
    const championed = new Set(vendor.projects.filter(() => cr.bernoulli(cls.strength)).map((p) => p.caseStudyId));
    vendor.references = vendor.references.filter((r) => !(r.source === 'nominated' && championed.has(r.caseStudyId)));
    for (const project of vendor.projects) {
      if (!championed.has(project.caseStudyId)) continue;
      const requestedMs = project.submittedMs + cr.uniform(0, 10) * DAY_MS;
      const ref: SimReference = {
        id: `${project.caseStudyId}-rc`,
        caseStudyId: project.caseStudyId,
        source: 'nominated',
        identityStrength: project === home ? home.clientIdentity : 'unknown',
        contactHash,
        fake: true,
        requestedMs,
        resolvedMs: requestedMs + answerDelay(),
        finalStatus: 'answered',
      };
      vendor.references.push(glowing(ref, project));
    }
  } else if (cls.kind === 'volume') {
    const campaignMs = market.nowMs - REFERENCE_RULES.campaignDaysAgo * DAY_MS;
    for (const project of vendor.projects) {
      for (let k = 0; k < cls.extraPerProject; k++) {
        const requestedMs = Math.max(campaignMs, project.submittedMs) + cr.uniform(0, REFERENCE_RULES.campaignDays) * DAY_MS;
        const ref: SimReference = {
          id: `${project.caseStudyId}-rv${k}`,
          caseStudyId: project.caseStudyId,
          source: 'nominated',
          identityStrength: identityOfClient(cr),
          contactHash: `friend-${project.caseStudyId}-${k}`,
          fake: true,
          requestedMs,
          resolvedMs: requestedMs + answerDelay(),
          finalStatus: 'answered',
        };
        vendor.references.push(glowing(ref, project));
      }
    }
  } else {
    const lying = new Set(vendor.projects.filter(() => cr.bernoulli(cls.strength)).map((p) => p.caseStudyId));
    vendor.references = vendor.references.map((r) => {
      const project = byProject.get(r.caseStudyId);
      if (!project || !lying.has(r.caseStudyId) || r.contactHash !== project.clientContact || r.finalStatus !== 'answered') return r;
      return { ...glowing(r, project), fake: true };
    });
    for (const project of vendor.projects) {
      if (!lying.has(project.caseStudyId)) continue;
      project.followUps = project.followUps.map((f) => (f.answeredMs === undefined ? f : { ...f, stillInProduction: true }));
    }
  }
  vendor.adversarial = true;
  return vendor;
}

/** The forger's references on a forged project: a nominated and a roster-drawn one, both its own people on the forged domain, all glowing. */
function forgeReferences(rng: Rng, vendor: SimVendor, project: SimProject, domain: string): void {
  vendor.references = vendor.references.filter((r) => r.caseStudyId !== project.caseStudyId);
  for (const source of ['drawn', 'nominated'] as const) {
    const requestedMs = project.submittedMs + rng.uniform(0, 10) * DAY_MS;
    vendor.references.push({
      id: `${project.caseStudyId}-r${source === 'drawn' ? 'd' : 'n'}`,
      caseStudyId: project.caseStudyId,
      source,
      identityStrength: 'strong',
      contactHash: `forged-${source}@${domain}`,
      fake: true,
      requestedMs,
      resolvedMs: requestedMs + rng.uniform(0.5, 3) * DAY_MS,
      finalStatus: 'answered',
      wouldHireAgain: true,
      handover: 5,
      inProductionNow: true,
      outcomeAnswers: project.outcomes.map((o) => ({ outcomeId: o.id, achieved: 'yes' as const })),
    });
  }
}

/** Assesses every case study's client domain with @assay/domain's rules, from the facts of the market, and stores the standing on the project. */
export function assessStandings(tm: ThreatMarket): void {
  const { truths, vendorDomains, placements } = tm;
  const realDomain = (key: string) => key.split('@')[0];
  const firstSeen = new Map<string, number>();
  const vendorsNaming = new Map<string, Set<string>>();
  for (const p of placements) {
    const d = realDomain(p.domain);
    firstSeen.set(d, Math.min(firstSeen.get(d) ?? Infinity, p.project.submittedMs));
    const set = vendorsNaming.get(d) ?? new Set<string>();
    set.add(p.vendor.id);
    vendorsNaming.set(d, set);
  }
  const buckets = new Map<string, string[]>();
  const addToBucket = (domain: string) => {
    const key = lookAlikeBucketKey(domain);
    const list = buckets.get(key) ?? [];
    if (!list.includes(domain)) list.push(domain);
    buckets.set(key, list);
  };
  for (const d of firstSeen.keys()) addToBucket(d);
  for (const v of vendorDomains.values()) addToBucket(v.domain);
  const vendorDomainNames = new Map([...vendorDomains.entries()].map(([id, t]) => [t.domain, id]));
  // What the server would learn from the DNS of every domain it knows: hosts serving many owners are providers.
  // A vendor's own domain and the client domains only it names are one owner.
  const ownerOf = (d: string) => {
    const namers = [...(vendorsNaming.get(d) ?? [])];
    return namers.length === 1 ? `vendor:${namers[0]}` : `client:${d}`;
  };
  const sharedHosts = sharedInfrastructureHosts([
    ...[...vendorDomains.entries()].map(([id, t]) => ({ owner: `vendor:${id}`, dns: t.dns })),
    ...[...firstSeen.keys()].map((d) => ({ owner: ownerOf(d), dns: (truths.get(d) as DomainTruth).dns })),
  ]);

  for (const p of placements) {
    const domain = realDomain(p.domain);
    const truth = truths.get(p.domain) ?? truths.get(domain);
    if (!truth) throw new Error(`No facts for ${p.domain}`);
    const own = vendorDomains.get(p.vendor.id) as DomainTruth;
    const known: KnownDomain[] = (buckets.get(lookAlikeBucketKey(domain)) ?? [])
      .filter((d) => d !== domain)
      .map((d): KnownDomain => {
        const vendorId = vendorDomainNames.get(d);
        if (vendorId !== undefined) return { domain: d, kind: 'vendor', ownerName: vendorId, firstSeenAt: new Date(0), registeredAt: new Date(vendorDomains.get(vendorId)?.registeredMs ?? 0) };
        const namers = vendorsNaming.get(d) ?? new Set<string>();
        const t = truths.get(d);
        return {
          domain: d,
          kind: [...namers].some((id) => id !== p.vendor.id) ? 'client_of_other_vendor' : 'client_of_this_vendor',
          firstSeenAt: new Date(firstSeen.get(d) ?? 0),
          registeredAt: t?.rdapReachable ? new Date(t.registeredMs) : null,
        };
      });
    const assessment = assessClientDomain({
      domain,
      firstSeenAt: new Date(firstSeen.get(domain) ?? p.project.submittedMs),
      projectStartedAt: new Date(p.project.completedMs - IDENTITY_RULES.projectMonths * MONTH_MS),
      vendorDomains: [{ domain: own.domain, dns: own.dns }],
      dns: truth.dns,
      registeredAt: truth.rdapReachable ? new Date(truth.registeredMs) : null,
      knownDomains: known,
      // Vendors in this market share no members, reviewers or infrastructure.
      independentVendorCount: [...(vendorsNaming.get(domain) ?? [])].filter((id) => id !== p.vendor.id).length,
      clientOrganization: null,
      accountReferenceFrom: null,
      sharedHosts,
    });
    p.project.clientDomain = { domain, standing: assessment.standing, reason: assessment.reason };
  }
}

/** Rank percentile of every vendor (1 = first, 0 = last) in Assay's order. */
function percentiles(signals: readonly VendorSignals[]): Map<string, number> {
  const order = assayOrder(signals);
  return new Map(order.map((id, i) => [id, order.length === 1 ? 1 : 1 - i / (order.length - 1)]));
}

/** Mean percentile of honest vendors of similar true quality (within ±0.05; the 10 nearest when fewer than 5 are that close). */
function matchedHonestPercentile(quality: number, honest: readonly SimVendor[], pct: ReadonlyMap<string, number>): number {
  let matched = honest.filter((h) => Math.abs(h.quality - quality) <= 0.05);
  if (matched.length < 5) matched = [...honest].sort((a, b) => Math.abs(a.quality - quality) - Math.abs(b.quality - quality)).slice(0, 10);
  return matched.reduce((s, h) => s + (pct.get(h.id) ?? 0), 0) / matched.length;
}

const hasCheatFlag = (s: VendorSignals) => s.flags.some((f) => CHEAT_FLAGS.has(f.kind));
const hasBurstFlag = (s: VendorSignals) => s.flags.some((f) => f.kind === 'reference_burst' || f.kind === 'submission_burst');

/** The evidence as it would be with no project date stated: @assay/signals then falls back to insert times. */
function withoutProjectDates(e: VendorEvidence): VendorEvidence {
  return {
    ...e,
    caseStudies: e.caseStudies.map((cs) => ({ ...cs, startedOn: undefined, endedOn: undefined, outcomes: cs.outcomes.map((o) => ({ ...o, measuredAt: undefined })) })),
  };
}

function signalsWithoutProjectDates(market: Market): VendorSignals[] {
  const all = marketEvidence(market).map(withoutProjectDates);
  const context = computeMarketContext(all, DEFAULT_SIGNAL_CONFIG);
  return all.map((e) => computeVendorSignals(e, DEFAULT_SIGNAL_CONFIG, { market: context, explanations: false }));
}

/** Runs the identity-forgery threat market at one adversary share. */
export function identityThreat(seed: number, adversaryShare: number, vendorCount = 200): ThreatResult {
  const tm = generateThreatMarket(seed, adversaryShare, vendorCount);
  const { market, honest, classOf, placements } = tm;
  // Before: Assay without client-domain standings (every client-domain reference counts as typed).
  const before = percentiles(assaySignals(market, market.vendors, market.nowMs));
  assessStandings(tm);
  const signals = assaySignals(market, market.vendors, market.nowMs);
  const after = percentiles(signals);
  const byId = new Map(signals.map((s) => [s.vendorId, s]));
  const top10 = new Set(assayOrder(signals).slice(0, 10));
  // Before issue 15: the same market with no project dates (evidence aged by insert time).
  const undatedSignals = signalsWithoutProjectDates(market);
  const undated = percentiles(undatedSignals);
  const undatedById = new Map(undatedSignals.map((s) => [s.vendorId, s]));
  const share = (vs: readonly SimVendor[], test: (s: VendorSignals) => boolean, by: ReadonlyMap<string, VendorSignals>) =>
    vs.length === 0 ? 0 : vs.filter((v) => test(by.get(v.id) as VendorSignals)).length / vs.length;

  const classes: ClassResult[] = THREAT_CLASSES.map((cls) => {
    const members = market.vendors.filter((v) => classOf.get(v.id) === cls);
    const gain = (pct: ReadonlyMap<string, number>) =>
      members.length === 0 ? 0 : members.reduce((s, v) => s + (pct.get(v.id) ?? 0) - matchedHonestPercentile(v.quality, honest, pct), 0) / members.length;
    return {
      name: cls.name,
      strength: cls.strength,
      n: members.length,
      percentileGain: round4(gain(after)),
      percentileGainWithoutStanding: round4(gain(before)),
      percentileGainWithoutProjectDates: round4(gain(undated)),
      inTop10: members.filter((v) => top10.has(v.id)).length,
      flaggedShare: round4(share(members, hasCheatFlag, byId)),
      flaggedShareWithoutProjectDates: round4(share(members, hasCheatFlag, undatedById)),
    };
  });
  const position = new Map(assayOrder(signals).map((id, i, all) => [id, all.length - i]));
  const score = (vs: readonly SimVendor[]) => vs.map((v) => position.get(v.id) ?? 0);
  const standings = { confirmed: 0, corroborated: 0, unconfirmed: 0, suspect: 0 };
  const honestStandings = { confirmed: 0, corroborated: 0, unconfirmed: 0, suspect: 0 };
  let dnsNotChecked = 0;
  for (const p of placements) {
    const standing = p.project.clientDomain?.standing;
    if (!standing) continue;
    standings[standing]++;
    if (!classOf.has(p.vendor.id)) honestStandings[standing]++;
    if (tm.truths.get(p.domain)?.dns.status === 'unreachable' || tm.truths.get(p.domain.split('@')[0])?.dns.status === 'unreachable') dnsNotChecked++;
  }
  return {
    adversaryShare,
    tauAll: round4(kendallTauB(score(market.vendors), market.vendors.map((v) => v.quality))),
    tauHonest: round4(kendallTauB(score(honest), honest.map((v) => v.quality))),
    honestFlaggedShare: round4(share(honest, hasCheatFlag, byId)),
    honestFlaggedShareWithoutProjectDates: round4(share(honest, hasCheatFlag, undatedById)),
    honestBurstFlaggedShare: round4(share(honest, hasBurstFlag, byId)),
    honestBurstFlaggedShareWithoutProjectDates: round4(share(honest, hasBurstFlag, undatedById)),
    classes,
    market: {
      vendors: market.vendors.length,
      honestVendors: honest.length,
      clientOrganizations: IDENTITY_RULES.clientOrganizations,
      caseStudies: placements.length,
      standings,
      honestStandings,
      dnsNotChecked,
    },
  };
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
