import type { FormErrors } from '@mantine/form';
import type { Handover, ProductionStatus, VerdictDetailFragment, VerdictFindingsInput } from '../../../gql/graphql';
import { OUTCOME_RESULTS, type OutcomeResult } from '../../../ui/labels';
import { RUBRIC_QUESTIONS, type RubricKey } from './labels';
import { previewShare } from './outcome-format';

/** A rubric answer as the radio group holds it ('' until chosen). */
export type RubricChoice = 'yes' | 'no' | 'not_assessed' | '';

export interface OutcomeFindingValues {
  outcomeClaimId: string;
  result: OutcomeResult | '';
  /** NumberInput holds '' while empty. */
  verifiedValue: number | string;
}

/** What a reviewer finds (the verdict form) or an admin corrects (an amendment). */
export interface FindingsValues {
  outcomes: OutcomeFindingValues[];
  productionStatus: ProductionStatus | '';
  handover: Handover | '';
  rubric: Record<RubricKey, RubricChoice> & { notes: string };
  notes: string;
}

export interface VerdictFormValues extends FindingsValues {
  conflictDeclaration: string;
  noConflictOfInterest: boolean;
}

/** The claim a finding is about. */
export interface ClaimForFinding {
  id: string;
  metricName: string;
  unit: string;
  direction: 'higher_is_better' | 'lower_is_better';
  baselineValue: number;
  claimedValue: number;
}

const LIMITS = { rubricNotes: 4000, notes: 8000, declaration: 2000 };

export function emptyFindings(claims: readonly ClaimForFinding[]): FindingsValues {
  return {
    outcomes: claims.map((c) => ({ outcomeClaimId: c.id, result: '', verifiedValue: '' })),
    productionStatus: '',
    handover: '',
    rubric: { properBaseline: '', heldOutOrOnlineEvaluation: '', leakageChecked: '', monitoringInProduction: '', notes: '' },
    notes: '',
  };
}

const fromBool = (value: boolean | null): RubricChoice => (value === true ? 'yes' : value === false ? 'no' : 'not_assessed');
const toBool = (choice: RubricChoice): boolean | null => (choice === 'yes' ? true : choice === 'no' ? false : null);

/** An amendment starts from the verdict it corrects. */
export function findingsFromVerdict(verdict: VerdictDetailFragment, claims: readonly ClaimForFinding[]): FindingsValues {
  return {
    outcomes: claims.map((c) => {
      const found = verdict.outcomes.find((o) => o.outcomeClaimId === c.id);
      const result = (OUTCOME_RESULTS as readonly string[]).includes(found?.result ?? '') ? (found!.result as OutcomeResult) : '';
      return { outcomeClaimId: c.id, result, verifiedValue: found?.verifiedValue ?? '' };
    }),
    productionStatus: verdict.productionStatus,
    handover: verdict.handover,
    rubric: {
      properBaseline: fromBool(verdict.rubric.properBaseline ?? null),
      heldOutOrOnlineEvaluation: fromBool(verdict.rubric.heldOutOrOnlineEvaluation ?? null),
      leakageChecked: fromBool(verdict.rubric.leakageChecked ?? null),
      monitoringInProduction: fromBool(verdict.rubric.monitoringInProduction ?? null),
      notes: verdict.rubric.notes ?? '',
    },
    notes: verdict.notes ?? '',
  };
}

