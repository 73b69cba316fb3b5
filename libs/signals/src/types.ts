// Input and output shapes of the signals library. The server builds a
// `VendorEvidence` from the database; the simulation builds the same records.
// Everything is plain data so it can be serialised, replayed and property-tested.

/** A point in time: a `Date` or an ISO 8601 string (parsed with `Date.parse`). */
export type Instant = Date | string;

export type CaseStudyStatus =
  | 'submitted'
  | 'in_verification'
  | 'verified'
  | 'partially_verified'
  | 'unverified'
  | 'disputed'
  | 'withdrawn';

export type ProductionStatus = 'poc_only' | 'in_production' | 'retired';

export type MetricDirection = 'higher_is_better' | 'lower_is_better';

export type OutcomeVerificationStatus = 'verified' | 'partially_verified' | 'refuted' | 'unverifiable' | 'pending';

/** One claimed outcome of a case study and, once reviewed, what the reviewer verified. */
export interface OutcomeEvidence {
  id: string;
  /** Metric name, used only to phrase explanations. */
  metric?: string;
  direction: MetricDirection;
  baseline: number;
  claimed: number;
  /** The value the reviewer could verify; null when nothing could be measured. */
  verifiedValue: number | null;
  verificationStatus: OutcomeVerificationStatus;
  /** When the outcome was measured (a project fact); the evidence date of the verdict on it. */
  measuredAt?: Instant;
  /** When the verdict was recorded (the platform's clock); used only when no project date is known. */
  verifiedAt?: Instant;
  /** The reviewer who recorded the verdict; reliability comes from `VendorEvidence.reviewers`. */
  reviewerId?: string;
}

/** Who answered a production follow-up check. */
export type FollowUpSource = 'client' | 'reviewer' | 'vendor';

/** A scheduled +6 or +12-month check: is the system still in production? */
export interface FollowUpEvidence {
  id: string;
  monthsAfter: 6 | 12;
  /** The check's due date (go-live + 6 or 12 months): the date its answer speaks for. */
  askedAt: Instant;
  answeredAt?: Instant;
  stillInProduction?: boolean;
  source: FollowUpSource;
}

/** How well the case study's client domain is proven (see @assay/domain's assessClientDomain). */
export type ClientDomainStanding = 'confirmed' | 'corroborated' | 'unconfirmed' | 'suspect';

/** A buyer organisation's answer about a case study that names it as the client. */
export type ClientOrganizationAnswer = 'worked_with' | 'did_not_work_with' | 'outcome_wrong';

export interface CaseStudyEvidence {
  id: string;
  /** Title, used only to phrase explanations. */
  title?: string;
  /** When the case study was submitted (the platform's clock). Evidence dates fall back to it. */
  submittedAt: Instant;
  /** The project's own dates as stated on the case study: the evidence date is its end (or start). */
  startedOn?: Instant;
  endedOn?: Instant;
  status: CaseStudyStatus;
  productionStatus: ProductionStatus;
  goLiveAt?: Instant;
  retiredAt?: Instant;
  /** A verdict on this case study is under dispute by the vendor. */
  disputed: boolean;
  /** The reviewer's handover rating, 1 (thrown over the wall) … 5 (client team owns it). */
  handoverByReviewer?: number;
  handoverReviewerId?: string;
  outcomes: readonly OutcomeEvidence[];
  followUps: readonly FollowUpEvidence[];
  /** The client domain and its standing; absent for evidence recorded before standings existed (no weight change). */
  clientDomain?: { domain: string; standing: ClientDomainStanding; reason: string };
  /** The answer of the buyer organisation that proved the client domain, if it gave one. */
  clientOrganizationAnswer?: { id: string; answer: ClientOrganizationAnswer; answeredAt: Instant };
}

/** `drawn`: the platform picked the contact from the vendor's client roster; `nominated`: the vendor chose. */
export type ReferenceSource = 'drawn' | 'nominated';

/** How sure we are the contact is who they say (client domain match, free-mail, vendor's own domain). */
export type IdentityStrength = 'strong' | 'weak' | 'unknown' | 'self';

