// Integrity flags: pure detectors over one vendor's evidence. Each flag carries a
// severity, a sentence for buyers and the effect it has on weights. The effects
// themselves are applied where the weights are computed (prepare.ts); the texts
// here and on the methodology page come from the same definitions.
import type { SignalConfig } from './config';
import { DEFAULT_SIGNAL_CONFIG } from './config';
import { burstMembers, DAY_MS, isConcentrated, prepareEvidence, type PreparedEvidence } from './prepare';
import { referenceResponseRateSignal } from './signals/references';
import { pct } from './stats';
import type { FlagKind, FlagSeverity, IntegrityFlag, SignalEstimate, VendorEvidence } from './types';

/** How a flag is described on the methodology page. */
export interface FlagDefinition {
  kind: FlagKind;
  title: string;
  trigger: string;
  severity: string;
  effect: string;
  exampleSentence: string;
}

/** The definition of every integrity flag, with the constants of `config` filled in. */
export function flagDefinitions(config: SignalConfig = DEFAULT_SIGNAL_CONFIG): FlagDefinition[] {
  const { flags, references, reviewer } = config;
  return [
    {
      kind: 'self_reference',
      title: 'Self-reference attempt',
      trigger: 'A reference whose contact is on the vendor’s own domain.',
      severity: `warning; serious from ${flags.selfReferenceSeriousCount} attempts`,
      effect: 'Self-references carry zero weight in every signal; nothing else changes.',
      exampleSentence: '2 references came from the vendor’s own domain; they were given no weight.',
    },
    {
      kind: 'free_mail_reference',
      title: 'Free-mail reference',
      trigger: 'A reference answered from a free-mail address, so we cannot tie the contact to the client organisation.',
      severity: 'info',
      effect: `Such answers weigh × ${config.references.identityWeight.weak} (identity weight); nothing else changes.`,
      exampleSentence: '2 references answered from free-mail addresses; they count for less.',
    },
    {
      kind: 'shared_reference_contact',
      title: 'Reference contact shared with other vendors',
      trigger: 'A reference contact (same normalised address) also vouched for other vendors.',
      severity: `warning; serious from ${flags.sharedContactSeriousCount} shared contacts`,
      effect: 'The answer’s weight is divided by 1 + the number of other vendors the contact vouched for.',
      exampleSentence: '1 reference contact also vouched for other vendors; those answers count for less.',
    },
    {
      kind: 'reviewer_affiliation',
      title: 'Affiliated reviewer',
      trigger: 'A reviewer with a declared or detected affiliation with the vendor judged its evidence.',
      severity: 'warning',
      effect: `That reviewer’s verdicts and ratings on this vendor are multiplied by ${reviewer.affiliatedWeight} (ignored).`,
      exampleSentence: 'A reviewer affiliated with this vendor judged 3 of its outcomes; those verdicts were set aside.',
    },
    {
      kind: 'reviewer_concentration',
      title: 'Reviewer over-concentrated on this vendor',
      trigger: `More than ${pct(reviewer.concentrationShare)} of a reviewer’s verdicts (with at least ${reviewer.concentrationMinVerdicts} in total) are on this vendor.`,
      severity: 'warning',
      effect: `That reviewer’s verdicts on this vendor weigh × ${reviewer.concentratedWeight}.`,
      exampleSentence: 'One reviewer does an unusually large share of their work on this vendor; their verdicts count for less.',
    },
    {
      kind: 'reviewer_vendor_anomaly',
      title: 'A reviewer far more favourable than the other evidence',
      trigger: `A reviewer judged at least ${reviewer.anomalyMinOutcomes} of this vendor’s outcomes and found on average at least ${Math.round(reviewer.anomalyMinGap * 100)} points more of the claimed improvement delivered than the other evidence on the vendor (references’ answers on the same outcomes, other reviewers’ verdicts; at least ${reviewer.anomalyMinOther} of them), a gap of at least ${reviewer.anomalyMinZ} standard errors.`,
      severity: 'warning',
      effect: `That reviewer’s verdicts on this vendor weigh × ${reviewer.anomalyWeight}; their weight on other vendors is unchanged.`,
      exampleSentence: 'One reviewer’s verdicts on this vendor found 100 % of the claimed gain delivered, against 35 % in the other evidence on it; their verdicts here count for less.',
    },
    {
      kind: 'roster_cherry_picking',
      title: 'Roster cherry-picking',
      trigger: `Of the clients Assay drew at random from the vendor’s roster, a far smaller share answered favourably (answered and would hire again; each contact counted once) than of the clients the vendor nominated: at least ${references.cherryPickingMinPerSide} resolved contacts on each side, a gap of at least ${Math.round(references.cherryPickingMinGap * 100)} points and at least ${references.cherryPickingMinZ} standard errors.`,
      severity: 'warning',
      effect: `While flagged, every nominated answer weighs × ${references.cherryPickingNominatedWeight} on top of its source weight (× ${references.sourceWeight.nominated}); drawn answers are unchanged.`,
      exampleSentence: 'Of 5 clients we drew at random from its roster, 1 answered favourably, against 6 of the 6 clients it nominated; its nominated references count for less.',
    },
    {
      kind: 'single_champion',
      title: 'A single champion answers for many projects',
      trigger: `One reference contact (the same normalised address) answered for at least ${flags.singleChampionMinCaseStudies} of the vendor’s case studies, and their answers are at least ${pct(flags.singleChampionMinShare)} of the vendor’s answered references.`,
      severity: 'warning',
      effect: 'The contact’s answers count as one answer together: each weighs ÷ the number of their answers (the rule for any contact who answers more than once); nothing else changes.',
      exampleSentence: 'One contact answered for 4 of its case studies (4 of its 5 answered references); their answers count as one.',
    },
    {
      kind: 'reference_burst',
      title: 'Burst of nominated reference answers',
      trigger: `At least ${references.burstMinCount} answers from vendor-nominated references within ${references.burstWindowDays} days.`,
      severity: 'warning',
      effect: `Nominated answers inside the burst weigh × ${references.burstWeight}.`,
      exampleSentence: '6 nominated references answered within a week; those answers count for less.',
    },
    {
      kind: 'submission_burst',
      title: 'Burst of projects dated the same week',
      trigger: `At least ${flags.submissionBurstMinCount} case studies whose projects ended (or started, when no end is stated) within ${flags.submissionBurstWindowDays} days of each other; a case study with no project date counts at its submission. A vendor submitting its history at once is not a burst.`,
      severity: 'info',
      effect: 'None: shown so buyers can see it.',
      exampleSentence: '8 case studies describe projects that ended within a week of each other.',
    },
    {
      kind: 'declining_recent_evidence',
      title: 'Declining recent evidence',
      trigger: `The outcomes of projects from the last ${Math.round(config.trend.recentWindowDays / 30.4375)} months (by the date each was measured, else the project’s end) verified on average at least ${Math.round(config.trend.minDrop * 100)} points less of the claimed improvement than the earlier ones, with at least ${config.trend.minOutcomesPerWindow} outcomes from ${config.trend.minCaseStudiesPerWindow} case studies on each side and a drop of at least ${config.trend.minZ} standard errors.`,
      severity: 'warning',
      effect: `Verdicts on the earlier outcomes weigh × ${config.trend.earlierWeight} in verified delivery and claim accuracy, so the recent window weighs more.`,
      exampleSentence: 'Its projects since January 2024 verified 40 % of the claimed gain, against 85 % before; its earlier results count for less.',
    },
    {
      kind: 'verdict_disputed',
      title: 'Verdict under dispute',
      trigger: 'The vendor disputes a reviewer’s verdict and the dispute is open.',
      severity: 'info',
      effect:
        'None while the dispute is open: the verdict keeps its full weight, so that disputing cannot hide an unfavourable verdict. The vendor’s reply is shown.',
      exampleSentence: 'The vendor disputes the verdict on 1 case study; the verdict stands until the dispute is resolved.',
    },
    {
      kind: 'low_reference_response_rate',
      title: 'Low reference response rate',
      trigger: `At least ${flags.lowResponseRateMinResolved} drawn reference requests were resolved and the upper end of the response-rate interval is below ${pct(flags.lowResponseRateUpper)}.`,
      severity: 'warning',
      effect: 'None on weights: the response rate is itself a published signal.',
      exampleSentence: 'Fewer than half of the clients we contacted at random answered a reference request.',
    },
    {
      kind: 'client_domain_suspect',
      title: 'Suspect client domain',
      trigger:
        'A case study’s client domain is suspect: the vendor appears to control it (shared name servers, mail servers or DNS contact), it imitates a domain Assay knows, it was registered after the project began, or the client organisation denied the case study.',
      severity: 'warning; serious from 2 case studies',
      effect: `References on a suspect client domain weigh × ${references.clientDomainWeight.suspect} (no endorsement weight); nothing else changes.`,
      exampleSentence:
        'The client domain fairway-telecom.example resembles fairwaytelecom.example, a domain another client uses; references from it were given no weight.',
    },
    {
      kind: 'no_recent_verification',
      title: 'No recent verification',
      trigger: `No outcome was measured by a reviewer in the last ${flags.staleVerificationDays} days.`,
      severity: 'info',
      effect: `None beyond recency: evidence already loses half its weight every ${config.recency.halfLifeDays} days.`,
      exampleSentence: `No outcome of this vendor has been verified in the last ${Math.round(flags.staleVerificationDays / 30.4375)} months.`,
    },
  ];
}

