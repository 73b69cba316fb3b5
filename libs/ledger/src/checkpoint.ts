// Signed tree heads as C2SP tlog-checkpoint notes, signed and checked with node:crypto.

import { utf8Encode } from './core/bytes';
import { LedgerFormatError } from './core/errors';
import {
  acceptVerifiedCheckpoint,
  type Checkpoint,
  checkpointFailure,
  type CheckpointVerification,
  type CheckpointVerificationOptions,
  formatCheckpointBody,
  formatSignatureLine,
  prepareCheckpointVerification,
  type SignerKey,
  type VerifierKey,
} from './core/signed-note';
import { decodeVerifierKey, ed25519Sign, ed25519Verify } from './keys';

/** Signs note text (non-empty, newline-terminated, no control characters) and returns the signed note. */
export function signNote(text: string, key: SignerKey): string {
  if (text.length === 0 || !text.endsWith('\n') || /[\u0000-\u0009\u000b-\u001f]/.test(text)) {
    throw new LedgerFormatError('MALFORMED_NOTE', 'note text must be non-empty, end with a newline and have no control characters');
  }
  const signature = ed25519Sign(key, utf8Encode(text));
  return `${text}\n${formatSignatureLine(key.name, key.keyHash, signature)}`;
}

/** Signs a checkpoint and returns the note: origin, size and base64 root lines, a blank line, the signature line. */
export function signCheckpoint(checkpoint: Checkpoint, key: SignerKey): string {
  return signNote(formatCheckpointBody(checkpoint), key);
}

/**
 * Verifies a checkpoint note against a verifier key (object or vkey string).
 * Signatures by other keys (witness cosignatures) are ignored; every signature
 * line bearing this key's name and hash must verify. Never throws.
 */
export function verifyCheckpoint(
  note: string,
  verifier: VerifierKey | string,
  options: CheckpointVerificationOptions = {},
): CheckpointVerification {
  let key: VerifierKey;
  try {
    key = typeof verifier === 'string' ? decodeVerifierKey(verifier) : verifier;
  } catch (error) {
    return checkpointFailure('MALFORMED_VERIFIER_KEY', error instanceof Error ? error.message : 'unreadable verifier key');
  }
  const prepared = prepareCheckpointVerification(note, key);
  if (!prepared.ok) return prepared.failure;
  const { checkpoint, message, signatures } = prepared.toVerify;
  if (!signatures.every((signature) => ed25519Verify(key.publicKey, message, signature))) {
    return checkpointFailure('BAD_SIGNATURE', `signature by ${key.name} does not verify`);
  }
  return acceptVerifiedCheckpoint(checkpoint, options);
}
