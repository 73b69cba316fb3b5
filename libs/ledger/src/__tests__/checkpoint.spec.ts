import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { fromHex, toBase64, toHex } from '../core/bytes';
import { LedgerFormatError } from '../core/errors';
import { encodeSignerKey, encodeVerifierKey, parseCheckpoint, type SignerKey } from '../core/signed-note';
import { signCheckpoint, signNote, verifyCheckpoint } from '../checkpoint';
import { sha256 } from '../hashing';
import { computeKeyHash, decodeSignerKey, decodeVerifierKey, generateSignerKey, signerKeyFromSeed, verifierKeyOf } from '../keys';
import { GO_NOTE_VECTOR, SUMDB_CHECKPOINT, SUMDB_VERIFIER_KEY } from './support/note-vectors';

const ORIGIN = 'assay.example/ledger';
const rootHash = sha256(new TextEncoder().encode('some tree'));
const logKey: SignerKey = signerKeyFromSeed(ORIGIN, fromHex('11'.repeat(32)));
const checkpoint = { origin: ORIGIN, treeSize: 42, rootHash };
const signed = signCheckpoint(checkpoint, logKey);

describe('note keys', () => {
  it('decodes the Go reference verifier key and recomputes its key hash', () => {
    const key = decodeVerifierKey(GO_NOTE_VECTOR.verifierKey);
    expect(key.name).toBe('PeterNeumann');
    expect(key.keyHash).toBe(0xc74f20a3);
    expect(computeKeyHash(key.name, key.publicKey)).toBe(0xc74f20a3);
    expect(encodeVerifierKey(key)).toBe(GO_NOTE_VECTOR.verifierKey);
  });

  it('decodes the Go reference signer key to the same public key', () => {
    const signer = decodeSignerKey(GO_NOTE_VECTOR.signerKey);
    expect(encodeVerifierKey(verifierKeyOf(signer))).toBe(GO_NOTE_VECTOR.verifierKey);
    expect(encodeSignerKey(signer)).toBe(GO_NOTE_VECTOR.signerKey);
  });

  it('round-trips a generated key through its signer and verifier encodings', () => {
    const key = generateSignerKey('log.example/test');
    const vkey = encodeVerifierKey(key);
    expect(vkey).toMatch(/^log\.example\/test\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}$/);
    expect(decodeVerifierKey(vkey)).toEqual(verifierKeyOf(key));
    expect(decodeSignerKey(encodeSignerKey(key))).toEqual(key);
  });

  it('rejects a verifier key whose key hash does not match', () => {
    const mangled = GO_NOTE_VECTOR.verifierKey.replace('c74f20a3', 'c74f20a4');
    expect(() => decodeVerifierKey(mangled)).toThrow(expect.objectContaining({ code: 'KEY_HASH_MISMATCH' }));
  });

  it('rejects every truncation and every single-character change of a verifier key', () => {
    const vkey = GO_NOTE_VECTOR.verifierKey;
    const accepted: string[] = [];
    for (let i = 0; i <= vkey.length; i++) {
      for (let j = i + 1; j <= vkey.length; j++) {
        if (i === 0 && j === vkey.length) continue;
        if (decodes(vkey.slice(i, j))) accepted.push(vkey.slice(i, j));
      }
    }
    for (let i = 0; i < vkey.length; i++) {
      const changed = vkey.slice(0, i) + String.fromCharCode(vkey.charCodeAt(i) + 1) + vkey.slice(i + 1);
      if (decodes(changed)) accepted.push(changed);
    }
    expect(accepted).toEqual([]);
  });

  it.each([
    ['an empty name', () => signerKeyFromSeed('', new Uint8Array(32))],
    ['a name with a space', () => signerKeyFromSeed('my log', new Uint8Array(32))],
    ['a name with a plus', () => signerKeyFromSeed('a+b', new Uint8Array(32))],
    ['a short seed', () => signerKeyFromSeed('log', new Uint8Array(31))],
    ['a signer key without its prefix', () => decodeSignerKey(GO_NOTE_VECTOR.verifierKey)],
  ])('refuses %s', (_name, call) => {
    expect(call).toThrow(LedgerFormatError);
  });
});

