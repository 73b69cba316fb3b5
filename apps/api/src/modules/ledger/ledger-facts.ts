// What the verification ledger commits to, per kind of fact: read from the fact's
// own tables, split into fields logged in clear and fields logged only as salted
// commitments. The append path and the audit (`npm run ledger:verify`) use these
// same builders, so editing any committed column of a fact row is detected.
//
// Only columns that never change after the fact is recorded are committed
// (e.g. not `verdicts.superseded_by_id`, not `disputes.status` in the `dispute`
// entry): later legitimate updates of other columns must not trip the audit.

import type { JsonObject, JsonValue, LedgerEntryKind } from '@assay/ledger';

/** Anything that runs SQL: a TypeORM EntityManager (inside a transaction or not) or a DataSource. */
export interface SqlRunner {
  // TypeORM's own signature returns `any`; every caller here types its rows.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

/** A fact as the ledger sees it. */
export interface LedgerFact {
  /** Logged in clear. */
  publicFields: JsonObject;
  /** Logged only as salted commitments, one per field. */
  privateFields: JsonObject;
}

export interface FactBuilder {
  /** The table whose row the entry's `subjectId` names. */
  readonly subjectTable: string;
  /** SQL condition on the subject table (aliased `s`) selecting the rows that are facts of this kind. */
  readonly factCondition: string;
  /** Reads the facts with these subject ids; a missing id means the row is gone. */
  load(db: SqlRunner, ids: readonly string[]): Promise<Map<string, LedgerFact>>;
}

/** RFC 3339 UTC with microseconds, formatted by PostgreSQL so no precision is lost on the way. */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

async function loadRows<R extends { id: string }>(db: SqlRunner, sql: string, ids: readonly string[], toFact: (row: R) => LedgerFact): Promise<Map<string, LedgerFact>> {
  if (ids.length === 0) return new Map();
  const rows = (await db.query(sql, [ids])) as R[];
  return new Map(rows.map((row) => [row.id, toFact(row)]));
}

interface VerdictRow {
  id: string;
  task_id: string;
  case_study_id: string;
  vendor_id: string;
  reviewer_id: string;
  kind: 'primary' | 'spot_check' | 'amendment';
  status: string;
  production_status: string;
  handover: string;
  rubric: Record<string, JsonValue | undefined>;
  notes: string;
  conflict_declaration: string;
  supersedes_id: string | null;
  recorded_at: string;
  outcomes: JsonValue[];
}

const verdict: FactBuilder = {
  subjectTable: 'verdicts',
  factCondition: 'true',
  load: (db, ids) =>
    loadRows<VerdictRow>(
      db,
      `SELECT v.id, v.task_id, v.case_study_id, v.vendor_id, v.reviewer_id, v.kind, v.status, v.production_status, v.handover,
              v.rubric, v.notes, v.conflict_declaration, v.supersedes_id, ${iso('v.created_at')} AS recorded_at,
              coalesce((SELECT json_agg(json_build_object('outcomeClaimId', o.outcome_claim_id, 'result', o.result,
                                                          'verifiedValue', o.verified_value, 'verifiedShare', o.verified_share)
                                        ORDER BY o.outcome_claim_id)
                        FROM verdict_outcomes o WHERE o.verdict_id = v.id), '[]'::json) AS outcomes
         FROM verdicts v WHERE v.id = ANY($1::uuid[])`,
      ids,
      (v) => {
        const rubric = {
          properBaseline: v.rubric.properBaseline ?? null,
          heldOutOrOnlineEvaluation: v.rubric.heldOutOrOnlineEvaluation ?? null,
          leakageChecked: v.rubric.leakageChecked ?? null,
          monitoringInProduction: v.rubric.monitoringInProduction ?? null,
        };
        const identity = { caseStudyId: v.case_study_id, vendorId: v.vendor_id, verdictKind: v.kind, recordedAt: v.recorded_at };
        const findings = { status: v.status, productionStatus: v.production_status, handover: v.handover, rubric, outcomes: v.outcomes, supersedesId: v.supersedes_id };
        const internal = { reviewerId: v.reviewer_id, taskId: v.task_id, notes: v.notes, rubricNotes: v.rubric.notes ?? '', conflictDeclaration: v.conflict_declaration };
        // A spot check is an internal second opinion: logged, but its findings only as commitments.
        return v.kind === 'spot_check'
          ? { publicFields: identity, privateFields: { ...findings, ...internal } }
          : { publicFields: { ...identity, ...findings }, privateFields: internal };
      },
    ),
};

interface ReferenceAnswerRow {
  id: string;
  reference_request_id: string;
  case_study_id: string;
  vendor_id: string;
  source: string;
  identity_strength: string;
  contact_name: string;
  contact_email: string;
  client_name: string;
  declined: boolean;
  decline_reason: string | null;
  outcome_answers: JsonValue[];
  in_production: string | null;
  handover_rating: number | null;
  on_time: number | null;
  on_budget: number | null;
  communication: number | null;
  would_hire_again: boolean | null;
  comments: string;
  answered_at: string;
}

const referenceAnswer: FactBuilder = {
  subjectTable: 'reference_responses',
  factCondition: 'true',
  load: (db, ids) =>
    loadRows<ReferenceAnswerRow>(
      db,
      `SELECT r.id, r.reference_request_id, q.case_study_id, q.vendor_id, q.source, q.identity_strength, q.contact_name, q.contact_email,
              q.client_name, r.declined, r.decline_reason, r.outcome_answers, r.in_production, r.handover_rating, r.on_time, r.on_budget,
              r.communication, r.would_hire_again, r.comments, ${iso('r.created_at')} AS answered_at
         FROM reference_responses r JOIN reference_requests q ON q.id = r.reference_request_id
        WHERE r.id = ANY($1::uuid[])`,
      ids,
      (r) => ({
        // A reference answers in confidence: who they are and what they said are commitments only.
        publicFields: {
          caseStudyId: r.case_study_id,
          vendorId: r.vendor_id,
          referenceRequestId: r.reference_request_id,
          source: r.source,
          identityStrength: r.identity_strength,
          declined: r.declined,
          answeredAt: r.answered_at,
        },
        privateFields: {
          contactName: r.contact_name,
          contactEmail: r.contact_email,
          clientName: r.client_name,
          outcomeAnswers: r.outcome_answers,
          inProduction: r.in_production,
          handoverRating: r.handover_rating,
          onTime: r.on_time,
          onBudget: r.on_budget,
          communication: r.communication,
          wouldHireAgain: r.would_hire_again,
          comments: r.comments,
          declineReason: r.decline_reason,
        },
      }),
    ),
};

interface FollowUpRow {
  id: string;
  case_study_id: string;
  reference_request_id: string;
  months_after: number;
  still_in_production: boolean | null;
  answered_at: string | null;
}

const followUpAnswer: FactBuilder = {
  subjectTable: 'follow_up_checks',
  factCondition: `s.status = 'answered'`,
  load: (db, ids) =>
    loadRows<FollowUpRow>(
      db,
      `SELECT f.id, f.case_study_id, f.reference_request_id, f.months_after, f.still_in_production, ${iso('f.answered_at')} AS answered_at
         FROM follow_up_checks f WHERE f.id = ANY($1::uuid[])`,
      ids,
      (f) => ({
        publicFields: { caseStudyId: f.case_study_id, referenceRequestId: f.reference_request_id, monthsAfter: f.months_after, answeredAt: f.answered_at },
        privateFields: { stillInProduction: f.still_in_production },
      }),
    ),
};

interface DisputeRow {
  id: string;
  verdict_id: string;
  case_study_id: string;
  vendor_id: string;
  opened_by_id: string;
  reason: string;
  opened_at: string;
  status: string;
  resolution_note: string | null;
  resolved_by_id: string | null;
  resolved_at: string | null;
  amended_verdict_id: string | null;
}

const DISPUTE_SQL = `SELECT d.id, d.verdict_id, d.case_study_id, d.vendor_id, d.opened_by_id, d.reason, ${iso('d.created_at')} AS opened_at,
                            d.status, d.resolution_note, d.resolved_by_id, ${iso('d.resolved_at')} AS resolved_at, d.amended_verdict_id
                       FROM disputes d WHERE d.id = ANY($1::uuid[])`;

// The dispute row is updated when it is resolved, so the opening entry commits
// only to what is fixed at opening, and the resolution entry to the resolution.
const dispute: FactBuilder = {
  subjectTable: 'disputes',
  factCondition: 'true',
  load: (db, ids) =>
    loadRows<DisputeRow>(db, DISPUTE_SQL, ids, (d) => ({
      publicFields: { verdictId: d.verdict_id, caseStudyId: d.case_study_id, vendorId: d.vendor_id, openedAt: d.opened_at },
      privateFields: { reason: d.reason, openedById: d.opened_by_id },
    })),
};

const disputeResolution: FactBuilder = {
  subjectTable: 'disputes',
  factCondition: `s.status <> 'open'`,
  load: (db, ids) =>
    loadRows<DisputeRow>(db, DISPUTE_SQL, ids, (d) => ({
      publicFields: { verdictId: d.verdict_id, caseStudyId: d.case_study_id, resolution: d.status, amendedVerdictId: d.amended_verdict_id, resolvedAt: d.resolved_at },
      privateFields: { resolutionNote: d.resolution_note, resolvedById: d.resolved_by_id },
    })),
};

interface WithdrawalRow {
  id: string;
  vendor_id: string;
  revision: number;
  status: string;
  submitted: boolean;
  withdrawn_at: string | null;
}

// Nothing leaves `withdrawn`, so status and dates are final once withdrawn. Drafts
// can be withdrawn too; whose draft it was stays a commitment.
const withdrawal: FactBuilder = {
  subjectTable: 'case_studies',
  factCondition: `s.status = 'withdrawn'`,
  load: (db, ids) =>
    loadRows<WithdrawalRow>(
      db,
      `SELECT c.id, c.vendor_id, c.revision, c.status, c.submitted_at IS NOT NULL AS submitted, ${iso('c.withdrawn_at')} AS withdrawn_at
         FROM case_studies c WHERE c.id = ANY($1::uuid[])`,
      ids,
      (c) => ({
        publicFields: { status: c.status, revision: c.revision, wasSubmitted: c.submitted, withdrawnAt: c.withdrawn_at },
        privateFields: { vendorId: c.vendor_id },
      }),
    ),
};

interface ClientAnswerRow {
  id: string;
  case_study_id: string;
  organization_id: string;
  answered_by_id: string;
  answer: string;
  note: string;
  answered_at: string;
}

// A client organisation's answer is final (the vendor's reply is written beside it, not into it).
const clientAnswer: FactBuilder = {
  subjectTable: 'client_organization_answers',
  factCondition: 'true',
  load: (db, ids) =>
    loadRows<ClientAnswerRow>(
      db,
      `SELECT a.id, a.case_study_id, a.organization_id, a.answered_by_id, a.answer, a.note, ${iso('a.created_at')} AS answered_at
         FROM client_organization_answers a WHERE a.id = ANY($1::uuid[])`,
      ids,
      (a) => ({
        publicFields: { caseStudyId: a.case_study_id, answer: a.answer, answeredAt: a.answered_at },
        privateFields: { organizationId: a.organization_id, answeredById: a.answered_by_id, note: a.note },
      }),
    ),
};

/** Kind → how to read its fact. One registry for appending and auditing. */
export const FACT_BUILDERS: Readonly<Record<LedgerEntryKind, FactBuilder>> = {
  verdict,
  reference_answer: referenceAnswer,
  follow_up_answer: followUpAnswer,
  dispute,
  dispute_resolution: disputeResolution,
  withdrawal,
  client_answer: clientAnswer,
};

/** The public field every entry carries about itself, so that moving an entry to another index is detected. */
export const LOG_INDEX_FIELD = 'logIndex';

/** The public fields of an entry at `leafIndex`: the fact's, plus its own index. */
export function entryPublicFields(fact: LedgerFact, leafIndex: number): JsonObject {
  return { ...fact.publicFields, [LOG_INDEX_FIELD]: leafIndex };
}