const definitionCache = new WeakMap<SignalConfig, FlagDefinition[]>();
function definition(config: SignalConfig, kind: FlagKind): FlagDefinition {
  let all = definitionCache.get(config);
  if (!all) {
    all = flagDefinitions(config);
    definitionCache.set(config, all);
  }
  const found = all.find((d) => d.kind === kind);
  if (!found) throw new Error(`Unknown flag ${kind}`);
  return found;
}

function flag(prep: PreparedEvidence, kind: FlagKind, severity: FlagSeverity, sentence: string, evidenceIds: string[]): IntegrityFlag {
  return { kind, severity, sentence, effect: definition(prep.config, kind).effect, evidenceIds: [...evidenceIds].sort() };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** References on the vendor's own domain. */
export function selfReferenceFlagOf(prep: PreparedEvidence): IntegrityFlag | null {
  const ids = prep.references.filter((r) => r.source.identityStrength === 'self').map((r) => r.source.id);
  if (ids.length === 0) return null;
  const severity = ids.length >= prep.config.flags.selfReferenceSeriousCount ? 'serious' : 'warning';
  const sentence = `${plural(ids.length, 'reference', 'references')} came from the vendor’s own domain; ${ids.length === 1 ? 'it was' : 'they were'} given no weight.`;
  return flag(prep, 'self_reference', severity, sentence, ids);
}

/** References answered from free-mail addresses. */
export function freeMailFlagOf(prep: PreparedEvidence): IntegrityFlag | null {
  const ids = prep.references.filter((r) => r.source.identityStrength === 'weak').map((r) => r.source.id);
  if (ids.length === 0) return null;
  const sentence = `${plural(ids.length, 'reference', 'references')} answered from ${ids.length === 1 ? 'a free-mail address; it counts' : 'free-mail addresses; they count'} for less.`;
  return flag(prep, 'free_mail_reference', 'info', sentence, ids);
}

/** Reference contacts that also vouched for other vendors. */
export function sharedContactFlagOf(prep: PreparedEvidence): IntegrityFlag | null {
  const ids: string[] = [];
  const contacts = new Set<string>();
  for (const r of prep.references) {
    if (r.source.identityStrength === 'self') continue;
    if ((prep.otherVendorsByContact[r.source.contactHash] ?? 0) > 0) {
      ids.push(r.source.id);
      contacts.add(r.source.contactHash);
    }
  }
  if (ids.length === 0) return null;
  const severity = contacts.size >= prep.config.flags.sharedContactSeriousCount ? 'serious' : 'warning';
  const sentence = `${plural(contacts.size, 'reference contact', 'reference contacts')} also vouched for other vendors; those answers count for less.`;
  return flag(prep, 'shared_reference_contact', severity, sentence, ids);
}

function verdictsByReviewer(prep: PreparedEvidence): Map<string, string[]> {
  const byReviewer = new Map<string, string[]>();
  const add = (reviewerId: string | undefined, evidenceId: string): void => {
    if (reviewerId === undefined) return;
    const list = byReviewer.get(reviewerId) ?? [];
    list.push(evidenceId);
    byReviewer.set(reviewerId, list);
  };
  for (const cs of prep.caseStudies) {
    for (const o of cs.outcomes) if (o.source.verificationStatus !== 'pending') add(o.source.reviewerId, o.source.id);
    if (cs.source.handoverByReviewer !== undefined) add(cs.source.handoverReviewerId, `${cs.source.id}#handover`);
  }
  return byReviewer;
}

/** Reviewers affiliated with the vendor who judged its evidence. */
export function reviewerAffiliationFlagOf(prep: PreparedEvidence): IntegrityFlag | null {
  const ids: string[] = [];
  for (const [reviewerId, evidenceIds] of verdictsByReviewer(prep)) {
    if (prep.reviewers.get(reviewerId)?.affiliatedWithVendor) ids.push(...evidenceIds);
  }
  if (ids.length === 0) return null;
  const sentence = `A reviewer affiliated with this vendor judged ${plural(ids.length, 'item', 'items')} of its evidence; those verdicts were set aside.`;
  return flag(prep, 'reviewer_affiliation', 'warning', sentence, ids);
}

/** Reviewers doing an outsized share of their work on this vendor. */
export function reviewerConcentrationFlagOf(prep: PreparedEvidence): IntegrityFlag | null {
  const ids: string[] = [];
  let reviewers = 0;
  for (const [reviewerId, evidenceIds] of verdictsByReviewer(prep)) {
    if (!isConcentrated(prep.reviewers.get(reviewerId), prep.config)) continue;
    reviewers++;
    ids.push(...evidenceIds);
  }
  if (ids.length === 0) return null;
  const sentence = `${plural(reviewers, 'reviewer does', 'reviewers do')} an unusually large share of their work on this vendor; their verdicts count for less.`;
  return flag(prep, 'reviewer_concentration', 'warning', sentence, ids);
}

/** Reviewers whose verdicts on this vendor are far more favourable than the other evidence on it. */
export function reviewerVendorAnomalyFlagOf(prep: PreparedEvidence): IntegrityFlag | null {
  const anomalies = [...prep.anomalies.values()];
  if (anomalies.length === 0) return null;
  const [first] = anomalies;
  const who = anomalies.length === 1 ? 'One reviewer’s verdicts' : `${anomalies.length} reviewers’ verdicts`;
  const sentence = `${who} on this vendor found ${pct(first.reviewerMean)} of the claimed gain delivered, against ${pct(first.otherMean)} in the other evidence on it; their verdicts here count for less.`;
  return flag(prep, 'reviewer_vendor_anomaly', 'warning', sentence, anomalies.flatMap((a) => a.outcomeIds));
}

/** The vendor's nominated clients answer far more favourably than the clients drawn from its roster. */
export function rosterCherryPickingFlagOf(prep: PreparedEvidence): IntegrityFlag | null {
  const { roster } = prep;
  if (!roster.cherryPicking) return null;
  const { drawn, nominated } = roster;
  const sentence = `Of ${plural(drawn.contacts, 'client', 'clients')} we drew at random from its roster, ${drawn.favourable} answered favourably, against ${nominated.favourable} of the ${plural(nominated.contacts, 'client', 'clients')} it nominated; its nominated references count for less.`;
  return flag(prep, 'roster_cherry_picking', 'warning', sentence, [...drawn.referenceIds, ...nominated.referenceIds]);
}

/** One contact answers for many of the vendor's case studies. */
export function singleChampionFlagOf(prep: PreparedEvidence): IntegrityFlag | null {
  const { singleChampionMinCaseStudies, singleChampionMinShare } = prep.config.flags;
  const byContact = new Map<string, { ids: string[]; caseStudies: Set<string> }>();
  let answered = 0;
  for (const r of prep.references) {
    if (r.source.identityStrength === 'self' || r.source.status !== 'answered') continue;
    answered++;
    const entry = byContact.get(r.source.contactHash) ?? { ids: [], caseStudies: new Set<string>() };
    entry.ids.push(r.source.id);
    entry.caseStudies.add(r.source.caseStudyId);
    byContact.set(r.source.contactHash, entry);
  }
  const champions = [...byContact.values()]
    .filter((c) => c.caseStudies.size >= singleChampionMinCaseStudies && c.ids.length / answered >= singleChampionMinShare)
    .sort((a, b) => b.ids.length - a.ids.length);
  if (champions.length === 0) return null;
  const [first] = champions;
  const sentence = `One contact answered for ${first.caseStudies.size} of its case studies (${first.ids.length} of its ${answered} answered references); their answers count as one.`;
  return flag(prep, 'single_champion', 'warning', sentence, champions.flatMap((c) => c.ids));
}

/** Nominated reference answers arriving in a burst. */
export function referenceBurstFlagOf(prep: PreparedEvidence): IntegrityFlag | null {
  const ids = [...prep.burstReferenceIds];
  if (ids.length === 0) return null;
  const sentence = `${ids.length} nominated references answered within ${prep.config.references.burstWindowDays} days of each other; those answers count for less.`;
  return flag(prep, 'reference_burst', 'warning', sentence, ids);
}

/** Many case studies submitted at once. */
export function submissionBurstFlagOf(prep: PreparedEvidence): IntegrityFlag | null {
  const { submissionBurstWindowDays, submissionBurstMinCount } = prep.config.flags;
  const ids = burstMembers(
    prep.caseStudies.map((c) => ({ id: c.source.id, ms: c.projectMs ?? c.submittedMs })),
    submissionBurstWindowDays * DAY_MS,
    submissionBurstMinCount,
  );
  if (ids.length === 0) return null;
  const dated = ids.every((id) => prep.caseStudyById.get(id)?.projectMs !== undefined);
  const sentence = dated
    ? `${ids.length} case studies describe projects that ended within ${submissionBurstWindowDays} days of each other.`
    : `${ids.length} case studies were submitted (or their projects ended) within ${submissionBurstWindowDays} days of each other.`;
  return flag(prep, 'submission_burst', 'info', sentence, ids);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "March 2024", in UTC (no locale: the sentence must be the same on every machine). */
function monthYear(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** The vendor's recent projects verify clearly less of what was claimed than its earlier ones. */
export function decliningEvidenceFlagOf(prep: PreparedEvidence): IntegrityFlag | null {
  const { trend } = prep;
  if (!trend.declining) return null;
  const sentence = `Its projects since ${monthYear(trend.cutoffMs)} verified ${pct(trend.recent.meanShare)} of the claimed gain, against ${pct(trend.earlier.meanShare)} before; its earlier results count for less.`;
  return flag(prep, 'declining_recent_evidence', 'warning', sentence, trend.recentOutcomeIds);
}

/** Verdicts the vendor disputes. */
export function disputedVerdictFlagOf(prep: PreparedEvidence): IntegrityFlag | null {
  const ids = prep.caseStudies.filter((c) => c.source.disputed || c.source.status === 'disputed').map((c) => c.source.id);
  if (ids.length === 0) return null;
  const sentence = `The vendor disputes the verdict on ${plural(ids.length, 'case study', 'case studies')}; the verdict stands until the dispute is resolved.`;
  return flag(prep, 'verdict_disputed', 'info', sentence, ids);
}

/** Drawn references rarely answer (given the response-rate estimate). */
export function lowResponseRateFlagOf(prep: PreparedEvidence, responseRate: SignalEstimate): IntegrityFlag | null {
  const { lowResponseRateMinResolved, lowResponseRateUpper } = prep.config.flags;
  if (responseRate.evidenceCount < lowResponseRateMinResolved || responseRate.upper >= lowResponseRateUpper) return null;
  const ids = prep.references
    .filter((r) => r.source.source === 'drawn' && (r.source.status === 'declined' || r.source.status === 'expired'))
    .map((r) => r.source.id);
  const sentence = `Only about ${pct(responseRate.mean)} of the clients we contacted at random answered a reference request.`;
  return flag(prep, 'low_reference_response_rate', 'warning', sentence, ids);
}

/** No outcome measured by a reviewer recently. */
export function staleVerificationFlagOf(prep: PreparedEvidence): IntegrityFlag | null {
  let latest: number | undefined;
  for (const cs of prep.caseStudies) {
    for (const o of cs.outcomes) {
      const s = o.source.verificationStatus;
      if (s !== 'verified' && s !== 'partially_verified' && s !== 'refuted') continue;
      const t = o.verifiedMs ?? cs.submittedMs;
      if (latest === undefined || t > latest) latest = t;
    }
  }
  const days = prep.config.flags.staleVerificationDays;
  if (latest !== undefined && prep.nowMs - latest <= days * DAY_MS) return null;
  const months = Math.round(days / 30.4375);
  const sentence =
    latest === undefined
      ? 'No outcome of this vendor has been verified yet.'
      : `No outcome of this vendor has been verified in the last ${months} months.`;
  return flag(prep, 'no_recent_verification', 'info', sentence, []);
}

/** Case studies whose client domain is suspect; the sentence names the reason of the first. */
export function clientDomainFlagOf(prep: PreparedEvidence): IntegrityFlag | null {
  const suspect = prep.caseStudies.filter((c) => c.source.status !== 'withdrawn' && c.source.clientDomain?.standing === 'suspect');
  if (suspect.length === 0) return null;
  const [first] = suspect;
  const reason = (first.source.clientDomain?.reason ?? '').replace(/\.$/, '');
  const more = suspect.length === 1 ? '' : ` (${plural(suspect.length - 1, 'other case study has', 'other case studies have')} a suspect client domain too)`;
  const sentence = `${reason}; references from it were given no weight${more}.`;
  return flag(prep, 'client_domain_suspect', suspect.length >= 2 ? 'serious' : 'warning', sentence, suspect.map((c) => c.source.id));
}

/** All flags for prepared evidence, in a fixed order. */
export function integrityFlagsOf(prep: PreparedEvidence, responseRate: SignalEstimate): IntegrityFlag[] {
  return [
    selfReferenceFlagOf(prep),
    freeMailFlagOf(prep),
    sharedContactFlagOf(prep),
    reviewerAffiliationFlagOf(prep),
    reviewerConcentrationFlagOf(prep),
    reviewerVendorAnomalyFlagOf(prep),
    rosterCherryPickingFlagOf(prep),
    singleChampionFlagOf(prep),
    referenceBurstFlagOf(prep),
    submissionBurstFlagOf(prep),
    disputedVerdictFlagOf(prep),
    lowResponseRateFlagOf(prep, responseRate),
    staleVerificationFlagOf(prep),
    clientDomainFlagOf(prep),
    decliningEvidenceFlagOf(prep),
  ].filter((f): f is IntegrityFlag => f !== null);
}

/** Every integrity flag raised by a vendor's evidence. */
export function detectIntegrityFlags(evidence: VendorEvidence, config: SignalConfig = DEFAULT_SIGNAL_CONFIG): IntegrityFlag[] {
  const prep = prepareEvidence(evidence, config);
  return integrityFlagsOf(prep, referenceResponseRateSignal(prep).estimate);
}

function single(detector: (prep: PreparedEvidence) => IntegrityFlag | null) {
  return (evidence: VendorEvidence, config: SignalConfig = DEFAULT_SIGNAL_CONFIG): IntegrityFlag | null =>
    detector(prepareEvidence(evidence, config));
}

/** Self-reference attempts (references on the vendor's own domain). */
export const selfReferenceFlag = single(selfReferenceFlagOf);
/** References answered from free-mail addresses. */
export const freeMailFlag = single(freeMailFlagOf);
/** The same reference contact used for several vendors. */
export const sharedContactFlag = single(sharedContactFlagOf);
/** A reviewer affiliated with the vendor judged its evidence. */
export const reviewerAffiliationFlag = single(reviewerAffiliationFlagOf);
/** A reviewer over-concentrated on the vendor judged its evidence. */
export const reviewerConcentrationFlag = single(reviewerConcentrationFlagOf);
/** A reviewer far more favourable on this vendor than the other evidence. */
export const reviewerVendorAnomalyFlag = single(reviewerVendorAnomalyFlagOf);
/** Nominated clients answer far more favourably than clients drawn from the roster. */
export const rosterCherryPickingFlag = single(rosterCherryPickingFlagOf);
/** One contact answers for many of the vendor's case studies. */
export const singleChampionFlag = single(singleChampionFlagOf);
/** A burst of nominated reference answers. */
export const referenceBurstFlag = single(referenceBurstFlagOf);
/** A burst of case-study submissions. */
export const submissionBurstFlag = single(submissionBurstFlagOf);
/** Verdicts under dispute. */
export const disputedVerdictFlag = single(disputedVerdictFlagOf);
/** A case study's client domain is suspect. */
export const clientDomainFlag = single(clientDomainFlagOf);
/** The vendor's recent evidence is clearly worse than its earlier evidence. */
export const decliningEvidenceFlag = single(decliningEvidenceFlagOf);
/** No verification in the configured window (24 months by default). */
export const staleVerificationFlag = single(staleVerificationFlagOf);

/** Low response rate of drawn references. */
export function lowResponseRateFlag(evidence: VendorEvidence, config: SignalConfig = DEFAULT_SIGNAL_CONFIG): IntegrityFlag | null {
  const prep = prepareEvidence(evidence, config);
  return lowResponseRateFlagOf(prep, referenceResponseRateSignal(prep).estimate);
}
