import { isUtf8 } from 'node:buffer';
import { filetypeinfo } from 'magic-bytes.js';
import Papa from 'papaparse';

/** The kinds of file a case study accepts as evidence, by the media type we serve them with. */
export const EVIDENCE_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'text/csv', 'application/json', 'text/plain', 'text/markdown'] as const;
export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];

export type EvidenceTypeRefusal = 'EMPTY_FILE' | 'UNSUPPORTED_FILE_TYPE' | 'FILE_TYPE_MISMATCH' | 'DECLARED_TYPE_MISMATCH' | 'ACTIVE_CONTENT' | 'NOT_UTF8' | 'INVALID_JSON' | 'INVALID_CSV';

export type EvidenceTypeResult = { ok: true; mediaType: EvidenceMediaType } | { ok: false; reason: EvidenceTypeRefusal; message: string };

/** Leading bytes that are enough to recognise PDF, PNG and JPEG (and most binary formats). */
export const SNIFF_BYTES = 4096;

const ACCEPTED_KINDS = 'PDF, PNG, JPEG, CSV, JSON, plain text (.txt) or Markdown (.md)';

const DESCRIPTIONS: Record<EvidenceMediaType, string> = {
  'application/pdf': 'a PDF document',
  'image/png': 'a PNG image',
  'image/jpeg': 'a JPEG image',
  'text/csv': 'a CSV table',
  'application/json': 'JSON',
  'text/plain': 'plain text',
  'text/markdown': 'Markdown',
};

const BINARY_TYPES = new Set<string>(['application/pdf', 'image/png', 'image/jpeg']);

/**
 * What each accepted file name ending promises. A file is refused when its content
 * contradicts its name (spoofing by extension), e.g. a PNG named `report.pdf`.
 * `.txt` promises only text, so its content decides between CSV, JSON and plain text.
 */
const EXTENSIONS: Record<string, readonly EvidenceMediaType[]> = {
  pdf: ['application/pdf'],
  png: ['image/png'],
  jpg: ['image/jpeg'],
  jpeg: ['image/jpeg'],
  csv: ['text/csv'],
  tsv: ['text/csv'],
  json: ['application/json'],
  md: ['text/markdown'],
  markdown: ['text/markdown'],
  txt: ['text/plain', 'text/csv', 'application/json'],
  text: ['text/plain', 'text/csv', 'application/json'],
  log: ['text/plain', 'text/csv', 'application/json'],
};

/**
 * Media types a browser may declare for a file of each detected type (Windows calls a CSV
 * `application/vnd.ms-excel`; many browsers send `text/plain` for anything textual). An
 * upload declared as anything else is refused: the declaration, the name and the bytes must agree.
 * `application/octet-stream` and no declaration at all mean "don't know" and are accepted.
 */
const DECLARED_TYPES: Record<EvidenceMediaType, readonly string[]> = {
  'application/pdf': ['application/pdf', 'application/x-pdf'],
  'image/png': ['image/png'],
  'image/jpeg': ['image/jpeg', 'image/jpg', 'image/pjpeg'],
  'text/csv': ['text/csv', 'application/csv', 'text/x-csv', 'application/vnd.ms-excel', 'text/plain', 'text/tab-separated-values'],
  'application/json': ['application/json', 'text/json', 'text/plain'],
  'text/plain': ['text/plain', 'text/x-log'],
  'text/markdown': ['text/markdown', 'text/x-markdown', 'text/plain'],
};

/**
 * Text a browser would run rather than show: HTML, SVG or other XML (which can carry
 * scripts), and scripts. Never evidence, whatever the file is called. Checked on the
 * first bytes, where every one of them announces itself.
 */
