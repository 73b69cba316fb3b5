import { parseIsoDate } from './dates';
import { contactIdentityKey, normalizeDomain, normalizeEmail } from './email-domains';
import { codePointLength, isBlank, type FieldError } from './result';

export const ROSTER_ENTRY_LIMITS = {
  clientNameMaxLength: 200,
  contactNameMaxLength: 120,
} as const;

/** One disclosed client engagement, as a vendor enters it (strings as typed). */
export interface RosterEntryInput {
  clientName: string;
  clientDomain: string;
  contactName: string;
  contactEmail: string;
  /** Calendar date, `2024-03-31`. */
  projectStartedOn: string;
  /** Calendar date, or blank while the engagement is still running. */
  projectEndedOn?: string | null;
}

/** A checked engagement: names trimmed, domain and email normalised, dates as `YYYY-MM-DD`. */
export interface RosterEntry {
  clientName: string;
  clientDomain: string;
  contactName: string;
  contactEmail: string;
  projectStartedOn: string;
  projectEndedOn: string | null;
}

export type RosterEntryErrorCode =
  | 'ROSTER_FIELD_REQUIRED'
  | 'ROSTER_FIELD_TOO_LONG'
  | 'ROSTER_DOMAIN_INVALID'
  | 'ROSTER_EMAIL_INVALID'
  | 'ROSTER_DATE_INVALID'
  | 'ROSTER_DATE_IN_FUTURE'
  | 'ROSTER_DATES_REVERSED';

export type RosterEntryFieldError = FieldError<RosterEntryErrorCode> & { field: keyof RosterEntryInput };

export type RosterEntryValidation = { ok: true; entry: RosterEntry } | { ok: false; errors: RosterEntryFieldError[] };

// A calendar day is only "in the future" once it has not started anywhere on Earth (UTC+14).
const EARLIEST_TIME_ZONE_OFFSET_MS = 14 * 60 * 60 * 1000;

/**
 * Checks one roster engagement: names present and not too long, a real client
 * domain, a well-formed contact address, real calendar dates that are not in the
 * future, and an end (when given) on or after the start.
 */
export function validateRosterEntry(input: RosterEntryInput, now: Date): RosterEntryValidation {
  const errors: RosterEntryFieldError[] = [];
  const add = (field: keyof RosterEntryInput, code: RosterEntryErrorCode, message: string) => errors.push({ field, code, message });

  const clientName = requiredText(input.clientName, ROSTER_ENTRY_LIMITS.clientNameMaxLength, 'the client organization’s name', (code, message) =>
    add('clientName', code, message),
  );
  const contactName = requiredText(input.contactName, ROSTER_ENTRY_LIMITS.contactNameMaxLength, 'the contact’s name', (code, message) =>
    add('contactName', code, message),
  );

  let clientDomain: string | null = null;
  if (isBlank(input.clientDomain)) {
    add('clientDomain', 'ROSTER_FIELD_REQUIRED', 'Give the client’s web domain, for example acme.com.');
  } else {
    clientDomain = normalizeDomain(input.clientDomain.trim().replace(/^https?:\/\//i, '').replace(/\/+$/, ''));
    if (clientDomain === null) add('clientDomain', 'ROSTER_DOMAIN_INVALID', `“${input.clientDomain.trim()}” is not a domain name; it should look like acme.com.`);
  }

  let contactEmail: string | null = null;
  if (isBlank(input.contactEmail)) {
    add('contactEmail', 'ROSTER_FIELD_REQUIRED', 'Give the contact’s email address.');
  } else {
    const normalized = normalizeEmail(input.contactEmail);
    if (normalized.ok) contactEmail = normalized.email;
    else add('contactEmail', 'ROSTER_EMAIL_INVALID', normalized.message);
  }

  const startedOn = checkDate(input.projectStartedOn, now, 'start', true, (code, message) => add('projectStartedOn', code, message));
  const endedOn = checkDate(input.projectEndedOn ?? '', now, 'end', false, (code, message) => add('projectEndedOn', code, message));
  if (startedOn && endedOn && endedOn < startedOn) {
    add('projectEndedOn', 'ROSTER_DATES_REVERSED', `The project cannot end (${endedOn}) before it started (${startedOn}).`);
  }

  if (errors.length > 0 || clientName === null || contactName === null || clientDomain === null || contactEmail === null || startedOn === null) {
    return { ok: false, errors };
  }
  return { ok: true, entry: { clientName, clientDomain, contactName, contactEmail, projectStartedOn: startedOn, projectEndedOn: endedOn } };
}

/**
 * Two roster lines describe the same engagement when they name the same client
 * domain, the same contact (see `contactIdentityKey`) and the same start date.
 */
export function rosterEntryKey(entry: Pick<RosterEntry, 'clientDomain' | 'contactEmail' | 'projectStartedOn'>): string {
  return `${entry.clientDomain}|${contactIdentityKey(entry.contactEmail) ?? entry.contactEmail}|${entry.projectStartedOn}`;
}

function requiredText(
  value: unknown,
  max: number,
  what: string,
  fail: (code: RosterEntryErrorCode, message: string) => void,
): string | null {
  if (isBlank(value)) {
    fail('ROSTER_FIELD_REQUIRED', `Give ${what}.`);
    return null;
  }
  const text = (value as string).trim();
  if (codePointLength(text) > max) {
    fail('ROSTER_FIELD_TOO_LONG', `Keep ${what} to ${max} characters or fewer.`);
    return null;
  }
  return text;
}

/** The date as `YYYY-MM-DD`, or null (blank, or a problem reported through `fail`). */
function checkDate(
  value: unknown,
  now: Date,
  which: 'start' | 'end',
  required: boolean,
  fail: (code: RosterEntryErrorCode, message: string) => void,
): string | null {
  if (isBlank(value)) {
    if (required) fail('ROSTER_FIELD_REQUIRED', `Give the project’s ${which} date, for example 2024-03-31.`);
    return null;
  }
  const text = (value as string).trim();
  const parsed = parseIsoDate(text);
  if (parsed === null || !parsed.dateOnly) {
    fail('ROSTER_DATE_INVALID', `“${text}” is not a date; write the ${which} date as year-month-day, for example 2024-03-31.`);
    return null;
  }
  if (parsed.date.getTime() > now.getTime() + EARLIEST_TIME_ZONE_OFFSET_MS) {
    fail(
      'ROSTER_DATE_IN_FUTURE',
      which === 'start'
        ? `The start date (${text}) is in the future; list only engagements that have started.`
        : `The end date (${text}) is in the future; leave it empty while the engagement is still running.`,
    );
    return null;
  }
  return text;
}
