// Text formats of the C2SP signed-note (https://c2sp.org/signed-note) and
// tlog-checkpoint (https://c2sp.org/tlog-checkpoint) specifications: parsing
// and printing only. Hashing and Ed25519 live in the Node and browser builds;
// everything here is pure so both builds share it.

import { fromBase64, fromHex, isHash, toBase64, utf8Encode } from './bytes';
import { LedgerFormatError } from './errors';
import { isTreeIndex } from './rfc9162';

/** Signature type byte for Ed25519 in note keys and key hashes. */
export const ED25519_SIGNATURE_TYPE = 0x01;
/** Every signature line starts with an em dash (U+2014) and a space. */
export const SIGNATURE_LINE_PREFIX = '\u2014 ';
/** The Go reference implementation refuses notes with more signatures than this. */
export const MAX_NOTE_SIGNATURES = 100;
const SIGNER_KEY_PREFIX = 'PRIVATE+KEY+';
const ED25519_PUBLIC_KEY_LENGTH = 32;
const ED25519_SEED_LENGTH = 32;
const ED25519_SIGNATURE_LENGTH = 64;

/** A log tree head: the body of a tlog-checkpoint note. */
export interface Checkpoint {
  /** Unique identity of the log, e.g. `assay.example/ledger`. */
  readonly origin: string;
  readonly treeSize: number;
  readonly rootHash: Uint8Array;
  /** Optional extension lines after the root hash (opaque to this library). */
  readonly extensions?: readonly string[];
}

/** A note verifier key: the public half, as in `<name>+<hex key hash>+<base64(0x01 ‖ public key)>`. */
export interface VerifierKey {
  readonly name: string;
  /** First 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key), big-endian. */
  readonly keyHash: number;
  readonly publicKey: Uint8Array;
}

/** A note signer key: the verifier key plus the 32-byte Ed25519 seed. */
export interface SignerKey extends VerifierKey {
  readonly seed: Uint8Array;
}

/** One signature line of a signed note. */
export interface NoteSignature {
  readonly name: string;
  readonly keyHash: number;
  /** The signature bytes after the 4-byte key hash. */
  readonly signature: Uint8Array;
}

/** A signed note split into its signed text (ending in a newline) and its signature lines. */
export interface SignedNote {
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

/** A parsed, not yet verified, checkpoint note. */
export interface ParsedCheckpoint extends SignedNote {
  readonly checkpoint: Checkpoint;
}

/** Why a checkpoint did not verify. */
export type CheckpointFailureReason =
  | 'MALFORMED_VERIFIER_KEY'
  | 'MALFORMED_NOTE'
  | 'MALFORMED_CHECKPOINT'
  | 'UNKNOWN_SIGNER'
  | 'BAD_SIGNATURE'
  | 'ORIGIN_MISMATCH';

/** Outcome of checking a signed checkpoint against one verifier key. */
export type CheckpointVerification =
  | { readonly valid: true; readonly checkpoint: Checkpoint }
  | { readonly valid: false; readonly reason: CheckpointFailureReason; readonly message: string };

/** Options for checkpoint verification. */
export interface CheckpointVerificationOptions {
  /** When given, a correctly signed checkpoint for any other origin is refused. */
  readonly expectedOrigin?: string;
}

/** True for a key name the spec allows: non-empty, no whitespace, no `+`. */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+]/u.test(name) && !hasLoneSurrogate(name);
}

/** The bytes whose SHA-256 gives a key hash: name ‖ 0x0A ‖ 0x01 ‖ public key. */
export function keyHashInput(name: string, publicKey: Uint8Array): Uint8Array {
  const nameBytes = utf8Encode(name);
  const out = new Uint8Array(nameBytes.length + 2 + publicKey.length);
  out.set(nameBytes, 0);
  out[nameBytes.length] = 0x0a;
  out[nameBytes.length + 1] = ED25519_SIGNATURE_TYPE;
  out.set(publicKey, nameBytes.length + 2);
  return out;
}