const ACTIVE_CONTENT: ReadonlyArray<{ pattern: RegExp; what: string }> = [
  { pattern: /^\s*<!doctype\s+html/i, what: 'an HTML page' },
  { pattern: /<\s*(html|head|body|iframe|object|embed)[\s>/]/i, what: 'an HTML page' },
  { pattern: /<\s*script[\s>/]/i, what: 'a script' },
  { pattern: /<\s*svg[\s>/]/i, what: 'an SVG image' },
  { pattern: /^\s*<\?xml[\s?]/i, what: 'an XML document' },
  { pattern: /^#!/, what: 'a script' },
];

/** What active content the head of a text file is, or null. */
export function activeContentOf(text: string): string | null {
  const head = text.slice(0, SNIFF_BYTES);
  return ACTIVE_CONTENT.find((a) => a.pattern.test(head))?.what ?? null;
}

/** The lower-case extension of a file name, or '' when it has none. */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/**
 * Recognises a binary format from the first bytes: one of the accepted ones, another
 * known one (named, for the refusal), or none (possibly text).
 */
export function sniffBinaryType(head: Uint8Array): { kind: 'accepted'; mediaType: EvidenceMediaType } | { kind: 'other'; name: string } | { kind: 'none' } {
  const guesses = filetypeinfo(head.subarray(0, SNIFF_BYTES));
  const accepted = guesses.find((g) => g.mime && BINARY_TYPES.has(g.mime));
  if (accepted) return { kind: 'accepted', mediaType: accepted.mime as EvidenceMediaType };
  // Text-based formats (JSON, XML, …) are judged as text, below.
  const binary = guesses.find((g) => !g.mime || !/json|xml|text|svg|html/i.test(g.mime));
  return binary ? { kind: 'other', name: binary.typename } : { kind: 'none' };
}

/**
 * The media type of an evidence file, decided by its bytes, never by its name: PDF,
 * PNG and JPEG by their signatures; otherwise the file must be UTF-8 text without NUL
 * bytes, and is JSON if it parses, CSV if it is a consistent table of two or more
 * columns, Markdown if named `.md`, else plain text. The name may only confirm the
 * content: a name that promises another type than the content has is refused.
 *
 * For PDF, PNG and JPEG the first {@link SNIFF_BYTES} bytes are enough; text needs
 * the whole file.
 */
export function detectEvidenceType(bytes: Uint8Array, fileName: string, declaredType?: string): EvidenceTypeResult {
  const detected = detectByContent(bytes, fileName);
  if (!detected.ok) return detected;
  const declared = (declaredType ?? '').split(';')[0].trim().toLowerCase();
  if (declared && declared !== 'application/octet-stream' && !DECLARED_TYPES[detected.mediaType].includes(declared)) {
    return refuse(
      'DECLARED_TYPE_MISMATCH',
      `${displayName(fileName)} was sent as ${declared}, but its content is ${DESCRIPTIONS[detected.mediaType]}. Attach the file again from your computer; if it keeps happening, save it in one of the accepted formats.`,
    );
  }
  return detected;
}

function detectByContent(bytes: Uint8Array, fileName: string): EvidenceTypeResult {
  const name = displayName(fileName);
  const extension = extensionOf(fileName);
  const promised = extension ? EXTENSIONS[extension] : undefined;
  if (extension && !promised) {
    return refuse('UNSUPPORTED_FILE_TYPE', `Files ending in .${extension} cannot be attached. Attach ${ACCEPTED_KINDS} files.`);
  }
  if (bytes.length === 0) return refuse('EMPTY_FILE', `${name} is empty.`);

  const sniffed = sniffBinaryType(bytes);
  if (sniffed.kind === 'accepted') return confirmByName(sniffed.mediaType, name, promised);
  // Text first: short signatures (`MZ`, `BM`, a UTF-8 byte-order mark) also begin ordinary text.
  const textual = looksLikeText(bytes);
  if (!textual || !isUtf8(bytes)) {
    if (sniffed.kind === 'other' || !textual) {
      const what = sniffed.kind === 'other' ? `in the ${sniffed.name.toUpperCase()} format` : 'a binary file of a kind we do not accept';
      return refuse('UNSUPPORTED_FILE_TYPE', `${name} is ${what}, so it cannot be attached. Attach ${ACCEPTED_KINDS} files.`);
    }
    return refuse('NOT_UTF8', `${name} is not UTF-8 text. Save it with UTF-8 encoding and attach it again.`);
  }

  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8').replace(/^\uFEFF/, '');
  const active = activeContentOf(text);
  if (active) {
    return refuse('ACTIVE_CONTENT', `${name} is ${active}, which a browser would run rather than show, so it cannot be attached. Attach ${ACCEPTED_KINDS} files; to show a web page, attach a PDF of it or a link.`);
  }
  // A name that promises a binary format (PDF, PNG, JPEG) is not kept by text.
  if (promised && promised.every((type) => BINARY_TYPES.has(type))) {
    return refuse('FILE_TYPE_MISMATCH', `${name} is named like ${DESCRIPTIONS[promised[0]]} but its content is text. Rename it to match what it is, or attach the right file.`);
  }
  if (promised?.length === 1 && promised[0] === 'application/json') {
    const parsed = parseJson(text);
    return parsed.ok ? { ok: true, mediaType: 'application/json' } : refuse('INVALID_JSON', `${name} is not valid JSON: ${parsed.error}`);
  }
  if (promised?.length === 1 && promised[0] === 'text/csv') {
    const table = inspectTable(text);
    return table.ok ? { ok: true, mediaType: 'text/csv' } : refuse('INVALID_CSV', `${name} is not a consistent table: ${table.problem}`);
  }
  if (promised?.length === 1 && promised[0] === 'text/markdown') return { ok: true, mediaType: 'text/markdown' };

  const json = parseJson(text);
  if (json.ok && typeof json.value === 'object' && json.value !== null) return { ok: true, mediaType: 'application/json' };
  const table = inspectTable(text);
  if (table.ok && table.columns >= 2 && table.rows >= 2) return { ok: true, mediaType: 'text/csv' };
  return { ok: true, mediaType: 'text/plain' };
}

function confirmByName(mediaType: EvidenceMediaType, name: string, promised: readonly EvidenceMediaType[] | undefined): EvidenceTypeResult {
  if (!promised || promised.includes(mediaType)) return { ok: true, mediaType };
  return refuse('FILE_TYPE_MISMATCH', `${name} is named like ${DESCRIPTIONS[promised[0]]} but its content is ${DESCRIPTIONS[mediaType]}. Rename it to match what it is, or attach the right file.`);
}

/** No NUL bytes, and hardly any control characters besides tab, line breaks and form feed. */
function looksLikeText(bytes: Uint8Array): boolean {
  let control = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control <= bytes.length / 100;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : 'it does not parse' };
  }
}

