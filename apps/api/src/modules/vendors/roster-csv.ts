import Papa from 'papaparse';
import { rosterEntryKey, validateRosterEntry, type RosterEntry, type RosterEntryInput } from '@assay/domain';

/** The columns a roster CSV must have (any order; the header row names them). */
export const ROSTER_CSV_COLUMNS = ['client_name', 'client_domain', 'contact_name', 'contact_email', 'project_started_on', 'project_ended_on'] as const;
export type RosterCsvColumn = (typeof ROSTER_CSV_COLUMNS)[number];

export const ROSTER_CSV_LIMITS = { maxRows: 2000, maxBytes: 1024 * 1024 } as const;

/** At most this many problems are listed; the message says how many there were in all. */
export const MAX_REPORTED_ROW_ERRORS = 500;

const COLUMN_OF: Record<keyof RosterEntryInput, RosterCsvColumn> = {
  clientName: 'client_name',
  clientDomain: 'client_domain',
  contactName: 'contact_name',
  contactEmail: 'contact_email',
  projectStartedOn: 'project_started_on',
  projectEndedOn: 'project_ended_on',
};

/** One problem in the file: the row as numbered in the file (the header is row 1) and its column, if it is about one. */
export interface RosterRowError {
  row: number;
  column: RosterCsvColumn | null;
  message: string;
}

export type RosterCsvRefusal = 'ROSTER_CSV_EMPTY' | 'ROSTER_CSV_TOO_LARGE' | 'ROSTER_CSV_TOO_MANY_ROWS' | 'ROSTER_CSV_HEADER_INVALID' | 'ROSTER_CSV_ROWS_INVALID';

export type RosterCsvResult =
  | { ok: true; entries: Array<RosterEntry & { row: number }> }
  | { ok: false; reason: RosterCsvRefusal; message: string; errors: RosterRowError[] };

/**
 * Parses and checks a whole roster CSV. Either every data row is a valid, distinct
 * engagement, or the result lists every problem by row and column, so the vendor
 * can fix the file and import it again (nothing is imported from a file with problems).
 */
export function parseRosterCsv(csv: string, now: Date): RosterCsvResult {
  if (Buffer.byteLength(csv, 'utf8') > ROSTER_CSV_LIMITS.maxBytes) {
    return refuse('ROSTER_CSV_TOO_LARGE', `The file is larger than 1 MB. Split it into smaller files of at most ${ROSTER_CSV_LIMITS.maxRows.toLocaleString('en-GB')} rows.`);
  }
  const text = csv.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimitersToGuess: [',', ';', '\t'] });
  const records = parsed.data;
  // Rows keep their position in the file; blank lines are skipped but still counted.
  const rows = records.map((cells, index) => ({ row: index + 1, cells })).filter(({ cells }) => cells.some((c) => c.trim() !== ''));
  if (rows.length === 0) {
    return refuse('ROSTER_CSV_EMPTY', `The file is empty. The first row must name the columns: ${ROSTER_CSV_COLUMNS.join(', ')}.`);
  }
  const [header, ...data] = rows;

  const headerErrors = checkHeader(header.row, header.cells);
  if (headerErrors.length > 0) {
    return refuse(
      'ROSTER_CSV_HEADER_INVALID',
      `Nothing was imported: the first row must name the columns ${ROSTER_CSV_COLUMNS.join(', ')}.`,
      headerErrors,
    );
  }
  if (data.length === 0) return refuse('ROSTER_CSV_EMPTY', 'The file has a header but no engagements below it.');
  if (data.length > ROSTER_CSV_LIMITS.maxRows) {
    return refuse(
      'ROSTER_CSV_TOO_MANY_ROWS',
      `The file has ${data.length.toLocaleString('en-GB')} engagements; import at most ${ROSTER_CSV_LIMITS.maxRows.toLocaleString('en-GB')} at a time.`,
    );
  }

  const index = new Map(header.cells.map((name, i) => [normalizeColumn(name) as RosterCsvColumn, i]));
  const cell = (cells: string[], column: RosterCsvColumn) => cells[index.get(column)!] ?? '';
  const quoteErrors = new Map<number, string>();
  for (const e of parsed.errors) {
    if (e.type === 'Quotes' && e.row !== undefined) quoteErrors.set(e.row + 1, 'A quoted value is not closed or has a stray quote; check the quotes in this row.');
  }

  const errors: RosterRowError[] = [];
  const entries: Array<RosterEntry & { row: number }> = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, cells } of data) {
    const quoteProblem = quoteErrors.get(row);
    if (quoteProblem) {
      errors.push({ row, column: null, message: quoteProblem });
      continue;
    }
    if (cells.length !== header.cells.length) {
      errors.push({ row, column: null, message: `This row has ${cells.length} values, but the header names ${header.cells.length} columns.` });
      continue;
    }
    const result = validateRosterEntry(
      {
        clientName: cell(cells, 'client_name'),
        clientDomain: cell(cells, 'client_domain'),
        contactName: cell(cells, 'contact_name'),
        contactEmail: cell(cells, 'contact_email'),
        projectStartedOn: cell(cells, 'project_started_on'),
        projectEndedOn: cell(cells, 'project_ended_on'),
      },
      now,
    );
    if (!result.ok) {
      errors.push(...result.errors.map((e) => ({ row, column: COLUMN_OF[e.field], message: e.message })));
      continue;
    }
    const key = rosterEntryKey(result.entry);
    const earlier = firstRowOf.get(key);
    if (earlier !== undefined) {
      errors.push({ row, column: 'contact_email', message: `Row ${earlier} already lists this contact at this client with the same start date.` });
      continue;
    }
    firstRowOf.set(key, row);
    entries.push({ ...result.entry, row });
  }

  if (errors.length > 0) {
    const badRows = new Set(errors.map((e) => e.row)).size;
    return refuse(
      'ROSTER_CSV_ROWS_INVALID',
      `Nothing was imported: ${badRows === 1 ? '1 row has a problem' : `${badRows} rows have problems`}. Fix ${badRows === 1 ? 'it' : 'them'} and import the file again.`,
      errors,
    );
  }
  return { ok: true, entries };
}

/** Header cells compare without case, surrounding spaces, or spaces instead of underscores. */
function normalizeColumn(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, '_');
}

function checkHeader(row: number, cells: string[]): RosterRowError[] {
  const errors: RosterRowError[] = [];
  const seen = new Set<string>();
  for (const raw of cells) {
    const name = normalizeColumn(raw);
    if (!(ROSTER_CSV_COLUMNS as readonly string[]).includes(name)) {
      errors.push({ row, column: null, message: name ? `Unknown column “${raw.trim()}”.` : 'A column has no name.' });
    } else if (seen.has(name)) {
      errors.push({ row, column: name as RosterCsvColumn, message: `The column “${name}” appears twice.` });
    }
    seen.add(name);
  }
  for (const column of ROSTER_CSV_COLUMNS) {
    if (!seen.has(column)) errors.push({ row, column, message: `The column “${column}” is missing.` });
  }
  return errors;
}

function refuse(reason: RosterCsvRefusal, message: string, errors: RosterRowError[] = []): RosterCsvResult {
  return { ok: false, reason, message, errors };
}

