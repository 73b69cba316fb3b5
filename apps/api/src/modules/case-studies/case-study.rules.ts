import { findAnonymityLeaks, isEditable, normalizeDomain, parseIsoDate, validateOutcomeClaims, type OutcomeClaim } from '@assay/domain';
import { z } from 'zod';
import type { FieldError } from '../../common/errors';
import { fieldErrorsFromZod } from '../../common/validation';

const MAX_TEXT = 5000;

const isoDay = (label: string) =>
  z
    .string()
    .trim()
    .refine((v) => parseIsoDate(v) !== null, `Enter ${label} as a date, e.g. 2025-03-31.`)
    .nullish();

/** Field rules of a case study (everything but the outcomes, which @assay/domain checks). */
export const caseStudyFieldsSchema = z
  .object({
    title: z.string().trim().min(3, 'Give the case study a title of at least 3 characters.').max(160, 'A title has at most 160 characters.'),
    client: z.object({
      name: z.string().trim().min(1, 'Enter the client organization.').max(160, 'At most 160 characters.'),
      domain: z
        .string()
        .trim()
        .min(1, "Enter the client's domain, e.g. acme.com.")
        .refine((d) => normalizeDomain(d) !== null, "Enter the client's domain, e.g. acme.com (no https:// or paths)."),
      anonymised: z.boolean(),
      descriptor: z.string().trim().max(120, 'At most 120 characters.').nullish(),
    }),
    problem: z.string().trim().max(MAX_TEXT, `At most ${MAX_TEXT} characters.`),
    approach: z.string().trim().max(MAX_TEXT, `At most ${MAX_TEXT} characters.`),
    startedOn: isoDay('the start'),
    endedOn: isoDay('the end'),
    teamSize: z.number().int('Enter a whole number of people.').min(1, 'At least 1 person.').max(10_000, 'At most 10,000 people.').nullish(),
    stackTags: z.array(z.string().trim().min(1, 'Remove empty tags.').max(40, 'A tag has at most 40 characters.')).max(20, 'At most 20 stack tags.'),
    productionStatus: z.enum(['poc_only', 'in_production', 'retired']),
    productionSince: isoDay('the go-live date'),
    retiredOn: isoDay('the retirement date'),
    handover: z.enum(['client_alone', 'joint', 'vendor']),
  })
  .superRefine((v, ctx) => {
    if (v.client.anonymised && !v.client.descriptor) {
      ctx.addIssue({ code: 'custom', path: ['client', 'descriptor'], message: 'Describe the client for buyers, e.g. "a European retailer", since its name is hidden.' });
    }
    if (v.startedOn && v.endedOn && v.endedOn < v.startedOn) {
      ctx.addIssue({ code: 'custom', path: ['endedOn'], message: 'The end date is before the start date.' });
    }
    if (v.productionStatus !== 'poc_only' && !v.productionSince) {
      ctx.addIssue({ code: 'custom', path: ['productionSince'], message: 'Enter when the system went live.' });
    }
    if (v.productionStatus === 'retired' && !v.retiredOn) {
      ctx.addIssue({ code: 'custom', path: ['retiredOn'], message: 'Enter when the system was retired.' });
    }
    if (v.productionStatus !== 'retired' && v.retiredOn) {
      ctx.addIssue({ code: 'custom', path: ['retiredOn'], message: 'Only a retired system has a retirement date.' });
    }
    if (v.productionSince && v.retiredOn && v.retiredOn < v.productionSince) {
      ctx.addIssue({ code: 'custom', path: ['retiredOn'], message: 'The retirement date is before the go-live date.' });
    }
  });

export type CaseStudyFields = z.infer<typeof caseStudyFieldsSchema>;

/** Dates may not lie in the future (a day counts once it has started anywhere). */
function futureDateErrors(fields: CaseStudyFields, now: Date): FieldError[] {
  const limit = new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
  const errors: FieldError[] = [];
  for (const key of ['startedOn', 'endedOn', 'productionSince', 'retiredOn'] as const) {
    const value = fields[key];
    if (value && value.slice(0, 10) > limit) errors.push({ field: key, message: 'This date is in the future.' });
  }
  return errors;
}

/**
 * Validates a draft's content. Drafts may have no outcomes yet; when they have
 * some, each must already be a valid claim. Returns every problem, by field path.
 */
export function validateCaseStudyDraft(input: unknown, now: Date): { ok: true; fields: CaseStudyFields; outcomes: OutcomeClaim[] } | { ok: false; errors: FieldError[] } {
  const parsed = caseStudyFieldsSchema.safeParse(input);
  const errors: FieldError[] = parsed.success ? futureDateErrors(parsed.data, now) : fieldErrorsFromZod(parsed.error);
  const rawOutcomes = (input as { outcomes?: unknown })?.outcomes;
  const outcomeList = Array.isArray(rawOutcomes) ? rawOutcomes : [];
  let outcomes: OutcomeClaim[] = [];
  if (outcomeList.length > 0) {
    const result = validateOutcomeClaims(outcomeList, now);
    if (result.ok) outcomes = result.outcomes;
    else errors.push(...result.errors.map((e) => ({ field: e.field, message: e.message })));
  }
  if (!parsed.success || errors.length) return { ok: false, errors };
  return { ok: true, fields: parsed.data, outcomes };
}

/**
 * What a draft still lacks before it can be submitted; empty when ready. An anonymised case
 * study that names its client in its title, problem or approach is refused here too, with the place.
 */
export function submissionGaps(cs: {
  problem: string;
  approach: string;
  startedOn: string | null;
  outcomeCount: number;
  title?: string;
  clientName?: string;
  clientDomain?: string;
  clientAnonymised?: boolean;
}): FieldError[] {
  const gaps: FieldError[] = [];
  const leaks = findAnonymityLeaks({
    anonymised: !!cs.clientAnonymised,
    clientName: cs.clientName ?? '',
    clientDomain: cs.clientDomain ?? '',
    title: cs.title ?? '',
    problem: cs.problem,
    approach: cs.approach,
  });
  gaps.push(...leaks.map((l) => ({ field: l.field, message: l.message })));
  if (cs.outcomeCount < 1) gaps.push({ field: 'outcomes', message: 'Add at least one measured outcome; a case study is verified against its outcomes.' });
  if (!cs.problem.trim()) gaps.push({ field: 'problem', message: 'Describe the problem the client had.' });
  if (!cs.approach.trim()) gaps.push({ field: 'approach', message: 'Describe your approach.' });
  if (!cs.startedOn) gaps.push({ field: 'startedOn', message: 'Enter when the engagement started.' });
  return gaps;
}

export { isEditable };
