import { randomId } from '@mantine/hooks';
import type { UseFormReturnType } from '@mantine/form';
import type {
  CaseStudyDetailFragment,
  Handover,
  MeasurementMethod,
  OutcomeClaimInput,
  OutcomeDirection,
  ProductionStatus,
} from '../../../../gql/graphql';
import { findAnonymityLeaks } from '@assay/domain/anonymity';
import { assessClaim, toNumber } from './outcome-rule';

/** The six steps, in order. `?step=2` in the URL is index 1. */
export const STEPS = [
  { key: 'engagement', label: 'Engagement' },
  { key: 'outcomes', label: 'Outcomes' },
  { key: 'production', label: 'Production & handover' },
  { key: 'evidence', label: 'Evidence' },
  { key: 'references', label: 'References' },
  { key: 'review', label: 'Review & submit' },
] as const;
export const STEP = { engagement: 0, outcomes: 1, production: 2, evidence: 3, references: 4, review: 5 } as const;

export const MAX_OUTCOMES = 10;

export interface OutcomeValues {
  /** React key only; never sent. */
  key: string;
  metricName: string;
  unit: string;
  direction: OutcomeDirection | '';
  baselineValue: number | string;
  claimedValue: number | string;
  measuredAt: string;
  measurementMethod: MeasurementMethod | '';
  methodNote: string;
}

/** Field names follow the API's input so its error paths (`outcomes[1].claimedValue`) land on the right input. */
export interface CaseStudyFormValues {
  title: string;
  client: { name: string; domain: string; anonymised: boolean; descriptor: string };
  problem: string;
  approach: string;
  startedOn: string;
  endedOn: string;
  teamSize: number | string;
  stackTags: string[];
  outcomes: OutcomeValues[];
  productionStatus: ProductionStatus | '';
  productionSince: string;
  retiredOn: string;
  handover: Handover | '';
}

export type FormErrors = Record<string, string>;

export function emptyOutcome(): OutcomeValues {
  return {
    key: randomId(),
    metricName: '',
    unit: '',
    direction: '',
    baselineValue: '',
    claimedValue: '',
    measuredAt: '',
    measurementMethod: '',
    methodNote: '',
  };
}

export function emptyValues(): CaseStudyFormValues {
  return {
    title: '',
    client: { name: '', domain: '', anonymised: false, descriptor: '' },
    problem: '',
    approach: '',
    startedOn: '',
    endedOn: '',
    teamSize: '',
    stackTags: [],
    outcomes: [emptyOutcome()],
    productionStatus: '',
    productionSince: '',
    retiredOn: '',
    handover: '',
  };
}

/**
 * A saved draft as form values. The API does not return an anonymised client's
 * descriptor to the vendor, so the caller passes it when it knows it.
 */
export function valuesFromCaseStudy(cs: CaseStudyDetailFragment, knownDescriptor = ''): CaseStudyFormValues {
  return {
    title: cs.title,
    client: {
      name: cs.client.name ?? cs.client.displayName,
      domain: cs.client.domain ?? '',
      anonymised: cs.client.anonymised,
      descriptor: cs.client.anonymised ? knownDescriptor : '',
    },
    problem: cs.problem,
    approach: cs.approach,
    startedOn: cs.startedOn ?? '',
    endedOn: cs.endedOn ?? '',
    teamSize: cs.teamSize ?? '',
    stackTags: [...cs.stackTags],
    outcomes: cs.outcomes.length
      ? cs.outcomes.map((o) => ({
          key: o.id,
          metricName: o.metricName,
          unit: o.unit,
          direction: o.direction,
          baselineValue: o.baselineValue,
          claimedValue: o.claimedValue,
          measuredAt: o.measuredAt.slice(0, 10),
          measurementMethod: o.measurementMethod,
          methodNote: o.methodNote ?? '',
        }))
      : [emptyOutcome()],
    productionStatus: cs.productionStatus,
    productionSince: cs.productionSince ?? '',
    retiredOn: cs.retiredOn ?? '',
    handover: cs.handover,
  };
}

// ---------------------------------------------------------------------------
// Client-side checks. They mirror the API's rules (case-study.rules.ts and
// @assay/domain's outcome claims) so most mistakes are caught before a round trip.

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DOMAIN = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*\.[a-z]{2,63}$/i;

