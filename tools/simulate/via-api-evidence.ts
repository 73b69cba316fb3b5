// The check of `--via-api`: the signals library's input rebuilt from the simulation's
// own record of what it pushed, and the comparison with what the server materialised.
//
// From the record (the plan, and what the simulation did): every value, status, answer,
// identity, source, date (the projects' start and end, each outcome's measured-at) and handover level; whose verdict it was; each case study's
// status (by @assay/domain's `assessVerdict`, the published rule, on the pushed results);
// reviewers' verdict counts and spot-check agreement (the admin's spot check against the
// reviewer's verdict, outcome by outcome, both by `assessVerdict` and `verdictsAgree`). Read back from the server: the ids it
// assigned, and the instants it stamped (submission, reference request and answer, verdict,
// and each row's `computed_at`) — the server takes them from its own clock; and each case
// study's client-domain standing, which the server judges from outside facts (DNS, RDAP,
// other vendors' claims) that the simulation does not have.
import { assessVerdict, contactIdentityKey, type OutcomeVerification, type VerdictFindings, verdictsAgree } from '@assay/domain';
import {
  type CaseStudyEvidence,
  type ClientDomainStanding,
  type ReferenceEvidence,
  type ReviewerRecord,
  SIGNAL_KEYS,
  type VendorEvidence,
  type VendorSignals,
} from '@assay/signals';
import type { Handover, OutcomeResult, PlannedCaseStudy, PlannedReference, PlannedVendor, PushPlan } from './via-api-plan';

export interface PushedReference {
  plan: PlannedReference;
  id: string;
  /** The identity strength the server's rule gave the contact. */
  serverIdentity: string;
  /** Where the simulation's own actions left it (`sent`: nobody answered yet). */
  status: 'refused' | 'sent' | 'answered' | 'declined' | 'expired';
  /** Read back: when the server created the request and recorded the answer or decline. */
  requestedAt?: string;
  answeredAt?: string;
}

export interface PushedVerdict {
  id: string;
  /** Index into the plan's reviewers (primary verdicts) or auditors (spot checks). */
  by: number;
  userId: string;
  results: Array<{ result: OutcomeResult; value: number | null }>;
  handover: Handover;
  serverStatus: string;
  /** Read back: when the server recorded it. */
  createdAt: string;
}

export interface PushedCaseStudy {
  plan: PlannedCaseStudy;
  id: string;
  outcomeIds: string[];
  submitted: boolean;
  submittedAt?: string;
  /** Read back: the client domain's standing, as the server judged it. */
  clientDomain?: { domain: string; standing: ClientDomainStanding; reason: string };
  references: PushedReference[];
  /** The reviewer holding the task, when one claimed it. */
  claimedBy?: number;
  verdict?: PushedVerdict;
  spotCheck?: PushedVerdict;
}

export interface PushedVendor {
  plan: PlannedVendor;
  id: string;
  caseStudies: PushedCaseStudy[];
}

export interface PushRecord {
  plan: PushPlan;
  reviewerUserIds: string[];
  vendors: PushedVendor[];
}

/** The rating the server reads a verdict's handover level as (`HANDOVER_RATING` in vendor-evidence.repository.ts). */
export const HANDOVER_RATING: Record<Handover, number> = { client_alone: 5, joint: 3, vendor: 1 };

/** The case-study status a verdict's results give, by the published rule. */
/** The published rule's assessment of a pushed verdict: the case study's status and each outcome's result and verified share. */
export function verdictAssessment(cs: PlannedCaseStudy, results: PushedVerdict['results']): VerdictFindings & { status: 'verified' | 'partially_verified' | 'unverified' } {
  const verifications = results.map((r): OutcomeVerification =>
    r.result === 'unverifiable'
      ? { result: 'unverifiable' }
      : r.result === 'refuted'
        ? { result: 'refuted', verifiedValue: r.value }
        : { result: r.result, verifiedValue: r.value ?? Number.NaN },
  );
  const assessment = assessVerdict(cs.outcomes, verifications);
  if (!assessment.ok) throw new Error(`The plan holds an invalid verdict for ${cs.marketId}: ${assessment.errors[0].message}`);
  return { status: assessment.status, outcomes: assessment.outcomes.map((o) => ({ result: o.result, verifiedShare: o.verifiedShare })) };
}

export function verdictStatus(cs: PlannedCaseStudy, results: PushedVerdict['results']): 'verified' | 'partially_verified' | 'unverified' {
  return verdictAssessment(cs, results).status;
}

interface ReviewerTally {
  agreed: number;
  total: number;
  verdicts: number;
  byVendor: Map<string, number>;
}