/** '' and unparsable input → null; otherwise the number. */
export function toNumberOrNull(value: number | string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Whether a verified value must be entered for this result (the server's rule). */
export function valueRequired(result: OutcomeResult | ''): boolean {
  return result === 'verified' || result === 'partially_verified';
}

/** The same checks as the server, so mistakes show under their fields before anything is sent. */
export function validateFindings(values: FindingsValues): FormErrors {
  const errors: FormErrors = {};
  values.outcomes.forEach((o, i) => {
    if (!o.result) errors[`outcomes.${i}.result`] = 'Choose a result for this outcome.';
    const number = toNumberOrNull(o.verifiedValue);
    const typed = typeof o.verifiedValue === 'number' || o.verifiedValue.trim() !== '';
    if (valueRequired(o.result) && number === null) errors[`outcomes.${i}.verifiedValue`] = 'Record the value you were able to verify.';
    else if (typed && number === null && o.result !== 'unverifiable') errors[`outcomes.${i}.verifiedValue`] = 'Enter a number.';
  });
  if (!values.productionStatus) errors.productionStatus = 'Say whether it is in production.';
  if (!values.handover) errors.handover = 'Say who runs it now.';
  for (const q of RUBRIC_QUESTIONS) {
    if (!values.rubric[q.key]) errors[`rubric.${q.key}`] = 'Answer yes, no or not assessed.';
  }
  if (values.rubric.notes.length > LIMITS.rubricNotes) errors['rubric.notes'] = 'At most 4,000 characters.';
  if (values.notes.length > LIMITS.notes) errors.notes = 'At most 8,000 characters.';
  return errors;
}

export function validateVerdictForm(values: VerdictFormValues): FormErrors {
  const errors = validateFindings(values);
  const declaration = values.conflictDeclaration.trim();
  // One question (the checkbox); the note is optional and sent as "None declared." when empty.
  if (declaration.length > LIMITS.declaration) errors.conflictDeclaration = 'At most 2,000 characters.';
  if (!values.noConflictOfInterest) errors.noConflictOfInterest = 'Confirm that you have no conflict of interest with the consultancy or the client.';
  return errors;
}

/** The API input; call only after validation passed. */
export function toFindingsInput(values: FindingsValues): VerdictFindingsInput {
  return {
    outcomes: values.outcomes.map((o) => ({
      outcomeClaimId: o.outcomeClaimId,
      result: o.result,
      verifiedValue: o.result === 'unverifiable' ? null : toNumberOrNull(o.verifiedValue),
    })),
    productionStatus: values.productionStatus as ProductionStatus,
    handover: values.handover as Handover,
    rubric: {
      properBaseline: toBool(values.rubric.properBaseline),
      heldOutOrOnlineEvaluation: toBool(values.rubric.heldOutOrOnlineEvaluation),
      leakageChecked: toBool(values.rubric.leakageChecked),
      monitoringInProduction: toBool(values.rubric.monitoringInProduction),
      notes: values.rubric.notes.trim(),
    },
    notes: values.notes.trim(),
  };
}

// Thresholds of @assay/domain's assessVerdict (VERIFIED_OUTCOME_MIN_SHARE, SUPPORTED_OUTCOME_MIN_SHARE).
const VERIFIED_MIN_SHARE = 0.9;
const SUPPORTED_MIN_SHARE = 0.1;

/** What the verdict would make of the case study, once every outcome has a result; null before. */
export function previewVerdictStatus(values: FindingsValues, claims: readonly ClaimForFinding[]): 'verified' | 'partially_verified' | 'unverified' | null {
  const statuses: Array<'verified' | 'partial' | 'unsupported'> = [];
  for (const [i, o] of values.outcomes.entries()) {
    if (!o.result) return null;
    if (o.result === 'refuted' || o.result === 'unverifiable') {
      statuses.push('unsupported');
      continue;
    }
    const value = toNumberOrNull(o.verifiedValue);
    const share = value === null ? null : previewShare(claims[i], value);
    if (share === null) return null;
    statuses.push(o.result === 'verified' && share >= VERIFIED_MIN_SHARE ? 'verified' : share >= SUPPORTED_MIN_SHARE ? 'partial' : 'unsupported');
  }
  if (statuses.length === 0) return null;
  if (statuses.every((s) => s === 'verified')) return 'verified';
  if (statuses.every((s) => s === 'unsupported')) return 'unverified';
  return 'partially_verified';
}
