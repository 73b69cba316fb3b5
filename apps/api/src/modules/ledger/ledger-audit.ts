// The whole-log audit behind `npm run ledger:verify`: every entry is rebuilt from
// the CURRENT rows of its fact (with the same fact builders the append path uses)
// and compared with what was logged; then the tree is rebuilt and every stored
// signed tree head is checked (signature, root, consistency with the next).

import {
  buildLedgerLeaf,
  bytesEqual,
  canonicalJson,
  type Checkpoint,
  hashLeaf,
  type JsonObject,
  type JsonValue,
  LEDGER_ENTRY_KINDS,
  type LedgerEntryKind,
  MerkleTree,
  toBase64,
  utf8Encode,
  verifyCheckpoint,
  verifyConsistency,
} from '@assay/ledger';
import type { DataSource } from 'typeorm';
import { entryPublicFields, FACT_BUILDERS, type LedgerFact, LOG_INDEX_FIELD, type SqlRunner } from './ledger-facts';

/** One thing the audit found wrong. */
export interface AuditProblem {
  /** The entry concerned, when the problem is about one entry. */
  entryIndex?: number;
  /** The signed tree head concerned, when the problem is about one. */
  treeSize?: number;
  /** A stable code for tests and tooling. */
  code:
    | 'ENTRY_MISSING'
    | 'ENTRY_HASH_MISMATCH'
    | 'ENTRY_MALFORMED'
    | 'ENTRY_MISPLACED'
    | 'FACT_DELETED'
    | 'FACT_CHANGED'
    | 'FACT_NOT_LOGGED'
    | 'HEAD_BAD_SIGNATURE'
    | 'HEAD_MISMATCH'
    | 'HEAD_BEYOND_LOG'
    | 'HEAD_INCONSISTENT'
    | 'HEAD_ORIGIN_CHANGED';
  /** One sentence: what does not match, and why it matters. */
  message: string;
}

export interface AuditReport {
  ok: boolean;
  /** Entries in the log. */
  treeSize: number;
  /** Root of the tree over the stored leaf hashes. */
  rootHash: Uint8Array;
  /** Size of the latest stored signed tree head, if any. */
  latestSignedSize: number | null;
  headsChecked: number;
  /** Problems in log order: entries first (by index), then facts without entries, then tree heads. */
  problems: AuditProblem[];
}

export interface AuditOptions {
  /** Verifier keys (`<name>+<hash>+<key>`) any stored head may be signed with (old keys after a rotation, too). */
  verifierKeys: readonly string[];
  /** When given, every head must carry this origin. */
  expectedOrigin?: string;
  /** Entries read per round trip. */
  batchSize?: number;
}

interface StoredEntry {
  leaf_index: string;
  kind: string;
  subject_table: string;
  subject_id: string;
  canonical_json: string;
  leaf_hash: Buffer;
  salt: string;
}

/**
 * Audits the database behind `ds` in one read-only REPEATABLE READ snapshot, so
 * facts and entries committed while it runs cannot be half-seen.
 */
export function auditDatabase(ds: DataSource, options: AuditOptions): Promise<AuditReport> {
  return ds.transaction('REPEATABLE READ', async (manager) => {
    await manager.query('SET TRANSACTION READ ONLY');
    return auditLedger(manager, options);
  });
}

/** Recomputes and checks the whole ledger; never throws for what it finds, only for a broken connection. */
export async function auditLedger(db: SqlRunner, options: AuditOptions): Promise<AuditReport> {
  if (options.verifierKeys.length === 0) throw new Error('the audit needs at least one verifier key');
  const batchSize = options.batchSize ?? 1000;
  const problems: AuditProblem[] = [];
  const tree = new MerkleTree();
  let expected = 0;

  for (;;) {
    const batch = (await db.query(
      `SELECT leaf_index, kind, subject_table, subject_id, canonical_json, leaf_hash, salt FROM ledger_entries WHERE leaf_index >= $1 ORDER BY leaf_index LIMIT $2`,
      [expected, batchSize],
    )) as StoredEntry[];
    if (batch.length === 0) break;
    const facts = await loadFacts(db, batch);
    for (const row of batch) {
      const index = Number(row.leaf_index);
      if (index !== expected) {
        problems.push({ entryIndex: expected, code: 'ENTRY_MISSING', message: `entry ${expected} is missing: the log jumps from ${expected - 1} to ${index}, so entries were deleted or renumbered` });
      }
      const leafHash = new Uint8Array(row.leaf_hash);
      tree.append(leafHash.length === 32 ? leafHash : hashLeaf(utf8Encode(row.canonical_json)));
      const problem = checkEntry(index, row, leafHash, facts.get(factKey(row.kind, row.subject_id)));
      if (problem) problems.push(problem);
      expected = index + 1;
    }
  }

  problems.push(...(await unloggedFacts(db)));
  const heads = await checkHeads(db, tree, options, problems);
  return { ok: problems.length === 0, treeSize: tree.size, rootHash: tree.rootHash(), latestSignedSize: heads.latest, headsChecked: heads.checked, problems };
}

