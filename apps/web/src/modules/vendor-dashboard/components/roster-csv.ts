import Papa from 'papaparse';
import type { FieldMessage } from '../../../ui/errors/describe-error';

/** The columns the API expects (any order). */
export const ROSTER_COLUMNS = ['client_name', 'client_domain', 'contact_name', 'contact_email', 'project_started_on', 'project_ended_on'] as const;
export const ROSTER_LIMITS = { maxRows: 2000, maxBytes: 1024 * 1024 } as const;

export const ROSTER_TEMPLATE = `${ROSTER_COLUMNS.join(',')}\nAcme Retail,acme-retail.com,Jane Doe,jane.doe@acme-retail.com,2023-01-10,2023-09-30\n`;

export interface RosterPreview {
  header: string[];
  /** The first data rows, with their row number in the file (the header is row 1). */
  rows: Array<{ row: number; cells: string[] }>;
  /** Non-blank rows below the header. */
  rowCount: number;
  bytes: number;
}

/** What the file looks like, for the preview before import; the API does the real checking. */
export function previewRosterCsv(text: string, previewRows = 5): RosterPreview | null {
  const bytes = new TextEncoder().encode(text).length;
  if (!text.trim()) return null;
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: false, delimitersToGuess: [',', ';', '\t'] });
  const rows = parsed.data.map((cells, i) => ({ row: i + 1, cells })).filter(({ cells }) => cells.some((c) => c.trim() !== ''));
  const [header, ...data] = rows;
  if (!header) return null;
  return { header: header.cells, rows: data.slice(0, previewRows), rowCount: data.length, bytes };
}

export interface RosterRowProblem {
  row: number;
  column: string | null;
  message: string;
}

/** `rows[5].contact_email` (the API's report) → row 5, column contact_email; null for other fields. */
export function rosterRowProblems(fields: FieldMessage[]): RosterRowProblem[] {
  return fields.flatMap(({ field, message }) => {
    const match = /^rows\[(\d+)\](?:\.([a-z_]+))?$/.exec(field);
    return match ? [{ row: Number(match[1]), column: match[2] ?? null, message }] : [];
  });
}