function isIsoDay(value: string): boolean {
  const match = ISO_DAY.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
  return date.getUTCFullYear() === +match[1] && date.getUTCMonth() === +match[2] - 1 && date.getUTCDate() === +match[3];
}

/** The latest calendar day that has started somewhere on Earth (UTC+14), as the server counts it. */
function latestDay(now: Date): string {
  return new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
}

function checkDay(errors: FormErrors, path: string, value: string, now: Date, label: string, required = false) {
  if (!value) {
    if (required) errors[path] = `Enter ${label}.`;
    return;
  }
  if (!isIsoDay(value)) errors[path] = `Enter ${label} as a date, e.g. 2025-03-31.`;
  else if (value > latestDay(now)) errors[path] = 'This date is in the future.';
}

function validateEngagement(v: CaseStudyFormValues, now: Date): FormErrors {
  const errors: FormErrors = {};
  const title = v.title.trim();
  if (title.length < 3) errors.title = 'Give the case study a title of at least 3 characters.';
  else if (title.length > 160) errors.title = 'A title has at most 160 characters.';
  if (!v.client.name.trim()) errors['client.name'] = 'Enter the client organization.';
  else if (v.client.name.trim().length > 160) errors['client.name'] = 'At most 160 characters.';
  const domain = v.client.domain.trim();
  if (!domain) errors['client.domain'] = "Enter the client's domain, e.g. acme.com.";
  else if (!DOMAIN.test(domain)) errors['client.domain'] = "Enter the client's domain, e.g. acme.com (no https:// or paths).";
  if (v.client.anonymised) {
    if (!v.client.descriptor.trim()) errors['client.descriptor'] = 'Describe the client for buyers, e.g. "a European retailer", since its name is hidden.';
    else if (v.client.descriptor.trim().length > 120) errors['client.descriptor'] = 'At most 120 characters.';
  }
  if (!v.problem.trim()) errors.problem = 'Describe the problem the client had.';
  else if (v.problem.length > 5000) errors.problem = 'At most 5000 characters.';
  if (!v.approach.trim()) errors.approach = 'Describe your approach.';
  else if (v.approach.length > 5000) errors.approach = 'At most 5000 characters.';
  // The same check the API makes on submit: an anonymised client is named nowhere buyers read.
  for (const leak of findAnonymityLeaks({ anonymised: v.client.anonymised, clientName: v.client.name, clientDomain: v.client.domain, title: v.title, problem: v.problem, approach: v.approach })) {
    errors[leak.field] ??= leak.message;
  }
  checkDay(errors, 'startedOn', v.startedOn, now, 'when the engagement started', true);
  checkDay(errors, 'endedOn', v.endedOn, now, 'when the engagement ended');
  if (!errors.startedOn && !errors.endedOn && v.startedOn && v.endedOn && v.endedOn < v.startedOn) {
    errors.endedOn = 'The end date is before the start date.';
  }
  if (v.teamSize !== '') {
    const size = toNumber(v.teamSize);
    if (!Number.isInteger(size)) errors.teamSize = 'Enter a whole number of people.';
    else if (size < 1) errors.teamSize = 'At least 1 person.';
    else if (size > 10_000) errors.teamSize = 'At most 10,000 people.';
  }
  if (v.stackTags.length > 20) errors.stackTags = 'At most 20 stack tags.';
  else if (v.stackTags.some((t) => t.trim().length > 40)) errors.stackTags = 'A tag has at most 40 characters.';
  return errors;
}

