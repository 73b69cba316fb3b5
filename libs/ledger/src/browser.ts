// @assay/ledger for the browser: verification on WebCrypto (globalThis.crypto.subtle)
// and Uint8Array only. This file and everything it imports must stay free of
// Node built-ins (a unit test walks the import graph to enforce it). The proof
// algorithms are the same code the Node build runs (core/rfc9162.ts), folded
// here over promises.

import { concatBytes, utf8Encode } from './core/bytes';
import { LedgerFormatError } from './core/errors';
import {
  type ConsistencyProofInput,
  foldConsistency,
  foldInclusion,
  type InclusionProofInput,
  judgeConsistency,
  judgeInclusion,
  prepareConsistency,
  prepareInclusion,
  type ProofFailureReason,
  type ProofVerification,
} from './core/rfc9162';
import {
  acceptVerifiedCheckpoint,
  type Checkpoint,
  checkpointFailure,
  type CheckpointFailureReason,
  type CheckpointVerification,
  type CheckpointVerificationOptions,
  decodeVerifierKeyFields,
  keyHashFromDigest,
  keyHashInput,
  prepareCheckpointVerification,
  type VerifierKey,
} from './core/signed-note';

export { EMPTY_ROOT_HASH } from './core/rfc9162';
export type {
  ConsistencyProofInput,
  InclusionProofInput,
  ProofFailureReason,
  ProofVerification,
} from './core/rfc9162';
export { encodeVerifierKey, parseCheckpoint } from './core/signed-note';
export type {
  Checkpoint,
  CheckpointFailureReason,
  CheckpointVerification,
  CheckpointVerificationOptions,
  NoteSignature,
  ParsedCheckpoint,
  VerifierKey,
} from './core/signed-note';
export { fromBase64, fromHex, toBase64, toHex, utf8Encode } from './core/bytes';
export { LedgerFormatError, type LedgerErrorCode } from './core/errors';

type AsyncHash = Promise<Uint8Array>;

/** SHA-256 of the concatenated parts, via WebCrypto. */
export async function sha256(...parts: readonly Uint8Array[]): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest('SHA-256', concatBytes(...parts)));
}

/** RFC 9162 leaf hash: SHA-256(0x00 ‖ data). */
export function hashLeaf(data: Uint8Array): Promise<Uint8Array> {
  return sha256(new Uint8Array([0x00]), data);
}

/** RFC 9162 interior node hash: SHA-256(0x01 ‖ left ‖ right). */
export function hashChildren(left: Uint8Array, right: Uint8Array): Promise<Uint8Array> {
  return sha256(new Uint8Array([0x01]), left, right);
}

/** Verifies an RFC 9162 §2.1.3.2 inclusion proof of a leaf hash in the tree of the given size and root. */
export async function verifyInclusion(input: InclusionProofInput): Promise<ProofVerification> {
  const prepared = prepareInclusion(input);
  if ('decided' in prepared) return prepared.decided;
  const root = foldInclusion(prepared.steps, Promise.resolve(input.leafHash), input.proof.map(lift), combineAsync);
  return judgeInclusion(await root, input.rootHash);
}

/** Verifies an RFC 9162 §2.1.4.2 consistency proof that the tree at toSize extends the tree at fromSize. */
export async function verifyConsistency(input: ConsistencyProofInput): Promise<ProofVerification> {
  const prepared = prepareConsistency(input);
  if ('decided' in prepared) return prepared.decided;
  const { path, steps } = prepared.steps;
  const roots = foldConsistency(steps, path.map(lift), combineAsync);
  const [fromRoot, toRoot] = await Promise.all([roots.fromRoot, roots.toRoot]);
  return judgeConsistency({ fromRoot, toRoot }, input);
}

/** Decodes `<name>+<hex key hash>+<base64(0x01 ‖ public key)>`, checking the key hash; rejects with LedgerFormatError. */
export async function decodeVerifierKey(vkey: string): Promise<VerifierKey> {
  const key = decodeVerifierKeyFields(vkey);
  if (keyHashFromDigest(await sha256(keyHashInput(key.name, key.publicKey))) !== key.keyHash) {
    throw new LedgerFormatError('KEY_HASH_MISMATCH', 'verifier key hash does not match its name and public key');
  }
  return key;
}