describe('signed notes', () => {
  it('reproduces the Go reference signature byte for byte', () => {
    const signer = decodeSignerKey(GO_NOTE_VECTOR.signerKey);
    expect(signNote(GO_NOTE_VECTOR.text, signer)).toBe(`${GO_NOTE_VECTOR.text}\n${GO_NOTE_VECTOR.signatureLine}`);
  });

  it('verifies a real checkpoint from the Go checksum database', () => {
    const result = verifyCheckpoint(SUMDB_CHECKPOINT, SUMDB_VERIFIER_KEY, { expectedOrigin: 'go.sum database tree' });
    expect(result.valid).toBe(true);
    expect(result.valid && result.checkpoint.treeSize).toBe(52544510);
  });

  it.each([
    ['an empty text', ''],
    ['a text without a final newline', 'hello'],
    ['a text with a control character', 'a\tb\n'],
  ])('refuses to sign %s', (_name, text) => {
    expect(() => signNote(text, logKey)).toThrow(expect.objectContaining({ code: 'MALFORMED_NOTE' }));
  });
});

describe('checkpoints', () => {
  it('prints the C2SP tlog-checkpoint layout', () => {
    const lines = signed.split('\n');
    expect(lines.slice(0, 4)).toEqual([ORIGIN, '42', toBase64(rootHash), '']);
    expect(lines[4]).toMatch(new RegExp(`^\u2014 ${ORIGIN.replace(/\./g, '\\.')} [A-Za-z0-9+/]{91}=$`));
    expect(lines[5]).toBe('');
    expect(lines).toHaveLength(6);
  });

  it('starts each signature with the 4-byte key hash', () => {
    const blob = Buffer.from((signed.split('\n')[4] as string).split(' ')[2] as string, 'base64');
    expect(blob.readUInt32BE(0)).toBe(logKey.keyHash);
    expect(blob).toHaveLength(68);
  });

  it('parses what it signs', () => {
    const parsed = parseCheckpoint(signed);
    expect(parsed.checkpoint).toEqual({ ...checkpoint, extensions: [] });
    expect(parsed.signatures).toHaveLength(1);
    expect(parsed.signatures[0]).toMatchObject({ name: ORIGIN, keyHash: logKey.keyHash });
  });

  it('verifies its own checkpoint with the vkey string or the key object', () => {
    expect(verifyCheckpoint(signed, encodeVerifierKey(logKey))).toEqual({ valid: true, checkpoint: { ...checkpoint, extensions: [] } });
    expect(verifyCheckpoint(signed, verifierKeyOf(logKey), { expectedOrigin: ORIGIN }).valid).toBe(true);
  });

  it('signs and verifies extension lines', () => {
    const withExtensions = signCheckpoint({ ...checkpoint, extensions: ['timestamp 1700000000'] }, logKey);
    expect(withExtensions.split('\n')[3]).toBe('timestamp 1700000000');
    const result = verifyCheckpoint(withExtensions, logKey);
    expect(result.valid && result.checkpoint.extensions).toEqual(['timestamp 1700000000']);
  });

  it.each([
    ['tree size', (note: string) => note.replace('\n42\n', '\n43\n')],
    ['root hash', (note: string) => note.replace(toBase64(rootHash), toBase64(sha256(rootHash)))],
    ['origin', (note: string) => note.replace(`${ORIGIN}\n`, 'assay.example/other\n')],
  ])('rejects a checkpoint whose %s was changed after signing', (_field, tamper) => {
    expect(verifyCheckpoint(tamper(signed), logKey)).toMatchObject({ valid: false, reason: 'BAD_SIGNATURE' });
  });

  it('rejects a checkpoint signed by another key of the same name', () => {
    const impostor = generateSignerKey(ORIGIN);
    expect(verifyCheckpoint(signCheckpoint(checkpoint, impostor), logKey)).toMatchObject({ valid: false, reason: 'UNKNOWN_SIGNER' });
  });

  it('rejects a forged signature line that carries the log key name and hash', () => {
    const impostor = signerKeyFromSeed(ORIGIN, fromHex('22'.repeat(32)));
    const forgedBlob = Buffer.from((signCheckpoint(checkpoint, impostor).split('\n')[4] as string).split(' ')[2] as string, 'base64');
    forgedBlob.writeUInt32BE(logKey.keyHash, 0);
    const forged = `${signed.split('\n\n')[0]}\n\n\u2014 ${ORIGIN} ${forgedBlob.toString('base64')}\n`;
    expect(verifyCheckpoint(forged, logKey)).toMatchObject({ valid: false, reason: 'BAD_SIGNATURE' });
  });

  it('ignores witness cosignatures by other keys', () => {
    const witness = generateSignerKey('witness.example');
    const cosigned = signNote(signed.split('\n\n')[0] + '\n', witness).split('\n\n')[1] as string;
    const note = signed + cosigned;
    expect(parseCheckpoint(note).signatures).toHaveLength(2);
    expect(verifyCheckpoint(note, logKey).valid).toBe(true);
    expect(verifyCheckpoint(note, witness).valid).toBe(true);
  });

  it('rejects a correctly signed checkpoint for an unexpected origin', () => {
    const result = verifyCheckpoint(signed, logKey, { expectedOrigin: 'assay.example/other' });
    expect(result).toMatchObject({ valid: false, reason: 'ORIGIN_MISMATCH' });
  });

  it('reports a malformed verifier key as a result, not a throw', () => {
    expect(verifyCheckpoint(signed, 'not-a-key')).toMatchObject({ valid: false, reason: 'MALFORMED_VERIFIER_KEY' });
  });

  const body = `${ORIGIN}\n42\n${toBase64(rootHash)}\n`;
  const signatureLine = signed.slice(body.length + 1);
  it.each([
    ['no blank line before the signatures', body + signatureLine, 'MALFORMED_NOTE'],
    ['no final newline', signed.slice(0, -1), 'MALFORMED_NOTE'],
    ['a signature line without the em dash', `${body}\n- ${signatureLine.slice(2)}`, 'MALFORMED_NOTE'],
    ['a signature that is not base64', `${body}\n\u2014 ${ORIGIN} not*base64\n`, 'MALFORMED_NOTE'],
    ['a carriage return', signed.replace('\n42\n', '\r\n42\n'), 'MALFORMED_NOTE'],
    ['more than 100 signatures', `${body}\n${signatureLine.repeat(101)}`, 'MALFORMED_NOTE'],
    ['a tree size with a leading zero', signed.replace('\n42\n', '\n042\n'), 'MALFORMED_CHECKPOINT'],
    ['a negative tree size', signed.replace('\n42\n', '\n-42\n'), 'MALFORMED_CHECKPOINT'],
    ['a tree size beyond 2^53', signed.replace('\n42\n', '\n9007199254740993\n'), 'MALFORMED_CHECKPOINT'],
    ['a root hash of 31 bytes', signed.replace(toBase64(rootHash), toBase64(rootHash.slice(1))), 'MALFORMED_CHECKPOINT'],
    ['an unpadded root hash', signed.replace(toBase64(rootHash), toBase64(rootHash).replace('=', '')), 'MALFORMED_CHECKPOINT'],
    ['a missing root hash line', `${ORIGIN}\n42\n\n${signatureLine}`, 'MALFORMED_CHECKPOINT'],
    ['an empty origin', signed.replace(`${ORIGIN}\n`, '\n'), 'MALFORMED_CHECKPOINT'],
  ])('rejects a note with %s', (_name, note, reason) => {
    expect(verifyCheckpoint(note, logKey)).toMatchObject({ valid: false, reason });
  });

  it.each([
    ['an origin with a newline', { ...checkpoint, origin: 'a\nb' }],
    ['a negative tree size', { ...checkpoint, treeSize: -1 }],
    ['a fractional tree size', { ...checkpoint, treeSize: 1.5 }],
    ['a short root hash', { ...checkpoint, rootHash: rootHash.slice(1) }],
    ['an empty extension line', { ...checkpoint, extensions: [''] }],
  ])('refuses to sign a checkpoint with %s', (_name, bad) => {
    expect(() => signCheckpoint(bad, logKey)).toThrow(expect.objectContaining({ code: 'MALFORMED_CHECKPOINT' }));
  });

  it('verifies the example checkpoint printed in docs/ledger.md', () => {
    const doc = readFileSync(resolve(__dirname, '../../../../docs/ledger.md'), 'utf8');
    const example = /```\n(assay\.example\/ledger\n\d+\n[^\n]+\n\n\u2014 [^\n]+\n)```/.exec(doc)?.[1];
    const exampleKey = /`(assay\.example\/ledger\+[0-9a-f]{8}\+[A-Za-z0-9+/=]+)`/.exec(doc)?.[1];
    expect(example && exampleKey && verifyCheckpoint(example, exampleKey, { expectedOrigin: ORIGIN })).toMatchObject({
      valid: true,
      checkpoint: { treeSize: 1234 },
    });
  });

  it('uses the key hash of the C2SP signed-note spec', () => {
    const preimage = Buffer.concat([Buffer.from(ORIGIN), Buffer.from([0x0a, 0x01]), Buffer.from(logKey.publicKey)]);
    expect(toHex(sha256(preimage)).slice(0, 8)).toBe(logKey.keyHash.toString(16).padStart(8, '0'));
  });
});

function decodes(vkey: string): boolean {
  try {
    decodeVerifierKey(vkey);
    return true;
  } catch {
    return false;
  }
}