function validateOutcomes(v: CaseStudyFormValues, now: Date): FormErrors {
  const errors: FormErrors = {};
  if (v.outcomes.length < 1) errors.outcomes = 'Add at least one measured outcome; a case study is verified against its outcomes.';
  if (v.outcomes.length > MAX_OUTCOMES) errors.outcomes = `A case study can state at most ${MAX_OUTCOMES} outcomes. Keep the ones that matter most.`;
  v.outcomes.forEach((o, i) => {
    const at = (field: string) => `outcomes.${i}.${field}`;
    if (!o.metricName.trim()) errors[at('metricName')] = 'Name the metric, for example “F1 score” or “forecast error (MAPE)”.';
    else if (o.metricName.trim().length > 120) errors[at('metricName')] = 'Keep the metric name to 120 characters or fewer.';
    if (!o.unit.trim()) errors[at('unit')] = 'Give the unit, for example “%”, “ms” or “EUR per month” (“ratio” for a plain number).';
    else if (o.unit.trim().length > 40) errors[at('unit')] = 'Keep the unit to 40 characters or fewer.';
    if (!o.direction) errors[at('direction')] = 'Say whether higher or lower values are better for this metric.';
    if (!Number.isFinite(toNumber(o.baselineValue))) errors[at('baselineValue')] = 'Enter the baseline as a number.';
    if (!Number.isFinite(toNumber(o.claimedValue))) errors[at('claimedValue')] = 'Enter the claimed value as a number.';
    const claim = assessClaim(o.baselineValue, o.claimedValue, o.direction);
    if (claim.kind === 'not_improvement') errors[at('claimedValue')] = claim.message;
    if (!o.measuredAt) errors[at('measuredAt')] = 'Give the date the outcome was measured, for example 2024-03-31.';
    else if (!isIsoDay(o.measuredAt)) errors[at('measuredAt')] = 'Write the date as year-month-day, for example 2024-03-31.';
    else if (o.measuredAt > latestDay(now)) errors[at('measuredAt')] = 'This date is in the future; an outcome can only be claimed once it has been measured.';
    if (!o.measurementMethod) errors[at('measurementMethod')] = 'Choose how the outcome was measured.';
    if (o.measurementMethod === 'other' && !o.methodNote.trim()) errors[at('methodNote')] = 'Describe in a sentence how this outcome was measured.';
    else if (o.methodNote.trim().length > 500) errors[at('methodNote')] = 'Keep the method note to 500 characters or fewer.';
  });
  return errors;
}

function validateProduction(v: CaseStudyFormValues, now: Date): FormErrors {
  const errors: FormErrors = {};
  if (!v.productionStatus) errors.productionStatus = 'Say whether the system reached production.';
  if (v.productionStatus === 'in_production' || v.productionStatus === 'retired') {
    checkDay(errors, 'productionSince', v.productionSince, now, 'when the system went live', true);
  }
  if (v.productionStatus === 'retired') {
    checkDay(errors, 'retiredOn', v.retiredOn, now, 'when the system was retired', true);
    if (!errors.productionSince && !errors.retiredOn && v.retiredOn < v.productionSince) {
      errors.retiredOn = 'The retirement date is before the go-live date.';
    }
  }
  if (!v.handover) errors.handover = 'Say who runs the system now.';
  return errors;
}

/** The problems of one step's fields, by Mantine form path (`outcomes.1.claimedValue`). */
export function validateStep(step: number, values: CaseStudyFormValues, now = new Date()): FormErrors {
  if (step === STEP.engagement) return validateEngagement(values, now);
  if (step === STEP.outcomes) return validateOutcomes(values, now);
  if (step === STEP.production) return validateProduction(values, now);
  return {};
}

/** The step that holds an API field (`outcomes[1].claimedValue`, `client.descriptor`, `references`). */
export function stepOfField(field: string): number {
  const path = field.replace(/^input\./, '');
  if (path.startsWith('outcomes')) return STEP.outcomes;
  if (/^(productionStatus|productionSince|retiredOn|handover)\b/.test(path)) return STEP.production;
  if (path.startsWith('evidence')) return STEP.evidence;
  if (path.startsWith('references')) return STEP.references;
  return STEP.engagement;
}

// ---------------------------------------------------------------------------
// Form values → API input.

type EngagementInput = Pick<CaseStudyDraftInput, 'title' | 'client' | 'problem' | 'approach' | 'startedOn' | 'endedOn' | 'teamSize' | 'stackTags'>;
type ProductionInput = Pick<CaseStudyDraftInput, 'productionStatus' | 'productionSince' | 'retiredOn' | 'handover'>;