/** Spot-check record and verdict counts of every reviewer, from the record. */
function reviewerTallies(record: PushRecord): ReviewerTally[] {
  const tallies = record.reviewerUserIds.map((): ReviewerTally => ({ agreed: 0, total: 0, verdicts: 0, byVendor: new Map() }));
  for (const v of record.vendors) {
    for (const cs of v.caseStudies) {
      if (!cs.verdict) continue;
      const t = tallies[cs.verdict.by];
      t.verdicts++;
      t.byVendor.set(v.id, (t.byVendor.get(v.id) ?? 0) + 1);
      if (cs.spotCheck) {
        t.total++;
        // The server's rule: outcome by outcome, not only the overall status.
        if (verdictsAgree(verdictAssessment(cs.plan, cs.verdict.results), verdictAssessment(cs.plan, cs.spotCheck.results))) t.agreed++;
      }
    }
  }
  return tallies;
}

function referenceEvidence(cs: PushedCaseStudy, r: PushedReference): ReferenceEvidence {
  if (!r.requestedAt) throw new Error(`No request time was read back for reference ${r.plan.marketId}`);
  const answered = r.status === 'answered' && r.plan.response.kind === 'answer' ? r.plan.response : null;
  return {
    id: r.id,
    caseStudyId: cs.id,
    source: r.plan.source,
    identityStrength: r.plan.identity,
    contactHash: contactIdentityKey(r.plan.contactEmail) ?? r.plan.contactEmail,
    requestedAt: r.requestedAt,
    // Unanswered links and refused self-references are not responses.
    status: r.status === 'answered' || r.status === 'declined' || r.status === 'expired' ? r.status : 'pending',
    answeredAt: r.status === 'answered' || r.status === 'declined' ? r.answeredAt : undefined,
    wouldHireAgain: answered?.wouldHireAgain,
    handover: answered?.handoverRating,
    inProductionNow: answered ? answered.inProduction === 'yes' : undefined,
    outcomeAnswers: (answered?.outcomes ?? []).map((a) => ({ outcomeId: cs.outcomeIds[a.outcomeIndex], achieved: a.achieved })),
  };
}

function caseStudyEvidence(cs: PushedCaseStudy, reviewerUserIds: readonly string[]): CaseStudyEvidence {
  if (!cs.submittedAt) throw new Error(`No submission time was read back for ${cs.plan.marketId}`);
  const p = cs.plan;
  const verdict = cs.verdict;
  const status = verdict ? verdictStatus(p, verdict.results) : cs.claimedBy !== undefined ? 'in_verification' : 'submitted';
  const reviewerId = verdict ? reviewerUserIds[verdict.by] : undefined;
  return {
    id: cs.id,
    title: p.title,
    submittedAt: cs.submittedAt,
    // The project's own dates, as pushed (the server reads the same date columns back at UTC midnight).
    startedOn: p.startedOn ? `${p.startedOn}T00:00:00Z` : undefined,
    endedOn: p.endedOn ? `${p.endedOn}T00:00:00Z` : undefined,
    status,
    productionStatus: p.productionStatus,
    goLiveAt: p.productionSince ? `${p.productionSince}T00:00:00Z` : undefined,
    retiredAt: p.retiredOn ? `${p.retiredOn}T00:00:00Z` : undefined,
    disputed: false,
    ...(cs.clientDomain ? { clientDomain: cs.clientDomain } : {}),
    handoverByReviewer: verdict ? HANDOVER_RATING[verdict.handover] : undefined,
    handoverReviewerId: reviewerId,
    outcomes: p.outcomes.map((o, i) => ({
      id: cs.outcomeIds[i],
      metric: o.metricName,
      direction: o.direction,
      baseline: o.baselineValue,
      claimed: o.claimedValue,
      verifiedValue: verdict ? verdict.results[i].value : null,
      verificationStatus: verdict ? verdict.results[i].result : 'pending',
      measuredAt: `${o.measuredAt}T00:00:00Z`,
      verifiedAt: verdict?.createdAt,
      reviewerId,
    })),
    // Follow-ups fall due 6 and 12 months after a verdict; the run lasts minutes.
    followUps: [],
  };
}