export type ReferenceStatus = 'pending' | 'answered' | 'declined' | 'expired';

export type OutcomeAnswer = 'yes' | 'partly' | 'no' | 'cant_say';

/** A client reference request and, when answered, the structured answers. */
export interface ReferenceEvidence {
  id: string;
  caseStudyId: string;
  source: ReferenceSource;
  identityStrength: IdentityStrength;
  /** Hash of the normalised contact address; the same person has the same hash across vendors. */
  contactHash: string;
  requestedAt: Instant;
  status: ReferenceStatus;
  answeredAt?: Instant;
  wouldHireAgain?: boolean;
  /** 1 … 5 */
  handover?: number;
  onTime?: number;
  onBudget?: number;
  communication?: number;
  inProductionNow?: boolean;
  outcomeAnswers?: ReadonlyArray<{ outcomeId: string; achieved: OutcomeAnswer }>;
}

/** What the platform knows about a reviewer who judged this vendor's evidence. */
export interface ReviewerRecord {
  id: string;
  /** Spot checks (independent re-reviews of this reviewer's verdicts) that agreed / in total. */
  spotChecksAgreed: number;
  spotChecksTotal: number;
  /** Declared or detected affiliation with this vendor. */
  affiliatedWithVendor?: boolean;
  /** All verdicts by this reviewer, and those on this vendor (for over-concentration). */
  verdictsTotal?: number;
  verdictsForVendor?: number;
}

/** Everything the signals of one vendor are computed from. Nothing else about the vendor is read. */
export interface VendorEvidence {
  vendorId: string;
  /** The moment the signals are computed for; passed in, never read from a clock. */
  now: Instant;
  caseStudies: readonly CaseStudyEvidence[];
  references: readonly ReferenceEvidence[];
  reviewers: readonly ReviewerRecord[];
  /** Per contact hash: how many other vendors used the same reference contact. */
  otherVendorsByContact?: Readonly<Record<string, number>>;
}

/** Market-wide inputs that are data, not constants (the server refreshes them). */
export interface MarketContext {
  /** Median verified ÷ claimed improvement across the market; claim accuracy shrinks toward it. */
  claimAccuracyMedian: number;
}

export const SIGNAL_KEYS = [
  'verifiedDelivery',
  'claimAccuracy',
  'productionDurability',
  'clientEndorsement',
  'handover',
  'evidenceDepth',
  'referenceResponseRate',
  'assay',
] as const;
export type SignalKey = (typeof SIGNAL_KEYS)[number];

/** The signals that enter the Assay score (each on a 0..1 scale). */
export const SCORED_SIGNAL_KEYS = [
  'verifiedDelivery',
  'claimAccuracy',
  'productionDurability',
  'clientEndorsement',
  'handover',
] as const;
export type ScoredSignalKey = (typeof SCORED_SIGNAL_KEYS)[number];

/**
 * A posterior point estimate with its credible interval. Every signal is on a 0..1 scale
 * except evidence depth, which counts effective independent sources (0..∞, no interval).
 */
export interface SignalEstimate {
  mean: number;
  lower: number;
  upper: number;
  /** Evidence items that entered the estimate (including ones given zero weight). */
  evidenceCount: number;
  /** Sum of evidence weights: how many fully trusted, fresh observations the evidence is worth. */
  effectiveN: number;
}

export type FlagSeverity = 'info' | 'warning' | 'serious';

export type FlagKind =
  | 'self_reference'
  | 'free_mail_reference'
  | 'shared_reference_contact'
  | 'reviewer_affiliation'
  | 'reviewer_concentration'
  | 'reference_burst'
  | 'submission_burst'
  | 'verdict_disputed'
  | 'low_reference_response_rate'
  | 'no_recent_verification'
  | 'client_domain_suspect'
  | 'declining_recent_evidence'
  | 'reviewer_vendor_anomaly'
  | 'roster_cherry_picking'
  | 'single_champion';