/** The body of CreateCaseStudyInput / UpdateCaseStudyInput (without vendorId, id and expectedVersion). */
export interface CaseStudyDraftInput {
  title: string;
  client: { name: string; domain: string; anonymised: boolean; descriptor: string | null };
  problem: string;
  approach: string;
  startedOn: string | null;
  endedOn: string | null;
  teamSize: number | null;
  stackTags: string[];
  productionStatus: ProductionStatus;
  productionSince: string | null;
  retiredOn: string | null;
  handover: Handover;
  outcomes: OutcomeClaimInput[];
}

function engagementInput(v: CaseStudyFormValues): EngagementInput {
  return {
    title: v.title.trim(),
    client: {
      name: v.client.name.trim(),
      domain: v.client.domain.trim().toLowerCase(),
      anonymised: v.client.anonymised,
      descriptor: v.client.anonymised ? v.client.descriptor.trim() || null : null,
    },
    problem: v.problem.trim(),
    approach: v.approach.trim(),
    startedOn: v.startedOn || null,
    endedOn: v.endedOn || null,
    teamSize: v.teamSize === '' ? null : toNumber(v.teamSize),
    stackTags: v.stackTags.map((t) => t.trim()).filter(Boolean),
  };
}

function outcomesInput(v: CaseStudyFormValues): OutcomeClaimInput[] {
  return v.outcomes.map((o) => ({
    metricName: o.metricName.trim(),
    unit: o.unit.trim(),
    direction: o.direction as OutcomeDirection,
    baselineValue: toNumber(o.baselineValue),
    claimedValue: toNumber(o.claimedValue),
    measuredAt: o.measuredAt,
    measurementMethod: o.measurementMethod as MeasurementMethod,
    methodNote: o.methodNote.trim() || null,
  }));
}

function productionInput(v: CaseStudyFormValues): ProductionInput {
  const status = v.productionStatus as ProductionStatus;
  return {
    productionStatus: status,
    productionSince: status === 'poc_only' ? null : v.productionSince || null,
    retiredOn: status === 'retired' ? v.retiredOn || null : null,
    handover: v.handover as Handover,
  };
}

/** What the server holds now, in input shape; before the first save, the most modest claims and no outcomes. */
export function inputFromCaseStudy(cs: CaseStudyDetailFragment | null, knownDescriptor = ''): CaseStudyDraftInput {
  if (!cs) {
    return {
      ...engagementInput(emptyValues()),
      // The API needs a production status and a handover to create a draft; until the vendor
      // answers step 3 the draft records the most modest ones ("proof of concept", "we still run it").
      productionStatus: 'poc_only',
      productionSince: null,
      retiredOn: null,
      handover: 'vendor',
      outcomes: [],
    };
  }
  const values = valuesFromCaseStudy(cs, knownDescriptor);
  return { ...engagementInput(values), ...productionInput(values), outcomes: cs.outcomes.length ? outcomesInput(values) : [] };
}

/**
 * The input to save: each section (engagement, outcomes, production) from the form
 * when it passes the client-side checks, otherwise as last saved. So leaving a step
 * saves that step without sending another step's half-finished rows.
 */
export function draftInput(values: CaseStudyFormValues, saved: CaseStudyDraftInput, now = new Date()): CaseStudyDraftInput {
  const ok = (step: number) => Object.keys(validateStep(step, values, now)).length === 0;
  return {
    ...(ok(STEP.engagement) ? engagementInput(values) : pickEngagement(saved)),
    ...(ok(STEP.production) ? productionInput(values) : pickProduction(saved)),
    outcomes: ok(STEP.outcomes) ? outcomesInput(values) : saved.outcomes,
  };
}

function pickEngagement(s: CaseStudyDraftInput): EngagementInput {
  const { title, client, problem, approach, startedOn, endedOn, teamSize, stackTags } = s;
  return { title, client, problem, approach, startedOn, endedOn, teamSize, stackTags };
}

function pickProduction(s: CaseStudyDraftInput): ProductionInput {
  const { productionStatus, productionSince, retiredOn, handover } = s;
  return { productionStatus, productionSince, retiredOn, handover };
}

/** True when saving `next` would change nothing on the server. */
export function sameInput(a: CaseStudyDraftInput, b: CaseStudyDraftInput): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export type CaseStudyForm = UseFormReturnType<CaseStudyFormValues>;