/** Reads the key hash (first 4 bytes, big-endian) out of a SHA-256 digest. */
export function keyHashFromDigest(digest: Uint8Array): number {
  return new DataView(digest.buffer, digest.byteOffset, 4).getUint32(0);
}

/** Decodes a verifier key's fields without checking its key hash (callers hash and compare). */
export function decodeVerifierKeyFields(vkey: string): VerifierKey {
  const [name, keyHash, keyBytes] = splitKey(vkey);
  if (keyBytes.length !== 1 + ED25519_PUBLIC_KEY_LENGTH || keyBytes[0] !== ED25519_SIGNATURE_TYPE) {
    throw new LedgerFormatError('MALFORMED_KEY', 'verifier key is not an Ed25519 note key');
  }
  return { name, keyHash, publicKey: keyBytes.slice(1) };
}

/** Decodes a signer key's name, key hash and seed (`PRIVATE+KEY+<name>+<hash>+<base64(0x01 ‖ seed)>`). */
export function decodeSignerKeyFields(skey: string): { name: string; keyHash: number; seed: Uint8Array } {
  if (!skey.startsWith(SIGNER_KEY_PREFIX)) throw new LedgerFormatError('MALFORMED_KEY', 'signer key must start with PRIVATE+KEY+');
  const [name, keyHash, keyBytes] = splitKey(skey.slice(SIGNER_KEY_PREFIX.length));
  if (keyBytes.length !== 1 + ED25519_SEED_LENGTH || keyBytes[0] !== ED25519_SIGNATURE_TYPE) {
    throw new LedgerFormatError('MALFORMED_KEY', 'signer key is not an Ed25519 note key');
  }
  return { name, keyHash, seed: keyBytes.slice(1) };
}

/** Encodes a verifier key as `<name>+<hex key hash>+<base64(0x01 ‖ public key)>`. */
export function encodeVerifierKey(key: VerifierKey): string {
  return `${key.name}+${formatKeyHash(key.keyHash)}+${toBase64(withTypeByte(key.publicKey))}`;
}

/** Encodes a signer key as `PRIVATE+KEY+<name>+<hex key hash>+<base64(0x01 ‖ seed)>`, the Go note format. */
export function encodeSignerKey(key: SignerKey): string {
  return `${SIGNER_KEY_PREFIX}${key.name}+${formatKeyHash(key.keyHash)}+${toBase64(withTypeByte(key.seed))}`;
}

/** Splits a signed note into its text and signature lines; throws MALFORMED_NOTE. */
export function parseSignedNote(note: string): SignedNote {
  if (hasLoneSurrogate(note) || /[\u0000-\u0009\u000b-\u001f]/.test(note)) {
    throw malformedNote('note contains control characters or invalid UTF-16');
  }
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw malformedNote('note has no blank line before its signatures');
  const text = note.slice(0, split + 1);
  const signatureBlock = note.slice(split + 2);
  if (signatureBlock.length === 0 || !signatureBlock.endsWith('\n')) {
    throw malformedNote('signature block must be non-empty and end with a newline');
  }
  const lines = signatureBlock.slice(0, -1).split('\n');
  if (lines.length > MAX_NOTE_SIGNATURES) throw malformedNote(`note has more than ${MAX_NOTE_SIGNATURES} signatures`);
  return { text, signatures: lines.map(parseSignatureLine) };
}

/** Formats one signature line: `— <name> <base64(key hash ‖ signature)>` and a newline. */
export function formatSignatureLine(name: string, keyHash: number, signature: Uint8Array): string {
  const blob = new Uint8Array(4 + signature.length);
  new DataView(blob.buffer).setUint32(0, keyHash);
  blob.set(signature, 4);
  return `${SIGNATURE_LINE_PREFIX}${name} ${toBase64(blob)}\n`;
}

