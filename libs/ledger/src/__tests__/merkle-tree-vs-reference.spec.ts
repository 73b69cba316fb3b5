import { bytesEqual, toHex } from '../core/bytes';
import { LedgerFormatError } from '../core/errors';
import { MerkleTree } from '../merkle-tree';
import { verifyConsistency, verifyInclusion } from '../proofs';
import { ReferenceMerkle, sampleLeafData, seededRandom } from './support/reference-merkle';

const MAX_SIZE = 600;
const EXHAUSTIVE_INCLUSION_MAX_SIZE = 130;
const EXHAUSTIVE_CONSISTENCY_MAX_SIZE = 64;

const data = sampleLeafData(MAX_SIZE);
const reference = new ReferenceMerkle(data);
const tree = MerkleTree.fromLeafData(data);
const hex = (hashes: readonly Uint8Array[]): string[] => hashes.map(toHex);
const sameHashes = (a: readonly Uint8Array[], b: readonly Uint8Array[]): boolean =>
  a.length === b.length && a.every((hash, i) => bytesEqual(hash, b[i] as Uint8Array));

// The exhaustive loops collect mismatches and assert once: calling expect() per
// proof would dominate the run time.

describe(`${MerkleTree.name} against the recursive RFC 9162 definitions`, () => {
  it(`computes MTH for every tree size 1..${MAX_SIZE}, at the size and as a past size of a larger tree`, () => {
    const incremental = new MerkleTree();
    const mismatches: number[] = [];
    for (let size = 1; size <= MAX_SIZE; size++) {
      incremental.append(reference.leafHash(size - 1));
      const expected = reference.mth(0, size);
      if (!bytesEqual(incremental.rootHash(), expected) || !bytesEqual(tree.rootHash(size), expected)) mismatches.push(size);
    }
    expect(mismatches).toEqual([]);
  });

  it(`builds and verifies PATH for every leaf of every size 1..${EXHAUSTIVE_INCLUSION_MAX_SIZE}`, () => {
    const failures: string[] = [];
    for (let size = 1; size <= EXHAUSTIVE_INCLUSION_MAX_SIZE; size++) {
      for (let leafIndex = 0; leafIndex < size; leafIndex++) failures.push(...checkInclusion(leafIndex, size));
    }
    expect(failures).toEqual([]);
  });

  it(`builds and verifies PATH for the edge and sampled leaves of every size ${EXHAUSTIVE_INCLUSION_MAX_SIZE + 1}..${MAX_SIZE}`, () => {
    const random = seededRandom(9162);
    const failures: string[] = [];
    for (let size = EXHAUSTIVE_INCLUSION_MAX_SIZE + 1; size <= MAX_SIZE; size++) {
      const leaves = new Set([0, 1, size >> 1, size - 2, size - 1, random(size), random(size), random(size)]);
      for (const leafIndex of leaves) failures.push(...checkInclusion(leafIndex, size));
    }
    expect(failures).toEqual([]);
  });

  it(`builds and verifies PROOF for every pair 1 <= m <= n <= ${EXHAUSTIVE_CONSISTENCY_MAX_SIZE}`, () => {
    const failures: string[] = [];
    for (let toSize = 1; toSize <= EXHAUSTIVE_CONSISTENCY_MAX_SIZE; toSize++) {
      for (let fromSize = 1; fromSize <= toSize; fromSize++) failures.push(...checkConsistency(fromSize, toSize));
    }
    expect(failures).toEqual([]);
  });

  it(`builds and verifies PROOF for 3000 sampled pairs up to ${MAX_SIZE}, powers of two included`, () => {
    const random = seededRandom(6962);
    const pairs: [number, number][] = [];
    for (let power = 1; power < MAX_SIZE; power *= 2) {
      pairs.push([power, MAX_SIZE], [power, power + 1], [power - 1 || 1, power], [power + 1, Math.min(MAX_SIZE, 2 * power + 1)]);
    }
    while (pairs.length < 3000) {
      const a = 1 + random(MAX_SIZE);
      const b = 1 + random(MAX_SIZE);
      pairs.push([Math.min(a, b), Math.max(a, b)]);
    }
    expect(pairs.flatMap(([fromSize, toSize]) => checkConsistency(fromSize, toSize))).toEqual([]);
  });

  it('answers the same proofs whether built incrementally or from a prefix', () => {
    const prefix = MerkleTree.fromLeafData(data.slice(0, 77));
    expect(hex(prefix.inclusionProof(40))).toEqual(hex(tree.inclusionProof(40, 77)));
    expect(hex(prefix.consistencyProof(13))).toEqual(hex(tree.consistencyProof(13, 77)));
    expect(toHex(prefix.leafHash(76))).toBe(toHex(reference.leafHash(76)));
  });

  it('keeps its cache intact when callers write into hashes they passed in or got back', () => {
    const leafHashes = Array.from({ length: 8 }, (_, i) => Buffer.from(reference.leafHash(i)));
    const small = new MerkleTree(leafHashes);
    const root = toHex(small.rootHash());
    leafHashes.forEach((hash) => hash.fill(0));
    small.rootHash().fill(0);
    small.inclusionProof(3).forEach((hash) => hash.fill(0));
    small.leafHash(0).fill(0);
    expect(toHex(small.rootHash())).toBe(root);
    expect(root).toBe(toHex(reference.mth(0, 8)));
  });

  it('gives an empty consistency proof from the empty tree and between equal sizes', () => {
    expect(tree.consistencyProof(0, 10)).toEqual([]);
    expect(tree.consistencyProof(10, 10)).toEqual([]);
  });

  it.each([
    ['a leaf index at the tree size', () => tree.inclusionProof(5, 5)],
    ['a size beyond the tree', () => tree.rootHash(MAX_SIZE + 1)],
    ['a negative size', () => tree.rootHash(-1)],
    ['a fractional index', () => tree.inclusionProof(1.5, 10)],
    ['an old size above the new one', () => tree.consistencyProof(11, 10)],
    ['a leaf hash of the wrong length', () => new MerkleTree().append(new Uint8Array(31))],
    ['a missing leaf', () => tree.leafHash(MAX_SIZE)],
  ])('refuses %s with INVALID_ARGUMENT', (_name, call) => {
    expect(call).toThrow(LedgerFormatError);
    expect(call).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

/** Describes what went wrong with PATH(leafIndex, D[size]), or nothing. */
function checkInclusion(leafIndex: number, size: number): string[] {
  const proof = tree.inclusionProof(leafIndex, size);
  if (!sameHashes(proof, reference.path(leafIndex, 0, size))) return [`PATH(${leafIndex}, ${size}) differs from the reference`];
  const result = verifyInclusion({ leafHash: reference.leafHash(leafIndex), leafIndex, treeSize: size, proof, rootHash: reference.mth(0, size) });
  return result.valid ? [] : [`PATH(${leafIndex}, ${size}) does not verify: ${result.message}`];
}

/** Describes what went wrong with PROOF(fromSize, D[toSize]), or nothing. */
function checkConsistency(fromSize: number, toSize: number): string[] {
  const proof = tree.consistencyProof(fromSize, toSize);
  if (!sameHashes(proof, reference.consistency(fromSize, toSize))) return [`PROOF(${fromSize}, ${toSize}) differs from the reference`];
  const result = verifyConsistency({ fromSize, toSize, fromRoot: reference.mth(0, fromSize), toRoot: reference.mth(0, toSize), proof });
  return result.valid ? [] : [`PROOF(${fromSize}, ${toSize}) does not verify: ${result.message}`];
}
