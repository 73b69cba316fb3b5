// Ledger entries: the canonical JSON bytes that become leaves.
//
// An entry is RFC 8785 (JCS) canonical JSON, so the same fact always yields the
// same bytes and anyone can recompute its leaf hash in any language. Private
// fields never enter the log in clear: each appears as a salted SHA-256
// commitment, and the salts stay in the database.

import { createHmac, randomBytes } from 'node:crypto';

import canonicalize from 'canonicalize';

import { toHex, utf8Encode } from './core/bytes';
import { LedgerFormatError } from './core/errors';
import { hashLeaf, sha256 } from './hashing';

/** A JSON value that RFC 8785 can canonicalize exactly. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };
/** A JSON object. */
export type JsonObject = { readonly [key: string]: JsonValue };

/** The kinds of fact the ledger records. */
export const LEDGER_ENTRY_KINDS = [
  'verdict',
  'reference_answer',
  'follow_up_answer',
  'dispute',
  'dispute_resolution',
  'withdrawal',
  'client_answer',
] as const;
/** One kind of ledger fact. */
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];
/** Version of the entry layout built by `buildLedgerLeaf`. */
export const LEDGER_ENTRY_VERSION = 1;

/** Fewer than 128 bits of salt would let an outsider brute-force short private values (a yes/no answer, an email). */
const MIN_SALT_HEX_LENGTH = 32;

/** RFC 8785 canonical JSON text of a value; throws MALFORMED_ENTRY for anything JSON cannot carry exactly. */
export function canonicalJson(value: JsonValue): string {
  assertJson(value, '$', new Set());
  const text = canonicalize(value);
  if (text === undefined) throw new LedgerFormatError('MALFORMED_ENTRY', 'value has no JSON form');
  return text;
}

/** RFC 8785 canonical JSON bytes (UTF-8) of a fact object. */
export function canonicalEntry(fact: JsonObject): Uint8Array {
  return utf8Encode(canonicalJson(fact));
}

/** A fresh 256-bit salt, hex-encoded, for one entry's private fields. */
export function generateSalt(): string {
  return randomBytes(32).toString('hex');
}

/** Salted commitment to a private value: hex SHA-256 of the canonical JSON of `{salt, value}`. */
export function commitPrivate(value: JsonValue, salt: string): string {
  assertSalt(salt);
  return toHex(sha256(canonicalEntry({ salt, value })));
}

/**
 * The salt of one private field, HMAC-SHA256(entry salt, field name) in hex.
 * Separate per-field salts let the platform open one field (to an arbiter in a
 * dispute, say) by revealing its salt and value without exposing the others.
 */
export function privateFieldSalt(entrySalt: string, field: string): string {
  assertSalt(entrySalt);
  return createHmac('sha256', entrySalt).update(field, 'utf8').digest('hex');
}

/** What to log about one fact. */
export interface LedgerLeafInput {
  readonly kind: LedgerEntryKind;
  /** Id of the record the fact is about (verdict, reference response, dispute, …). */
  readonly subjectId: string;
  /** Logged in clear. */
  readonly publicFields: JsonObject;
  /** Logged only as commitments, one per field. */
  readonly privateFields?: JsonObject;
  /** Entry salt (hex, ≥ 128 bits, from `generateSalt`); keep it with the fact, never publish it. */
  readonly salt: string;
}

/** A built entry: the exact text to store and serve, and its RFC 9162 leaf hash. */
export interface LedgerLeaf {
  readonly canonicalJson: string;
  readonly leafHash: Uint8Array;
}

/**
 * Builds the canonical entry `{v, kind, subjectId, public, commitments}` where
 * `commitments[field] = commitPrivate(value, privateFieldSalt(salt, field))`,
 * and its leaf hash SHA-256(0x00 ‖ UTF-8 bytes).
 */
export function buildLedgerLeaf(input: LedgerLeafInput): LedgerLeaf {
  const { kind, subjectId, publicFields, privateFields = {}, salt } = input;
  if (!(LEDGER_ENTRY_KINDS as readonly string[]).includes(kind)) {
    throw new LedgerFormatError('MALFORMED_ENTRY', `unknown entry kind ${String(kind)}`);
  }
  if (typeof subjectId !== 'string' || subjectId.length === 0) {
    throw new LedgerFormatError('MALFORMED_ENTRY', 'subjectId must be a non-empty string');
  }
  const clash = Object.keys(privateFields).find((field) => Object.hasOwn(publicFields, field));
  if (clash !== undefined) throw new LedgerFormatError('MALFORMED_ENTRY', `field ${clash} is both public and private`);
  assertSalt(salt);
  const commitments: Record<string, JsonValue> = {};
  for (const [field, value] of Object.entries(privateFields)) {
    commitments[field] = commitPrivate(value, privateFieldSalt(salt, field));
  }
  const text = canonicalJson({ v: LEDGER_ENTRY_VERSION, kind, subjectId, public: publicFields, commitments });
  return { canonicalJson: text, leafHash: hashLeaf(utf8Encode(text)) };
}

function assertSalt(salt: string): void {
  if (typeof salt !== 'string' || salt.length < MIN_SALT_HEX_LENGTH || !/^[0-9a-f]+$/.test(salt)) {
    throw new LedgerFormatError('MALFORMED_ENTRY', `salt must be lower-case hex of at least ${MIN_SALT_HEX_LENGTH} digits`);
  }
}

// Rejects what JSON.stringify would silently drop or alter (undefined, NaN,
// Dates, class instances, lone surrogates), so an entry never means less than
// the object it was built from.
function assertJson(value: unknown, path: string, ancestors: Set<object>): void {
  switch (typeof value) {
    case 'string':
      if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value)) {
        throw new LedgerFormatError('MALFORMED_ENTRY', `${path} has a lone surrogate`);
      }
      return;
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new LedgerFormatError('MALFORMED_ENTRY', `${path} is not a finite number`);
      return;
    case 'object': {
      if (value === null) return;
      if (ancestors.has(value)) throw new LedgerFormatError('MALFORMED_ENTRY', `${path} is circular`);
      ancestors.add(value);
      if (Array.isArray(value)) {
        value.forEach((item, i) => assertJson(item, `${path}[${i}]`, ancestors));
      } else {
        const prototype: unknown = Object.getPrototypeOf(value);
        if (prototype !== null && Object.getPrototypeOf(prototype) !== null) {
          throw new LedgerFormatError('MALFORMED_ENTRY', `${path} is not a plain object`);
        }
        for (const [key, item] of Object.entries(value)) {
          assertJson(key, `${path} key`, ancestors);
          assertJson(item, `${path}.${key}`, ancestors);
        }
      }
      ancestors.delete(value);
      return;
    }
    default:
      throw new LedgerFormatError('MALFORMED_ENTRY', `${path} is ${typeof value}, which JSON cannot carry`);
  }
}
