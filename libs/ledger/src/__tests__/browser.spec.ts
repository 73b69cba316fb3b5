import * as browser from '../browser';
import { fromHex, toHex } from '../core/bytes';
import { encodeVerifierKey } from '../core/signed-note';
import { signCheckpoint } from '../checkpoint';
import { buildLedgerLeaf } from '../entry';
import { hashLeaf } from '../hashing';
import { signerKeyFromSeed } from '../keys';
import { MerkleTree } from '../merkle-tree';
import { verifyConsistency, verifyInclusion } from '../proofs';
import { seededRandom } from './support/reference-merkle';
import { SUMDB_CHECKPOINT, SUMDB_VERIFIER_KEY } from './support/note-vectors';
import { CONSISTENCY_VECTORS, INCLUSION_VECTORS, VECTOR_LEAVES, VECTOR_ROOTS } from './support/rfc6962-vectors';

const ORIGIN = 'assay.example/ledger';
const SALT = 'ab'.repeat(16);
const logKey = signerKeyFromSeed(ORIGIN, fromHex('33'.repeat(32)));
const vkey = encodeVerifierKey(logKey);

// A small log of real entries, as the server would hold it.
const entries = Array.from({ length: 37 }, (_, i) =>
  buildLedgerLeaf({ kind: 'verdict', subjectId: `verdict-${i}`, publicFields: { outcome: i % 3 === 0 ? 'verified' : 'partially_verified' }, salt: SALT }),
);
const log = new MerkleTree(entries.map((entry) => entry.leafHash));
const note = signCheckpoint({ origin: ORIGIN, treeSize: log.size, rootHash: log.rootHash() }, logKey);

describe('browser build (WebCrypto)', () => {
  it('hashes leaves and nodes exactly like the Node build', async () => {
    expect(toHex(await browser.hashLeaf(new Uint8Array()))).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
    expect(toHex(await browser.hashLeaf(VECTOR_LEAVES[7] as Uint8Array))).toBe(toHex(hashLeaf(VECTOR_LEAVES[7] as Uint8Array)));
  });

  it('verifies the published RFC 6962 inclusion and consistency proofs', async () => {
    for (const v of INCLUSION_VECTORS) {
      const leafHash = await browser.hashLeaf(VECTOR_LEAVES[v.leafIndex] as Uint8Array);
      const input = { leafHash, leafIndex: v.leafIndex, treeSize: v.treeSize, proof: v.proof, rootHash: VECTOR_ROOTS[v.treeSize - 1] as Uint8Array };
      expect(await browser.verifyInclusion(input)).toEqual({ valid: true });
    }
    for (const v of CONSISTENCY_VECTORS) {
      const input = {
        fromSize: v.fromSize,
        toSize: v.toSize,
        fromRoot: VECTOR_ROOTS[v.fromSize - 1] as Uint8Array,
        toRoot: VECTOR_ROOTS[v.toSize - 1] as Uint8Array,
        proof: v.proof,
      };
      expect(await browser.verifyConsistency(input)).toEqual({ valid: true });
    }
  });

  it('agrees with the Node verifiers on honest and tampered proofs', async () => {
    const random = seededRandom(42);
    const disagreements: string[] = [];
    for (let round = 0; round < 200; round++) {
      const treeSize = 1 + random(log.size);
      const leafIndex = random(treeSize);
      const proof = log.inclusionProof(leafIndex, treeSize);
      const tampered = round % 2 === 1 && proof.length > 0 ? proof.map((h, i) => (i === round % proof.length ? h.map((b) => b ^ 1) : h)) : proof;
      const inclusion = { leafHash: log.leafHash(leafIndex), leafIndex, treeSize, proof: tampered, rootHash: log.rootHash(treeSize) };
      if ((await browser.verifyInclusion(inclusion)).valid !== verifyInclusion(inclusion).valid) disagreements.push(`inclusion ${leafIndex}/${treeSize}`);

      const fromSize = 1 + random(treeSize);
      const consistency = {
        fromSize,
        toSize: treeSize,
        fromRoot: log.rootHash(fromSize),
        toRoot: round % 3 === 2 ? log.rootHash(fromSize) : log.rootHash(treeSize),
        proof: log.consistencyProof(fromSize, treeSize),
      };
      if ((await browser.verifyConsistency(consistency)).valid !== verifyConsistency(consistency).valid) {
        disagreements.push(`consistency ${fromSize}->${treeSize}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('verifies a checkpoint signed by the Node build with WebCrypto Ed25519', async () => {
    const result = await browser.verifyCheckpoint(note, vkey, { expectedOrigin: ORIGIN });
    expect(result).toMatchObject({ valid: true, checkpoint: { origin: ORIGIN, treeSize: 37 } });
  });

  it('verifies a real checkpoint from the Go checksum database', async () => {
    expect((await browser.verifyCheckpoint(SUMDB_CHECKPOINT, SUMDB_VERIFIER_KEY)).valid).toBe(true);
  });

  it('rejects a checkpoint whose tree size was changed after signing', async () => {
    const tampered = note.replace('\n37\n', '\n36\n');
    expect(await browser.verifyCheckpoint(tampered, vkey)).toMatchObject({ valid: false, reason: 'BAD_SIGNATURE' });
  });

  it('rejects a verifier key whose key hash does not match', async () => {
    const wrongHash = vkey.replace(/\+[0-9a-f]{8}\+/, '+00000000+');
    await expect(browser.decodeVerifierKey(wrongHash)).rejects.toMatchObject({ code: 'KEY_HASH_MISMATCH' });
    expect(await browser.verifyCheckpoint(note, wrongHash)).toMatchObject({ valid: false, reason: 'MALFORMED_VERIFIER_KEY' });
  });

  it('proves an entry is in the log the signed tree head describes', async () => {
    const leafIndex = 20;
    const result = await browser.verifyEntryInclusion({
      checkpointNote: note,
      verifierKey: vkey,
      entry: (entries[leafIndex] as { canonicalJson: string }).canonicalJson,
      leafIndex,
      proof: log.inclusionProof(leafIndex),
      expectedOrigin: ORIGIN,
    });
    expect(result).toMatchObject({ valid: true, checkpoint: { treeSize: 37 } });
  });

  it('rejects an entry that was edited after it was logged', async () => {
    const leafIndex = 20;
    const edited = (entries[leafIndex] as { canonicalJson: string }).canonicalJson.replace('partially_verified', 'verified');
    const result = await browser.verifyEntryInclusion({
      checkpointNote: note,
      verifierKey: vkey,
      entry: edited,
      leafIndex,
      proof: log.inclusionProof(leafIndex),
    });
    expect(result).toMatchObject({ valid: false, stage: 'inclusion', reason: 'ROOT_MISMATCH' });
  });

  it('rejects an entry checked against a tree head from another key', async () => {
    const otherKey = signerKeyFromSeed(ORIGIN, fromHex('44'.repeat(32)));
    const result = await browser.verifyEntryInclusion({
      checkpointNote: note,
      verifierKey: encodeVerifierKey(otherKey),
      entry: (entries[0] as { canonicalJson: string }).canonicalJson,
      leafIndex: 0,
      proof: log.inclusionProof(0),
    });
    expect(result).toMatchObject({ valid: false, stage: 'checkpoint', reason: 'UNKNOWN_SIGNER' });
  });
});