function factKey(kind: string, subjectId: string): string {
  return `${kind}:${subjectId}`;
}

/** The current facts behind a batch of entries, one query per kind. */
async function loadFacts(db: SqlRunner, batch: StoredEntry[]): Promise<Map<string, LedgerFact>> {
  const out = new Map<string, LedgerFact>();
  for (const kind of LEDGER_ENTRY_KINDS) {
    const ids = [...new Set(batch.filter((row) => row.kind === kind).map((row) => row.subject_id))];
    for (const [id, fact] of await FACT_BUILDERS[kind].load(db, ids)) out.set(factKey(kind, id), fact);
  }
  return out;
}

function checkEntry(index: number, row: StoredEntry, leafHash: Uint8Array, fact: LedgerFact | undefined): AuditProblem | null {
  const at = { entryIndex: index };
  const what = `entry ${index} (${row.kind} ${row.subject_id})`;
  if (leafHash.length !== 32 || !bytesEqual(hashLeaf(utf8Encode(row.canonical_json)), leafHash)) {
    return { ...at, code: 'ENTRY_HASH_MISMATCH', message: `${what}: its stored leaf hash is not the hash of its stored text, so one of them was edited` };
  }
  let logged: { kind?: unknown; subjectId?: unknown; public?: Record<string, JsonValue>; commitments?: Record<string, JsonValue> };
  try {
    logged = JSON.parse(row.canonical_json) as typeof logged;
  } catch {
    return { ...at, code: 'ENTRY_MALFORMED', message: `${what}: its stored text is not JSON` };
  }
  const loggedIndex = logged.public?.[LOG_INDEX_FIELD];
  if (loggedIndex !== index || logged.kind !== row.kind || logged.subjectId !== row.subject_id) {
    return {
      ...at,
      code: 'ENTRY_MISPLACED',
      message: `${what}: its text says it is entry ${String(loggedIndex)} (${String(logged.kind)} ${String(logged.subjectId)}), so entries were moved, reordered or relabelled`,
    };
  }
  if (!(LEDGER_ENTRY_KINDS as readonly string[]).includes(row.kind)) {
    return { ...at, code: 'ENTRY_MALFORMED', message: `${what}: unknown kind of entry` };
  }
  const builder = FACT_BUILDERS[row.kind as LedgerEntryKind];
  if (row.subject_table !== builder.subjectTable) {
    return { ...at, code: 'ENTRY_MALFORMED', message: `${what}: stored as a ${row.subject_table} row, but a ${row.kind} is a ${builder.subjectTable} row` };
  }
  if (!fact) {
    return { ...at, code: 'FACT_DELETED', message: `${what}: the ${builder.subjectTable} row it records no longer exists, so the fact was deleted after it was logged` };
  }
  let rebuilt: string;
  try {
    rebuilt = buildLedgerLeaf({ kind: row.kind as LedgerEntryKind, subjectId: row.subject_id, publicFields: entryPublicFields(fact, index), privateFields: fact.privateFields, salt: row.salt }).canonicalJson;
  } catch (error) {
    return { ...at, code: 'ENTRY_MALFORMED', message: `${what}: cannot rebuild it from its fact (${error instanceof Error ? error.message : 'unknown error'})` };
  }
  if (rebuilt === row.canonical_json) return null;
  return { ...at, code: 'FACT_CHANGED', message: `${what}: ${describeChange(logged, JSON.parse(rebuilt) as typeof logged, builder.subjectTable)}, so the fact was edited after it was logged` };
}

/** Names the first field that differs between the logged entry and the one rebuilt from today's rows. */
function describeChange(logged: { public?: JsonObject; commitments?: Record<string, JsonValue> }, now: typeof logged, table: string): string {
  const changed = firstDifference(logged.public, now.public, '');
  if (changed) return `public field ${changed.path} was logged as ${show(changed.before)}, but the ${table} row now gives ${show(changed.after)}`;
  for (const key of union(logged.commitments, now.commitments)) {
    if (logged.commitments?.[key] !== now.commitments?.[key]) return `the private field ${key} of the ${table} row no longer matches its logged commitment`;
  }
  return `the entry rebuilt from the ${table} row differs from the logged one`;
}

/** The first path (`outcomes[0].verifiedValue`) where two JSON values differ, in key order. */
function firstDifference(before: JsonValue | undefined, after: JsonValue | undefined, path: string): { path: string; before: JsonValue | undefined; after: JsonValue | undefined } | null {
  if (same(before, after)) return null;
  const isObject = (v: JsonValue | undefined): v is { readonly [key: string]: JsonValue } => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    for (let i = 0; i < before.length; i++) {
      const found = firstDifference(before[i] as JsonValue, after[i] as JsonValue, `${path}[${i}]`);
      if (found) return found;
    }
  }
  if (isObject(before) && isObject(after)) {
    for (const key of union(before, after)) {
      const found = firstDifference(before[key], after[key], path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return { path: path || '(whole entry)', before, after };
}

function same(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return a === undefined || b === undefined ? a === b : canonicalJson(a) === canonicalJson(b);
}

function union(a: object | undefined, b: object | undefined): string[] {
  return [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])].sort();
}