/**
 * Verifies a checkpoint note against a verifier key (object or vkey string)
 * with WebCrypto Ed25519. Resolves to a result for any input; rejects only when
 * the browser lacks Ed25519 in WebCrypto (NotSupportedError).
 */
export async function verifyCheckpoint(
  note: string,
  verifier: VerifierKey | string,
  options: CheckpointVerificationOptions = {},
): Promise<CheckpointVerification> {
  let key: VerifierKey;
  try {
    key = typeof verifier === 'string' ? await decodeVerifierKey(verifier) : verifier;
  } catch (error) {
    return checkpointFailure('MALFORMED_VERIFIER_KEY', error instanceof Error ? error.message : 'unreadable verifier key');
  }
  const prepared = prepareCheckpointVerification(note, key);
  if (!prepared.ok) return prepared.failure;
  const { checkpoint, message, signatures } = prepared.toVerify;
  for (const signature of signatures) {
    if (!(await ed25519Verify(key.publicKey, message, signature))) {
      return checkpointFailure('BAD_SIGNATURE', `signature by ${key.name} does not verify`);
    }
  }
  return acceptVerifiedCheckpoint(checkpoint, options);
}

/** What the web app holds to check one ledger entry: the signed tree head and the entry's inclusion proof in it. */
export interface EntryInclusionInput {
  /** The checkpoint note as served by /ledger/checkpoint. */
  readonly checkpointNote: string;
  /** The log's published verifier key (vkey string or decoded). */
  readonly verifierKey: VerifierKey | string;
  /** The entry exactly as served by /ledger/entries/:index (canonical JSON text or its UTF-8 bytes). */
  readonly entry: string | Uint8Array;
  readonly leafIndex: number;
  /** The proof from /ledger/inclusion?index=leafIndex&size=<the checkpoint's tree size>. */
  readonly proof: readonly Uint8Array[];
  readonly expectedOrigin?: string;
}

/** Outcome of checking an entry against a signed tree head. */
export type EntryInclusionVerification =
  | { readonly valid: true; readonly checkpoint: Checkpoint; readonly leafHash: Uint8Array }
  | {
      readonly valid: false;
      readonly stage: 'checkpoint' | 'inclusion';
      readonly reason: CheckpointFailureReason | ProofFailureReason;
      readonly message: string;
    };

/** Checks the checkpoint's signature, then that the entry is leaf `leafIndex` of the tree it signs. */
export async function verifyEntryInclusion(input: EntryInclusionInput): Promise<EntryInclusionVerification> {
  const options = input.expectedOrigin === undefined ? {} : { expectedOrigin: input.expectedOrigin };
  const signed = await verifyCheckpoint(input.checkpointNote, input.verifierKey, options);
  if (!signed.valid) return { valid: false, stage: 'checkpoint', reason: signed.reason, message: signed.message };
  const { checkpoint } = signed;
  const leafHash = await hashLeaf(typeof input.entry === 'string' ? utf8Encode(input.entry) : input.entry);
  const included = await verifyInclusion({
    leafHash,
    leafIndex: input.leafIndex,
    treeSize: checkpoint.treeSize,
    proof: input.proof,
    rootHash: checkpoint.rootHash,
  });
  if (!included.valid) return { valid: false, stage: 'inclusion', reason: included.reason, message: included.message };
  return { valid: true, checkpoint, leafHash };
}

function subtle(): SubtleCrypto {
  const api = globalThis.crypto?.subtle;
  if (api === undefined) throw new Error('WebCrypto is unavailable (it needs a secure context: https or localhost)');
  return api;
}

function lift(hash: Uint8Array): AsyncHash {
  return Promise.resolve(hash);
}

async function combineAsync(left: AsyncHash, right: AsyncHash): AsyncHash {
  const [l, r] = await Promise.all([left, right]);
  return hashChildren(l, r);
}

async function ed25519Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
  let key: CryptoKey;
  try {
    key = await subtle().importKey('raw', toArrayBuffer(publicKey), { name: 'Ed25519' }, false, ['verify']);
  } catch (error) {
    if (error instanceof Error && error.name === 'NotSupportedError') throw error;
    return false;
  }
  return subtle().verify({ name: 'Ed25519' }, key, toArrayBuffer(signature), toArrayBuffer(message));
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy.buffer;
}