/** Rows read to judge a table; enough to catch a broken export without reading 20 MB twice. */
const TABLE_PREVIEW_ROWS = 10_000;

function inspectTable(text: string): { ok: true; rows: number; columns: number } | { ok: false; problem: string } {
  const result = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', preview: TABLE_PREVIEW_ROWS });
  const broken = result.errors.find((e) => e.code !== 'UndetectableDelimiter');
  if (broken) return { ok: false, problem: `${broken.message.toLowerCase()}${broken.row !== undefined ? ` (row ${broken.row + 1})` : ''}.` };
  const rows = result.data;
  if (rows.length === 0) return { ok: false, problem: 'it has no rows.' };
  const columns = rows[0].length;
  const odd = rows.findIndex((r) => r.length !== columns);
  if (odd !== -1) return { ok: false, problem: `row ${odd + 1} has ${rows[odd].length} fields, the first row has ${columns}.` };
  return { ok: true, rows: rows.length, columns };
}

/** The file name as people see it in a message: base name only, quoted, shortened. */
function displayName(fileName: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? '').trim() || 'The file';
  if (base === 'The file') return base;
  return `“${base.length > 80 ? `${base.slice(0, 77)}…` : base}”`;
}

function refuse(reason: EvidenceTypeRefusal, message: string): EvidenceTypeResult {
  return { ok: false, reason, message };
}