/** Prints a checkpoint body: origin, decimal size, base64 root hash, extension lines, each newline-terminated. */
export function formatCheckpointBody(checkpoint: Checkpoint): string {
  const { origin, treeSize, rootHash } = checkpoint;
  const extensions = checkpoint.extensions ?? [];
  if (!isPlainLine(origin)) throw malformedCheckpoint('origin must be a non-empty single line');
  if (!isTreeIndex(treeSize)) throw malformedCheckpoint('tree size must be a non-negative safe integer');
  if (!isHash(rootHash)) throw malformedCheckpoint('root hash must be 32 bytes');
  if (!extensions.every(isPlainLine)) throw malformedCheckpoint('extension lines must be non-empty single lines');
  return [origin, String(treeSize), toBase64(rootHash), ...extensions].map((line) => `${line}\n`).join('');
}

/** Parses a checkpoint body (the signed text of a checkpoint note); throws MALFORMED_CHECKPOINT. */
export function parseCheckpointBody(text: string): Checkpoint {
  if (!text.endsWith('\n')) throw malformedCheckpoint('checkpoint body must end with a newline');
  const [origin, size, root, ...extensions] = text.slice(0, -1).split('\n');
  if (origin === undefined || size === undefined || root === undefined) {
    throw malformedCheckpoint('checkpoint needs origin, tree size and root hash lines');
  }
  if (origin.length === 0) throw malformedCheckpoint('origin line is empty');
  if (!/^(0|[1-9][0-9]*)$/.test(size) || !Number.isSafeInteger(Number(size))) {
    throw malformedCheckpoint('tree size must be a decimal integer without leading zeros');
  }
  let rootHash: Uint8Array;
  try {
    rootHash = fromBase64(root);
  } catch {
    throw malformedCheckpoint('root hash is not canonical base64');
  }
  if (!isHash(rootHash)) throw malformedCheckpoint('root hash must be 32 bytes');
  if (extensions.some((line) => line.length === 0)) throw malformedCheckpoint('checkpoint body has an empty line');
  return { origin, treeSize: Number(size), rootHash, extensions };
}

/** Parses a signed checkpoint note without verifying it; throws MALFORMED_NOTE or MALFORMED_CHECKPOINT. */
export function parseCheckpoint(note: string): ParsedCheckpoint {
  const signed = parseSignedNote(note);
  return { ...signed, checkpoint: parseCheckpointBody(signed.text) };
}

/** What remains for the crypto layer once a checkpoint note parsed and has signatures by the expected key. */
export interface CheckpointToVerify {
  readonly checkpoint: Checkpoint;
  /** The signed bytes: the note text, UTF-8. */
  readonly message: Uint8Array;
  /** Every signature line carrying the verifier's name and key hash; all must verify. */
  readonly signatures: readonly Uint8Array[];
}

/** Parses a checkpoint note and picks the signatures to check against the key; the pure half of verification. */
export function prepareCheckpointVerification(
  note: string,
  key: VerifierKey,
): { readonly ok: true; readonly toVerify: CheckpointToVerify } | { readonly ok: false; readonly failure: CheckpointVerification } {
  let parsed: ParsedCheckpoint;
  try {
    parsed = parseCheckpoint(note);
  } catch (error) {
    if (error instanceof LedgerFormatError) {
      const reason = error.code === 'MALFORMED_CHECKPOINT' ? 'MALFORMED_CHECKPOINT' : 'MALFORMED_NOTE';
      return { ok: false, failure: checkpointFailure(reason, error.message) };
    }
    throw error;
  }
  // Signatures by other keys (witnesses, cosigners) are ignored, as the spec asks.
  const signatures = parsed.signatures
    .filter((signature) => signature.name === key.name && signature.keyHash === key.keyHash)
    .map((signature) => signature.signature);
  if (signatures.length === 0) {
    return { ok: false, failure: checkpointFailure('UNKNOWN_SIGNER', `no signature by ${key.name}+${formatKeyHash(key.keyHash)}`) };
  }
  const malformed = signatures.some((signature) => signature.length !== ED25519_SIGNATURE_LENGTH);
  if (malformed) return { ok: false, failure: checkpointFailure('BAD_SIGNATURE', 'signature is not 64 bytes') };
  return { ok: true, toVerify: { checkpoint: parsed.checkpoint, message: utf8Encode(parsed.text), signatures } };
}

