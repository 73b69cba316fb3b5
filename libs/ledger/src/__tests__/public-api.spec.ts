import {
  buildLedgerLeaf,
  decodeSignerKey,
  encodeSignerKey,
  encodeVerifierKey,
  generateSalt,
  generateSignerKey,
  MerkleTree,
  parseCheckpoint,
  signCheckpoint,
  verifyCheckpoint,
  verifyConsistency,
  verifyInclusion,
} from '../index';

describe('@assay/ledger, used the way the server and an auditor use it', () => {
  it('logs facts, publishes tree heads, and lets an auditor check inclusion and append-only growth', () => {
    // Server: the key lives in a secret as its encoded form.
    const signerKey = decodeSignerKey(encodeSignerKey(generateSignerKey('assay.example/ledger')));
    const publishedVerifierKey = encodeVerifierKey(signerKey);
    const tree = new MerkleTree();
    const log: string[] = [];
    const append = (subjectId: string, outcome: string): void => {
      const leaf = buildLedgerLeaf({ kind: 'verdict', subjectId, publicFields: { outcome }, salt: generateSalt() });
      tree.append(leaf.leafHash);
      log.push(leaf.canonicalJson);
    };
    const publish = (): string =>
      signCheckpoint({ origin: 'assay.example/ledger', treeSize: tree.size, rootHash: tree.rootHash() }, signerKey);

    append('verdict-1', 'verified');
    append('verdict-2', 'unverified');
    const seenEarlier = publish();
    append('verdict-3', 'partially_verified');
    const seenLater = publish();

    // Auditor: trusts only the published verifier key.
    const earlier = verifyCheckpoint(seenEarlier, publishedVerifierKey, { expectedOrigin: 'assay.example/ledger' });
    const later = verifyCheckpoint(seenLater, publishedVerifierKey, { expectedOrigin: 'assay.example/ledger' });
    if (!earlier.valid || !later.valid) throw new Error('tree heads should verify');

    const consistency = verifyConsistency({
      fromSize: earlier.checkpoint.treeSize,
      toSize: later.checkpoint.treeSize,
      fromRoot: earlier.checkpoint.rootHash,
      toRoot: later.checkpoint.rootHash,
      proof: tree.consistencyProof(earlier.checkpoint.treeSize, later.checkpoint.treeSize),
    });
    expect(consistency).toEqual({ valid: true });

    const inclusion = verifyInclusion({
      leafHash: tree.leafHash(1),
      leafIndex: 1,
      treeSize: later.checkpoint.treeSize,
      proof: tree.inclusionProof(1, later.checkpoint.treeSize),
      rootHash: parseCheckpoint(seenLater).checkpoint.rootHash,
    });
    expect(inclusion).toEqual({ valid: true });
    expect(log).toHaveLength(3);
  });
});
