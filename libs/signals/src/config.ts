// Every constant of the methodology lives here, once. The methodology page and
// docs/methodology.md are generated from this object and SIGNAL_CONFIG_DOCS, so
// the published numbers are the numbers the code uses.
import type { ClientDomainStanding, IdentityStrength, MarketContext, ReferenceSource, ScoredSignalKey } from './types';

/** Shape of the signals configuration (all numbers; see SIGNAL_CONFIG_DOCS for meanings). */
export interface SignalConfig {
  version: string;
  /** Probability mass of every credible interval. */
  credibleMass: number;
  recency: { halfLifeDays: number };
  /** "We don't know yet": Beta(alpha, beta) before any evidence, shared by the Beta signals. */
  prior: { alpha: number; beta: number };
  reviewer: {
    priorAgreements: number;
    priorDisagreements: number;
    affiliatedWeight: number;
    concentrationShare: number;
    concentrationMinVerdicts: number;
    concentratedWeight: number;
    anomalyMinOutcomes: number;
    anomalyMinOther: number;
    anomalyMinGap: number;
    anomalyMinZ: number;
    anomalyWeight: number;
  };
  delivery: { unverifiableWeight: number; partialCreditWithoutValue: number };
  claimAccuracy: { priorStrength: number; defaultMarketMedian: number };
  durability: {
    pocCensorDays: number;
    unreviewedStatusWeight: number;
    followUpSourceWeight: Record<'client' | 'reviewer' | 'vendor', number>;
  };
  references: {
    identityWeight: Record<IdentityStrength, number>;
    sourceWeight: Record<ReferenceSource, number>;
    clientDomainWeight: Record<ClientDomainStanding, number>;
    burstWindowDays: number;
    burstMinCount: number;
    burstWeight: number;
    cherryPickingMinPerSide: number;
    cherryPickingMinGap: number;
    cherryPickingMinZ: number;
    cherryPickingNominatedWeight: number;
  };
  clientOrganization: { answerWeight: number };
  trend: {
    recentWindowDays: number;
    minOutcomesPerWindow: number;
    minCaseStudiesPerWindow: number;
    minDrop: number;
    minZ: number;
    varianceFloor: number;
    earlierWeight: number;
  };
  assayWeights: Record<ScoredSignalKey, number>;
  flags: {
    selfReferenceSeriousCount: number;
    sharedContactSeriousCount: number;
    submissionBurstWindowDays: number;
    submissionBurstMinCount: number;
    lowResponseRateMinResolved: number;
    lowResponseRateUpper: number;
    staleVerificationDays: number;
    singleChampionMinCaseStudies: number;
    singleChampionMinShare: number;
  };
}

/** The configuration Assay publishes and uses. */
export const DEFAULT_SIGNAL_CONFIG: SignalConfig = {
  version: '2025.2',
  credibleMass: 0.9,
  recency: { halfLifeDays: 730 },
  prior: { alpha: 1, beta: 1 },
  reviewer: {
    priorAgreements: 8,
    priorDisagreements: 2,
    affiliatedWeight: 0,
    concentrationShare: 0.25,
    concentrationMinVerdicts: 8,
    concentratedWeight: 0.5,
    anomalyMinOutcomes: 2,
    anomalyMinOther: 3,
    anomalyMinGap: 0.4,
    anomalyMinZ: 2.33,
    anomalyWeight: 0.25,
  },
  delivery: { unverifiableWeight: 0.5, partialCreditWithoutValue: 0.5 },
  claimAccuracy: { priorStrength: 3, defaultMarketMedian: 0.8 },
  durability: {
    pocCensorDays: 182,
    unreviewedStatusWeight: 0.5,
    followUpSourceWeight: { client: 1, reviewer: 1, vendor: 0.25 },
  },
  references: {
    identityWeight: { strong: 1, unknown: 0.5, weak: 0.25, self: 0 },
    sourceWeight: { drawn: 1, nominated: 0.25 },
    clientDomainWeight: { confirmed: 1, corroborated: 0.8, unconfirmed: 0.5, suspect: 0 },
    burstWindowDays: 7,
    burstMinCount: 5,
    burstWeight: 0.5,
    cherryPickingMinPerSide: 3,
    cherryPickingMinGap: 0.4,
    cherryPickingMinZ: 2.33,
    cherryPickingNominatedWeight: 0.25,
  },
  clientOrganization: { answerWeight: 1 },
  trend: {
    recentWindowDays: 548,
    minOutcomesPerWindow: 3,
    minCaseStudiesPerWindow: 2,
    minDrop: 0.2,
    minZ: 2.33,
    varianceFloor: 0.02,
    earlierWeight: 0.5,
  },
  assayWeights: {
    verifiedDelivery: 0.3,
    claimAccuracy: 0.15,
    productionDurability: 0.2,
    clientEndorsement: 0.2,
    handover: 0.15,
  },
  flags: {
    selfReferenceSeriousCount: 3,
    sharedContactSeriousCount: 3,
    submissionBurstWindowDays: 7,
    submissionBurstMinCount: 6,
    lowResponseRateMinResolved: 5,
    lowResponseRateUpper: 0.5,
    staleVerificationDays: 730,
    singleChampionMinCaseStudies: 3,
    singleChampionMinShare: 0.5,
  },
};