/** The final step once every signature verified: the origin check. */
export function acceptVerifiedCheckpoint(checkpoint: Checkpoint, options: CheckpointVerificationOptions = {}): CheckpointVerification {
  if (options.expectedOrigin !== undefined && checkpoint.origin !== options.expectedOrigin) {
    return checkpointFailure('ORIGIN_MISMATCH', `checkpoint is for ${checkpoint.origin}, expected ${options.expectedOrigin}`);
  }
  return { valid: true, checkpoint };
}

/** Builds a failed checkpoint verification result. */
export function checkpointFailure(reason: CheckpointFailureReason, message: string): CheckpointVerification {
  return { valid: false, reason, message };
}

/** Eight lower-case hex digits. */
export function formatKeyHash(keyHash: number): string {
  return keyHash.toString(16).padStart(8, '0');
}

function splitKey(encoded: string): [name: string, keyHash: number, keyBytes: Uint8Array] {
  // The name cannot contain '+', the hash is 8 hex digits, the key is base64 (which may contain '+').
  const firstPlus = encoded.indexOf('+');
  const name = encoded.slice(0, firstPlus);
  const hashHex = encoded.slice(firstPlus + 1, firstPlus + 9);
  const rest = encoded.slice(firstPlus + 9);
  if (firstPlus < 0 || !isValidKeyName(name) || !/^[0-9a-fA-F]{8}$/.test(hashHex) || !rest.startsWith('+')) {
    throw new LedgerFormatError('MALFORMED_KEY', 'key must look like <name>+<8 hex digits>+<base64>');
  }
  let keyBytes: Uint8Array;
  try {
    keyBytes = fromBase64(rest.slice(1));
  } catch {
    throw new LedgerFormatError('MALFORMED_KEY', 'key material is not canonical base64');
  }
  return [name, keyHashFromDigest(fromHex(hashHex)), keyBytes];
}

function parseSignatureLine(line: string): NoteSignature {
  if (!line.startsWith(SIGNATURE_LINE_PREFIX)) throw malformedNote('signature line must start with an em dash and a space');
  const body = line.slice(SIGNATURE_LINE_PREFIX.length);
  const space = body.indexOf(' ');
  const name = body.slice(0, space);
  if (space < 0 || !isValidKeyName(name)) throw malformedNote('signature line has no valid key name');
  let blob: Uint8Array;
  try {
    blob = fromBase64(body.slice(space + 1));
  } catch {
    throw malformedNote('signature is not canonical base64');
  }
  if (blob.length < 5) throw malformedNote('signature is too short');
  return { name, keyHash: keyHashFromDigest(blob), signature: blob.slice(4) };
}

function withTypeByte(key: Uint8Array): Uint8Array {
  const out = new Uint8Array(1 + key.length);
  out[0] = ED25519_SIGNATURE_TYPE;
  out.set(key, 1);
  return out;
}

function isPlainLine(line: string): boolean {
  return line.length > 0 && !/[\u0000-\u001f]/.test(line) && !hasLoneSurrogate(line);
}

function hasLoneSurrogate(text: string): boolean {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

function malformedNote(message: string): LedgerFormatError {
  return new LedgerFormatError('MALFORMED_NOTE', message);
}

function malformedCheckpoint(message: string): LedgerFormatError {
  return new LedgerFormatError('MALFORMED_CHECKPOINT', message);
}
