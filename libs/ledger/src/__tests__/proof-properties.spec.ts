import fc from 'fast-check';

import { bytesEqual } from '../core/bytes';
import { hashLeaf } from '../hashing';
import { MerkleTree } from '../merkle-tree';
import { verifyConsistency, verifyInclusion } from '../proofs';
import { sampleLeafData } from './support/reference-merkle';

const MAX_SIZE = 300;
const tree = MerkleTree.fromLeafData(sampleLeafData(MAX_SIZE));
const RUNS = { numRuns: 1000, seed: 20240913 };

const hash32 = fc.uint8Array({ minLength: 32, maxLength: 32 });
/** A tree size and a leaf index inside it. */
const leafInTree = fc.integer({ min: 1, max: MAX_SIZE }).chain((treeSize) =>
  fc.record({ treeSize: fc.constant(treeSize), leafIndex: fc.integer({ min: 0, max: treeSize - 1 }) }),
);
/** Two tree sizes m < n. */
const sizePair = fc
  .tuple(fc.integer({ min: 1, max: MAX_SIZE }), fc.integer({ min: 1, max: MAX_SIZE }))
  .filter(([a, b]) => a !== b)
  .map(([a, b]) => ({ fromSize: Math.min(a, b), toSize: Math.max(a, b) }));

const inclusionCase = ({ leafIndex, treeSize }: { leafIndex: number; treeSize: number }) => ({
  leafHash: tree.leafHash(leafIndex),
  leafIndex,
  treeSize,
  proof: tree.inclusionProof(leafIndex, treeSize),
  rootHash: tree.rootHash(treeSize),
});

const consistencyCase = ({ fromSize, toSize }: { fromSize: number; toSize: number }) => ({
  fromSize,
  toSize,
  fromRoot: tree.rootHash(fromSize),
  toRoot: tree.rootHash(toSize),
  proof: tree.consistencyProof(fromSize, toSize),
});

describe('inclusion proof properties', () => {
  it('accepts every honest inclusion proof', () => {
    fc.assert(
      fc.property(leafInTree, (leaf) => verifyInclusion(inclusionCase(leaf)).valid),
      RUNS,
    );
  });

  it('rejects an inclusion proof for the wrong leaf', () => {
    fc.assert(
      fc.property(leafInTree, fc.uint8Array({ maxLength: 64 }), (leaf, otherData) => {
        const honest = inclusionCase(leaf);
        const leafHash = hashLeaf(otherData);
        fc.pre(!bytesEqual(leafHash, honest.leafHash));
        return !verifyInclusion({ ...honest, leafHash }).valid;
      }),
      RUNS,
    );
  });

  it('rejects an inclusion proof for the wrong leaf index', () => {
    fc.assert(
      fc.property(leafInTree, fc.nat({ max: 2 * MAX_SIZE }), (leaf, leafIndex) => {
        fc.pre(leafIndex !== leaf.leafIndex);
        return !verifyInclusion({ ...inclusionCase(leaf), leafIndex }).valid;
      }),
      RUNS,
    );
  });

  it('rejects an inclusion proof checked against a tree head of another size', () => {
    fc.assert(
      fc.property(leafInTree, fc.integer({ min: 1, max: MAX_SIZE }), (leaf, treeSize) => {
        fc.pre(treeSize !== leaf.treeSize);
        // A tree head binds size and root together, so the other size comes with its own root.
        return !verifyInclusion({ ...inclusionCase(leaf), treeSize, rootHash: tree.rootHash(treeSize) }).valid;
      }),
      RUNS,
    );
  });

  it('rejects an inclusion proof against the wrong root', () => {
    fc.assert(
      fc.property(leafInTree, hash32, (leaf, rootHash) => !verifyInclusion({ ...inclusionCase(leaf), rootHash }).valid),
      RUNS,
    );
  });

  it('rejects an inclusion proof with any hash altered, dropped or added', () => {
    fc.assert(
      fc.property(leafInTree, fc.nat(), fc.nat({ max: 255 }), fc.integer({ min: 1, max: 255 }), hash32, (leaf, at, byte, mask, extra) => {
        const honest = inclusionCase(leaf);
        const proof = honest.proof;
        const tampered: Uint8Array[][] = [[...proof, extra], [extra, ...proof]];
        if (proof.length > 0) {
          const i = at % proof.length;
          const flipped = proof.map((hash) => hash.slice());
          (flipped[i] as Uint8Array)[byte % 32] ^= mask;
          tampered.push(flipped, proof.filter((_, j) => j !== i));
        }
        return tampered.every((bad) => !verifyInclusion({ ...honest, proof: bad }).valid);
      }),
      RUNS,
    );
  });
});

describe('consistency proof properties', () => {
  it('accepts every honest consistency proof', () => {
    fc.assert(
      fc.property(sizePair, (pair) => verifyConsistency(consistencyCase(pair)).valid),
      RUNS,
    );
  });

  it('rejects a consistency proof against a wrong old or new root', () => {
    fc.assert(
      fc.property(sizePair, hash32, fc.boolean(), (pair, wrong, replaceOld) => {
        const honest = consistencyCase(pair);
        const bad = replaceOld ? { ...honest, fromRoot: wrong } : { ...honest, toRoot: wrong };
        return !verifyConsistency(bad).valid;
      }),
      RUNS,
    );
  });

  it('rejects a consistency proof checked against tree heads of other sizes', () => {
    fc.assert(
      fc.property(sizePair, sizePair, (pair, other) => {
        fc.pre(pair.fromSize !== other.fromSize || pair.toSize !== other.toSize);
        const proof = tree.consistencyProof(pair.fromSize, pair.toSize);
        return !verifyConsistency({ ...consistencyCase(other), proof }).valid;
      }),
      RUNS,
    );
  });

  it('rejects a consistency proof between a tree and a different tree of the same sizes', () => {
    const forked = MerkleTree.fromLeafData(sampleLeafData(MAX_SIZE).map((data, i) => (i === 150 ? new Uint8Array([1]) : data)));
    fc.assert(
      fc.property(sizePair, (pair) => {
        fc.pre(pair.toSize > 150);
        const honest = consistencyCase(pair);
        // The log forked after the old head: the new root comes from the forked history.
        return !verifyConsistency({ ...honest, toRoot: forked.rootHash(pair.toSize) }).valid;
      }),
      RUNS,
    );
  });

  it('rejects a consistency proof with any hash altered, dropped or added', () => {
    fc.assert(
      fc.property(sizePair, fc.nat(), fc.nat({ max: 255 }), fc.integer({ min: 1, max: 255 }), hash32, (pair, at, byte, mask, extra) => {
        const honest = consistencyCase(pair);
        const proof = honest.proof;
        const i = at % proof.length;
        const flipped = proof.map((hash) => hash.slice());
        (flipped[i] as Uint8Array)[byte % 32] ^= mask;
        const tampered = [[...proof, extra], [extra, ...proof], flipped, proof.filter((_, j) => j !== i)];
        return tampered.every((bad) => !verifyConsistency({ ...honest, proof: bad }).valid);
      }),
      RUNS,
    );
  });
});