function show(value: JsonValue | undefined): string {
  if (value === undefined) return '(absent)';
  const text = canonicalJson(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Facts with no entry: "no fact without its entry", checked kind by kind. */
async function unloggedFacts(db: SqlRunner): Promise<AuditProblem[]> {
  const problems: AuditProblem[] = [];
  for (const kind of LEDGER_ENTRY_KINDS) {
    const builder = FACT_BUILDERS[kind];
    const rows = (await db.query(
      `SELECT s.id FROM ${builder.subjectTable} s WHERE ${builder.factCondition}
          AND NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.kind = $1 AND e.subject_id = s.id)
        ORDER BY s.id LIMIT 20`,
      [kind],
    )) as Array<{ id: string }>;
    for (const row of rows) {
      problems.push({ code: 'FACT_NOT_LOGGED', message: `the ${builder.subjectTable} row ${row.id} is a ${kind} with no ledger entry, so it was written around the ledger` });
    }
  }
  return problems;
}

async function checkHeads(db: SqlRunner, tree: MerkleTree, options: AuditOptions, problems: AuditProblem[]): Promise<{ checked: number; latest: number | null }> {
  const heads = (await db.query(`SELECT tree_size, root_hash, checkpoint_note FROM ledger_tree_heads ORDER BY tree_size`)) as Array<{ tree_size: string; root_hash: Buffer; checkpoint_note: string }>;
  let previous: Checkpoint | null = null;
  let origin = options.expectedOrigin;
  for (const head of heads) {
    const size = Number(head.tree_size);
    const at = { treeSize: size };
    const verified = verifyWithAny(head.checkpoint_note, options.verifierKeys);
    if (!verified.valid) {
      problems.push({ ...at, code: 'HEAD_BAD_SIGNATURE', message: `tree head of size ${size}: ${verified.message} (${verified.reason}), so it was forged or altered` });
      continue;
    }
    const { checkpoint } = verified;
    origin ??= checkpoint.origin;
    if (checkpoint.origin !== origin) {
      problems.push({ ...at, code: 'HEAD_ORIGIN_CHANGED', message: `tree head of size ${size} is for the log ${checkpoint.origin}, not ${origin}` });
      continue;
    }
    if (checkpoint.treeSize !== size || !bytesEqual(checkpoint.rootHash, new Uint8Array(head.root_hash))) {
      problems.push({ ...at, code: 'HEAD_MISMATCH', message: `tree head of size ${size}: its stored size or root differs from what its signed note says` });
      continue;
    }
    if (size > tree.size) {
      problems.push({ ...at, code: 'HEAD_BEYOND_LOG', message: `tree head of size ${size} was signed, but the log has only ${tree.size} entries, so entries were deleted after it was signed` });
      continue;
    }
    if (!bytesEqual(tree.rootHash(size), checkpoint.rootHash)) {
      const since = previous ? ` (entries ${previous.treeSize}..${size - 1}, or earlier ones)` : '';
      problems.push({ ...at, code: 'HEAD_MISMATCH', message: `tree head of size ${size} does not match the stored log: entries it covers${since} were changed, removed or reordered after it was signed` });
      continue;
    }
    if (previous) {
      const consistent = verifyConsistency({ fromSize: previous.treeSize, toSize: size, fromRoot: previous.rootHash, toRoot: checkpoint.rootHash, proof: tree.consistencyProof(previous.treeSize, size) });
      if (!consistent.valid) problems.push({ ...at, code: 'HEAD_INCONSISTENT', message: `tree heads of size ${previous.treeSize} and ${size} are not consistent: ${consistent.message}` });
    }
    previous = checkpoint;
  }
  return { checked: heads.length, latest: heads.length ? Number(heads[heads.length - 1].tree_size) : null };
}

function verifyWithAny(note: string, keys: readonly string[]) {
  let result = verifyCheckpoint(note, keys[0]);
  for (const key of keys.slice(1)) {
    if (result.valid) break;
    result = verifyCheckpoint(note, key);
  }
  return result;
}

/** One line for people: "ok …" or the first problem. */
export function formatAuditSummary(report: AuditReport): string {
  if (report.ok) {
    const signed = report.latestSignedSize === null ? 'no signed tree head yet' : `latest signed tree head of size ${report.latestSignedSize}`;
    return `ok: ${report.treeSize} entries, root ${toBase64(report.rootHash)}; ${report.headsChecked} tree heads checked, ${signed}`;
  }
  const [first] = report.problems;
  const more = report.problems.length > 1 ? ` (and ${report.problems.length - 1} more)` : '';
  return `FAILED: ${first.message}${more}`;
}