/** Market context used until the server supplies the live market median. */
export const DEFAULT_MARKET_CONTEXT: MarketContext = {
  claimAccuracyMedian: DEFAULT_SIGNAL_CONFIG.claimAccuracy.defaultMarketMedian,
};

type Leaf = number | string;
/** Dotted paths of every leaf of a configuration object, e.g. `recency.halfLifeDays`. */
export type ConfigPath<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends Leaf ? `${P}${K}` : ConfigPath<T[K], `${P}${K}.`>;
}[keyof T & string];

/** The meaning of every constant, in plain language (typed so that none can be left out). */
export const SIGNAL_CONFIG_DOCS: Record<ConfigPath<SignalConfig>, string> = {
  version: 'Version of the methodology; stored with every materialised signal.',
  credibleMass: 'Probability mass of every credible interval: given the evidence, the true value lies inside the interval with this probability.',
  'recency.halfLifeDays': 'Evidence loses half its weight every this many days: a verdict this old counts half as much as one from today.',
  'prior.alpha':
    'Prior pseudo-successes of every Beta signal. With prior.beta = 1 this is the uniform prior: before evidence, every value from 0 to 1 is equally plausible.',
  'prior.beta': 'Prior pseudo-failures of every Beta signal (see prior.alpha).',
  'reviewer.priorAgreements': 'A new reviewer is treated as if they had passed this many spot checks ...',
  'reviewer.priorDisagreements': '... and failed this many; real spot checks soon outweigh this prior.',
  'reviewer.affiliatedWeight':
    'Weight multiplier for a verdict by a reviewer with a declared or detected affiliation with the vendor (0: ignored).',
  'reviewer.concentrationShare':
    'A reviewer is over-concentrated on a vendor when more than this share of all their verdicts are on that vendor ...',
  'reviewer.concentrationMinVerdicts': '... provided they have at least this many verdicts in total.',
  'reviewer.concentratedWeight': 'Weight multiplier for verdicts by an over-concentrated reviewer.',
  'reviewer.anomalyMinOutcomes': 'A reviewer’s verdicts on one vendor are compared with the other evidence on it when they judged at least this many of its outcomes ...',
  'reviewer.anomalyMinOther': '... and there are at least this many other measurements (reference answers on the same outcomes, other reviewers’ verdicts on the vendor).',
  'reviewer.anomalyMinGap': 'The reviewer’s verdicts are anomalous when they found on average at least this much more of the claimed improvement delivered than the other evidence ...',
  'reviewer.anomalyMinZ': '... and the gap is at least this many standard errors (pooled spread, floored like the trend’s).',
  'reviewer.anomalyWeight': 'Weight multiplier for an anomalous reviewer’s verdicts on that vendor (reviewer_vendor_anomaly); their weight elsewhere is untouched.',
  'delivery.unverifiableWeight':
    'An outcome the reviewer could not verify counts as not delivered, at this fraction of a normal verdict’s weight (absence of evidence is weaker than a refutation).',
  'delivery.partialCreditWithoutValue':
    'Credit for a partially verified outcome when the reviewer recorded no verified value.',
  'claimAccuracy.priorStrength':
    'Claim accuracy is shrunk toward the market median as if the market contributed this many outcomes.',
  'claimAccuracy.defaultMarketMedian':
    'Market median of verified ÷ claimed improvement used until the platform has enough verdicts to compute it.',
  'durability.pocCensorDays':
    'A proof of concept younger than this may still go to production; it is treated as censored, not as a failure.',
  'durability.unreviewedStatusWeight':
    'Weight of a production status the vendor reported but no reviewer has checked yet.',
  'durability.followUpSourceWeight.client': 'Weight of a production follow-up answered by the client.',
  'durability.followUpSourceWeight.reviewer': 'Weight of a production follow-up answered by a reviewer.',
  'durability.followUpSourceWeight.vendor': 'Weight of a production follow-up answered by the vendor itself.',
  'references.identityWeight.strong': 'Weight of a reference whose e-mail domain matches the client organisation.',
  'references.identityWeight.unknown': 'Weight of a reference whose domain could not be matched either way.',
  'references.identityWeight.weak': 'Weight of a reference from a free-mail address.',
  'references.identityWeight.self':
    'Weight of a reference on the vendor’s own domain: zero — a vendor cannot vouch for itself.',
  'references.sourceWeight.drawn': 'Weight of a reference the platform drew at random from the vendor’s client roster.',
  'references.sourceWeight.nominated':
    'Weight of a reference the vendor chose: a vendor picks its happiest clients, so a nominated answer says less about a typical client.',
  'references.clientDomainWeight.confirmed':
    'Weight multiplier for a reference on the client’s domain when the client organisation proved the domain on Assay and confirmed the case study (or answered from an account).',
  'references.clientDomainWeight.corroborated':
    'Weight multiplier when independent evidence shows the client domain is a real, separate organisation (named by independent vendors, or registered more than a year before the project).',
  'references.clientDomainWeight.unconfirmed':
    'Weight multiplier when the client domain has been seen only with this vendor and nothing speaks for or against it (also when DNS could not be checked).',
  'references.clientDomainWeight.suspect':
    'Weight multiplier when the vendor appears to control the client domain or it imitates a domain Assay knows: zero, such references carry no endorsement weight.',
  'clientOrganization.answerWeight':
    'Weight of a buyer organisation’s own answer about a case study that names it (it proved its domain, so this is the strongest identity there is).',
  'references.burstWindowDays': 'Window for detecting a burst of nominated reference answers ...',
  'references.burstMinCount': '... at least this many nominated answers inside one window is a burst.',
  'references.burstWeight': 'Weight multiplier for nominated answers that arrived in a burst.',
  'references.cherryPickingMinPerSide':
    'Roster cherry-picking: the share of reference requests that brought a favourable answer (answered, would hire again) is compared between contacts Assay drew from the roster and contacts the vendor nominated, each contact once (its latest resolved request), when each side has at least this many resolved contacts ...',
  'references.cherryPickingMinGap': '... and the flag is raised when the nominated share is at least this much higher than the drawn share ...',
  'references.cherryPickingMinZ':
    '... and the gap is at least this many standard errors (two-proportion test, pooled; 2.33: about a 1 % chance for a vendor whose drawn and nominated clients answer alike; with 3 contacts a side only 0 of 3 against 3 of 3 reaches it).',
  'references.cherryPickingNominatedWeight':
    'While roster cherry-picking is flagged, every nominated answer weighs × this on top of its source weight: a vendor whose chosen clients answer far better than its typical ones has shown that its choices say little about a typical client.',
  'trend.recentWindowDays':
    'Declining recent evidence: outcomes measured (by the project’s own dates) within this many days of now form the recent window, older ones the earlier window ...',
  'trend.minOutcomesPerWindow': '... each window needs at least this many measured outcomes ...',
  'trend.minCaseStudiesPerWindow': '... from at least this many case studies ...',
  'trend.minDrop':
    '... and the flag is raised when the recent window’s mean verified ÷ claimed improvement is at least this much below the earlier window’s ...',
  'trend.minZ':
    '... and the drop is at least this many standard errors (pooled spread of the shares within the windows, over the effective number of outcomes in each), so a few unlucky projects do not raise it (2.33: about a 1 % chance for a vendor whose quality did not change).',
  'trend.varianceFloor': 'Smallest spread of the shares assumed within a window (a variance), so that a handful of identical shares cannot look certain.',
  'trend.earlierWeight':
    'When the flag is raised, verdicts on outcomes from the earlier window weigh × this in verified delivery and claim accuracy: the recent window weighs more.',
  'assayWeights.verifiedDelivery': 'Share of the Assay score given to verified delivery.',
  'assayWeights.claimAccuracy': 'Share of the Assay score given to claim accuracy.',
  'assayWeights.productionDurability': 'Share of the Assay score given to production durability.',
  'assayWeights.clientEndorsement': 'Share of the Assay score given to client endorsement.',
  'assayWeights.handover': 'Share of the Assay score given to handover.',
  'flags.selfReferenceSeriousCount': 'Self-reference attempts from this count on are a serious flag.',
  'flags.sharedContactSeriousCount': 'Contacts shared with other vendors from this count on are a serious flag.',
  'flags.submissionBurstWindowDays': 'Window for detecting a burst of case-study submissions ...',
  'flags.submissionBurstMinCount': '... at least this many submissions inside one window is a burst.',
  'flags.lowResponseRateMinResolved':
    'The low-response flag needs at least this many drawn reference requests that were answered, declined or expired ...',
  'flags.lowResponseRateUpper':
    '... and is raised when even the optimistic end of the response-rate interval is below this rate.',
  'flags.staleVerificationDays': 'No outcome verified for this many days raises the "no recent verification" flag.',
  'flags.singleChampionMinCaseStudies':
    'Single champion: one reference contact (the same normalised address) answered for at least this many of the vendor’s case studies ...',
  'flags.singleChampionMinShare':
    '... and their answers are at least this share of all the vendor’s answered references (not the vendor’s own). Their answers already count as one together (each weighs ÷ the number of their answers).',
};

/** Reads a constant by its dotted path (used by the methodology page). */
export function configValue(config: SignalConfig, path: ConfigPath<SignalConfig>): number | string {
  let node: unknown = config;
  for (const key of path.split('.')) {
    node = (node as Record<string, unknown>)[key];
  }
  if (typeof node !== 'number' && typeof node !== 'string') throw new Error(`Not a constant: ${path}`);
  return node;
}