export interface IntegrityFlag {
  kind: FlagKind;
  severity: FlagSeverity;
  /** One sentence for buyers (and the vendor). */
  sentence: string;
  /** What the flag does to the weights, stated plainly. */
  effect: string;
  /** Evidence (references, case studies, reviewers) the flag is about. */
  evidenceIds: string[];
}

export type EvidenceKind = 'outcome' | 'reference' | 'follow_up' | 'case_study' | 'reviewer_rating' | 'client_organization';

/** One multiplicative factor of an evidence weight, e.g. `recency` 0.71. */
export interface WeightFactor {
  factor:
    | 'recency'
    | 'reviewer_reliability'
    | 'reviewer_affiliation'
    | 'reviewer_concentration'
    | 'unverifiable'
    | 'identity'
    | 'source'
    | 'shared_contact'
    | 'repeated_contact'
    | 'burst'
    | 'unreviewed'
    | 'follow_up_source'
    | 'client_domain'
    | 'client_organization'
    | 'declining_trend'
    | 'reviewer_vendor_anomaly'
    | 'roster_cherry_picking';
  value: number;
}

/** Why a signal is what it is: one evidence item, its weight and how much it moved the estimate. */
export interface ExplanationItem {
  evidenceId: string;
  caseStudyId?: string;
  kind: EvidenceKind;
  weight: number;
  factors: WeightFactor[];
  /** Change of the signal's mean caused by this item (mean with it − mean without it). */
  effect: number;
  sentence: string;
}

/** One window of a vendor's evidence trend: the outcomes measured in it, as verified shares of the claims. */
export interface TrendWindowSummary {
  /** Mean share of the claimed improvement that reviewers verified (0..1), each outcome weighted by its reviewer; null when no measured outcome carries weight. */
  mean: number | null;
  /** 90% interval of that mean (normal approximation, spread pooled over both windows and floored); null with the mean. */
  lower: number | null;
  upper: number | null;
  /** Measured outcomes in the window and the case studies they belong to. */
  outcomes: number;
  caseStudies: number;
  /** Effective number of outcomes after reviewer weights (Kish). */
  effectiveN: number;
}

/** A vendor's recent evidence against its earlier evidence (`declining_recent_evidence`); numbers only. */
export interface EvidenceTrendSummary {
  /** Length of the recent window. */
  windowDays: number;
  /** ISO timestamp where the recent window starts (by the outcomes' own dates). */
  since: string;
  recent: TrendWindowSummary;
  earlier: TrendWindowSummary;
  /** Both windows hold enough outcomes from enough case studies to be compared. */
  comparable: boolean;
  /** (earlier − recent) ÷ its standard error; 0 unless comparable. */
  z: number;
  /** The recent window departs from the earlier one, either way, by the flag's thresholds. */
  departs: boolean;
  /** It departs downwards: the `declining_recent_evidence` flag is raised and the earlier outcomes weigh less. */
  declining: boolean;
}

export interface VendorSignals {
  vendorId: string;
  /** ISO timestamp of `now`. */
  computedAt: string;
  configVersion: string;
  verifiedDelivery: SignalEstimate;
  claimAccuracy: SignalEstimate;
  productionDurability: SignalEstimate;
  clientEndorsement: SignalEstimate;
  handover: SignalEstimate;
  evidenceDepth: SignalEstimate;
  referenceResponseRate: SignalEstimate;
  assay: SignalEstimate;
  flags: IntegrityFlag[];
  /** Recent against earlier evidence (stored beside the signals document, not in it: only the vendor page reads it). */
  trend: EvidenceTrendSummary;
  explanations: Record<SignalKey, ExplanationItem[]>;
  /** Order among exact ties: a hash of the evidence record ids (never the vendor's name or age). */
  tieBreakKey: string;
}

export type RankSort = 'assay_lower' | 'assay_mean' | 'evidence_depth';

export interface RankedVendor {
  vendorId: string;
  /** 1-based; exact ties share a rank. */
  rank: number;
  sortValue: number;
  signals: VendorSignals;
}
