// Ed25519 note keys on node:crypto. The encodings are the C2SP signed-note /
// golang.org/x/mod/sumdb/note ones, so Go tooling (and witnesses) can use them.

import { createPrivateKey, createPublicKey, type KeyObject, randomBytes, sign, verify } from 'node:crypto';

import { concatBytes, copyBytes, fromHex } from './core/bytes';
import { LedgerFormatError } from './core/errors';
import {
  decodeSignerKeyFields,
  decodeVerifierKeyFields,
  isValidKeyName,
  keyHashFromDigest,
  keyHashInput,
  type SignerKey,
  type VerifierKey,
} from './core/signed-note';
import { sha256 } from './hashing';

// DER headers that wrap a raw 32-byte Ed25519 seed / public key (RFC 8410).
const PKCS8_ED25519_PREFIX = fromHex('302e020100300506032b657004220420');
const SPKI_ED25519_PREFIX = fromHex('302a300506032b6570032100');

/** The note key hash: first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key), big-endian. */
export function computeKeyHash(name: string, publicKey: Uint8Array): number {
  return keyHashFromDigest(sha256(keyHashInput(name, publicKey)));
}

/** Generates a fresh Ed25519 signer key for a log; encode it with `encodeSignerKey` to store it as a secret. */
export function generateSignerKey(name: string): SignerKey {
  return signerKeyFromSeed(name, new Uint8Array(randomBytes(32)));
}

/** Derives the signer key (public key and key hash included) for a name and a 32-byte seed. */
export function signerKeyFromSeed(name: string, seed: Uint8Array): SignerKey {
  if (!isValidKeyName(name)) throw new LedgerFormatError('MALFORMED_KEY', 'key name must be non-empty, without spaces or +');
  if (seed.length !== 32) throw new LedgerFormatError('MALFORMED_KEY', 'an Ed25519 seed is 32 bytes');
  const publicDer = createPublicKey(ed25519PrivateKey(seed)).export({ format: 'der', type: 'spki' });
  const publicKey = new Uint8Array(publicDer.subarray(SPKI_ED25519_PREFIX.length));
  return { name, keyHash: computeKeyHash(name, publicKey), publicKey, seed: copyBytes(seed) };
}

/** The public half of a signer key. */
export function verifierKeyOf(key: SignerKey): VerifierKey {
  return { name: key.name, keyHash: key.keyHash, publicKey: key.publicKey };
}

/** Decodes `<name>+<hex key hash>+<base64(0x01 ‖ public key)>`, checking the key hash; throws LedgerFormatError. */
export function decodeVerifierKey(vkey: string): VerifierKey {
  const key = decodeVerifierKeyFields(vkey);
  if (computeKeyHash(key.name, key.publicKey) !== key.keyHash) {
    throw new LedgerFormatError('KEY_HASH_MISMATCH', 'verifier key hash does not match its name and public key');
  }
  return key;
}

/** Decodes `PRIVATE+KEY+<name>+<hex key hash>+<base64(0x01 ‖ seed)>`, checking the key hash; throws LedgerFormatError. */
export function decodeSignerKey(skey: string): SignerKey {
  const fields = decodeSignerKeyFields(skey);
  const key = signerKeyFromSeed(fields.name, fields.seed);
  if (key.keyHash !== fields.keyHash) {
    throw new LedgerFormatError('KEY_HASH_MISMATCH', 'signer key hash does not match its name and key');
  }
  return key;
}

/** Raw Ed25519 signature (64 bytes) of a message. */
export function ed25519Sign(key: SignerKey, message: Uint8Array): Uint8Array {
  // node:crypto's one-shot sign/verify take `null` as the digest for Ed25519.
  return new Uint8Array(sign(null, message, ed25519PrivateKey(key.seed)));
}

/** Raw Ed25519 verification; false (never a throw) for malformed keys or signatures. */
export function ed25519Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    const keyObject = createPublicKey({ key: Buffer.from(concatBytes(SPKI_ED25519_PREFIX, publicKey)), format: 'der', type: 'spki' });
    return verify(null, message, keyObject, signature);
  } catch {
    return false;
  }
}

function ed25519PrivateKey(seed: Uint8Array): KeyObject {
  return createPrivateKey({ key: Buffer.from(concatBytes(PKCS8_ED25519_PREFIX, seed)), format: 'der', type: 'pkcs8' });
}