/** Every pushed vendor's `VendorEvidence` at `now`, from the record alone. */
export function evidenceFromRecord(record: PushRecord, now: (vendorId: string) => string): Map<string, VendorEvidence> {
  const tallies = reviewerTallies(record);
  // Vendors that submitted each contact (the shared-contact rule counts the others).
  const vendorsByContact = new Map<string, Set<string>>();
  for (const v of record.vendors) {
    for (const cs of v.caseStudies) {
      if (!cs.submitted) continue;
      for (const r of cs.references) {
        if (r.status === 'refused') continue;
        const key = contactIdentityKey(r.plan.contactEmail) ?? r.plan.contactEmail;
        (vendorsByContact.get(key) ?? vendorsByContact.set(key, new Set()).get(key)!).add(v.id);
      }
    }
  }
  const out = new Map<string, VendorEvidence>();
  for (const v of record.vendors) {
    const submitted = v.caseStudies.filter((cs) => cs.submitted);
    const references = submitted.flatMap((cs) => cs.references.map((r) => referenceEvidence(cs, r)));
    const otherVendorsByContact: Record<string, number> = {};
    for (const r of references) {
      const others = [...(vendorsByContact.get(r.contactHash) ?? [])].filter((id) => id !== v.id).length;
      if (others > 0) otherVendorsByContact[r.contactHash] = others;
    }
    const reviewers: ReviewerRecord[] = [];
    tallies.forEach((t, i) => {
      const forVendor = t.byVendor.get(v.id) ?? 0;
      if (forVendor === 0) return;
      reviewers.push({
        id: record.reviewerUserIds[i],
        spotChecksAgreed: t.agreed,
        spotChecksTotal: t.total,
        affiliatedWithVendor: false,
        verdictsTotal: t.verdicts,
        verdictsForVendor: forVendor,
      });
    });
    out.set(v.id, {
      vendorId: v.id,
      now: now(v.id),
      caseStudies: submitted.map((cs) => caseStudyEvidence(cs, record.reviewerUserIds)),
      references,
      reviewers,
      otherVendorsByContact,
    });
  }
  return out;
}

/** A stored `vendor_signals` row, as read back. */
export interface StoredSignalsRow {
  vendorId: string;
  assayMean: number;
  assayLower: number;
  assayUpper: number;
  evidenceDepth: number;
  verifiedCaseStudies: number;
  flagCount: number;
  computedAt: string;
  signals: VendorSignals;
}

export interface SignalMismatch {
  phase: 'incremental' | 'recompute';
  vendor: string;
  vendorId: string;
  /** e.g. `verifiedDelivery.lower`, `flags`, `row.assay_mean`. */
  signal: string;
  server: number | string | null;
  library: number | string | null;
}

export const TOLERANCE = 1e-9;

/** Every difference between a stored row and the library's computation (numbers to 1e-9). */
export function compareSignals(
  phase: SignalMismatch['phase'],
  vendor: string,
  row: StoredSignalsRow,
  expected: VendorSignals,
  verifiedCaseStudies: number,
): { compared: number; mismatches: SignalMismatch[] } {
  const mismatches: SignalMismatch[] = [];
  let compared = 0;
  const near = (signal: string, server: number, library: number) => {
    compared++;
    if (!(Math.abs(server - library) <= TOLERANCE)) mismatches.push({ phase, vendor, vendorId: row.vendorId, signal, server, library });
  };
  const same = (signal: string, server: string | number, library: string | number) => {
    compared++;
    if (server !== library) mismatches.push({ phase, vendor, vendorId: row.vendorId, signal, server, library });
  };
  for (const key of SIGNAL_KEYS) {
    const s = row.signals[key];
    const e = expected[key];
    near(`${key}.mean`, s.mean, e.mean);
    near(`${key}.lower`, s.lower, e.lower);
    near(`${key}.upper`, s.upper, e.upper);
    near(`${key}.effectiveN`, s.effectiveN, e.effectiveN);
    same(`${key}.evidenceCount`, s.evidenceCount, e.evidenceCount);
  }
  const kinds = (flags: VendorSignals['flags']) => flags.map((f) => `${f.kind}:${f.severity}:${[...f.evidenceIds].sort().join('+')}`).sort().join(', ');
  same('flags', kinds(row.signals.flags), kinds(expected.flags));
  near('row.assay_mean', row.assayMean, expected.assay.mean);
  near('row.assay_lower', row.assayLower, expected.assay.lower);
  near('row.assay_upper', row.assayUpper, expected.assay.upper);
  near('row.evidence_depth', row.evidenceDepth, expected.evidenceDepth.mean);
  same('row.verified_case_studies', row.verifiedCaseStudies, verifiedCaseStudies);
  same('row.flag_count', row.flagCount, expected.flags.filter((f) => f.severity !== 'info').length);
  same('computedAt', row.signals.computedAt, expected.computedAt);
  return { compared, mismatches };
}
