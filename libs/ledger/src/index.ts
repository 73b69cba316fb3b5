// @assay/ledger (Node): the Merkle log's hashing, proofs, tree-head signing and
// canonical entries, on node:crypto. Browser code imports ./browser instead.

export { bytesEqual, fromBase64, fromHex, HASH_LENGTH, toBase64, toHex, utf8Encode } from './core/bytes';
export { type LedgerErrorCode, LedgerFormatError } from './core/errors';
export {
  type ConsistencyProofInput,
  EMPTY_ROOT_HASH,
  type InclusionProofInput,
  type ProofFailureReason,
  type ProofVerification,
} from './core/rfc9162';
export {
  type Checkpoint,
  type CheckpointFailureReason,
  type CheckpointVerification,
  type CheckpointVerificationOptions,
  encodeSignerKey,
  encodeVerifierKey,
  formatCheckpointBody,
  type NoteSignature,
  parseCheckpoint,
  type ParsedCheckpoint,
  type SignerKey,
  type VerifierKey,
} from './core/signed-note';
export { hashChildren, hashLeaf, sha256 } from './hashing';
export { verifyConsistency, verifyInclusion } from './proofs';
export { MerkleTree } from './merkle-tree';
export { computeKeyHash, decodeSignerKey, decodeVerifierKey, generateSignerKey, signerKeyFromSeed, verifierKeyOf } from './keys';
export { signCheckpoint, signNote, verifyCheckpoint } from './checkpoint';
export {
  buildLedgerLeaf,
  canonicalEntry,
  canonicalJson,
  commitPrivate,
  generateSalt,
  type JsonObject,
  type JsonValue,
  LEDGER_ENTRY_KINDS,
  LEDGER_ENTRY_VERSION,
  type LedgerEntryKind,
  type LedgerLeaf,
  type LedgerLeafInput,
  privateFieldSalt,
} from './entry';
