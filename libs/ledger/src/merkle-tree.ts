import { copyBytes, isHash } from './core/bytes';
import { LedgerFormatError } from './core/errors';
import { isPowerOfTwo, isTreeIndex, largestPowerOfTwoBelow } from './core/rfc9162';
import { hashChildren, hashLeaf, sha256 } from './hashing';

/**
 * An in-memory RFC 9162 Merkle tree over leaf hashes that answers roots and
 * proofs for the current size and for any earlier size.
 *
 * Every complete subtree (2^h leaves starting at a multiple of 2^h) is hashed
 * once, when its last leaf is appended, and kept. Any subtree the RFC's
 * definitions visit is then one cached hash or a chain of at most log2(n) of
 * them along the tree's right edge, so a root costs O(log n) hashes and a
 * proof O(log² n), however many are asked for. Memory is about 2n hashes.
 * Hashes go in and come out as copies, so callers cannot corrupt the cache.
 */
export class MerkleTree {
  /** levels[h][i] is the hash of leaves [i·2^h, (i+1)·2^h). */
  private readonly levels: Uint8Array[][] = [[]];

  constructor(leafHashes: Iterable<Uint8Array> = []) {
    for (const leafHash of leafHashes) this.append(leafHash);
  }

  /** Builds a tree from raw entries, hashing each as a leaf. */
  static fromLeafData(entries: Iterable<Uint8Array>): MerkleTree {
    const tree = new MerkleTree();
    for (const entry of entries) tree.append(hashLeaf(entry));
    return tree;
  }

  /** Number of leaves. */
  get size(): number {
    return this.leaves.length;
  }

  /** Appends a leaf hash and returns its index. */
  append(leafHash: Uint8Array): number {
    if (!isHash(leafHash)) throw new LedgerFormatError('INVALID_ARGUMENT', 'a leaf hash must be 32 bytes');
    const index = this.leaves.length;
    this.leaves.push(copyBytes(leafHash));
    // Each time the new leaf completes a pair, hash it into the level above.
    let level = 0;
    let position = index;
    while (position % 2 === 1) {
      const row = this.levels[level] as Uint8Array[];
      const parent = hashChildren(row[position - 1] as Uint8Array, row[position] as Uint8Array);
      level += 1;
      if (this.levels.length === level) this.levels.push([]);
      (this.levels[level] as Uint8Array[]).push(parent);
      position = (position - 1) / 2;
    }
    return index;
  }

  /** The leaf hash at an index. */
  leafHash(index: number): Uint8Array {
    this.assertIndex(index, this.size);
    return copyBytes(this.leaves[index] as Uint8Array);
  }

  /** RFC 9162 MTH of the first treeSize leaves (default: all). */
  rootHash(treeSize: number = this.size): Uint8Array {
    this.assertSize(treeSize);
    // MTH({}) = HASH(), the hash of the empty string.
    return treeSize === 0 ? sha256() : copyBytes(this.subtreeHash(0, treeSize));
  }

  /** RFC 9162 §2.1.3.1 inclusion proof PATH(leafIndex, D[treeSize]). */
  inclusionProof(leafIndex: number, treeSize: number = this.size): Uint8Array[] {
    this.assertSize(treeSize);
    this.assertIndex(leafIndex, treeSize);
    return this.path(leafIndex, 0, treeSize).map(copyBytes);
  }

  /** RFC 9162 §2.1.4.1 consistency proof PROOF(fromSize, D[toSize]); empty when fromSize is 0 or equals toSize. */
  consistencyProof(fromSize: number, toSize: number = this.size): Uint8Array[] {
    this.assertSize(toSize);
    if (!isTreeIndex(fromSize) || fromSize > toSize) {
      throw new LedgerFormatError('INVALID_ARGUMENT', `fromSize ${fromSize} must be an integer in 0..${toSize}`);
    }
    return fromSize === 0 ? [] : this.subproof(fromSize, 0, toSize, true).map(copyBytes);
  }

  private get leaves(): Uint8Array[] {
    return this.levels[0] as Uint8Array[];
  }

  /** PATH(m, D[start:end]). */
  private path(m: number, start: number, end: number): Uint8Array[] {
    const n = end - start;
    if (n === 1) return [];
    const k = largestPowerOfTwoBelow(n);
    return m < k
      ? [...this.path(m, start, start + k), this.subtreeHash(start + k, end)]
      : [...this.path(m - k, start + k, end), this.subtreeHash(start, start + k)];
  }

  /** SUBPROOF(m, D[start:end], b). */
  private subproof(m: number, start: number, end: number, isWholeOldTree: boolean): Uint8Array[] {
    const n = end - start;
    if (m === n) return isWholeOldTree ? [] : [this.subtreeHash(start, end)];
    const k = largestPowerOfTwoBelow(n);
    return m <= k
      ? [...this.subproof(m, start, start + k, isWholeOldTree), this.subtreeHash(start + k, end)]
      : [...this.subproof(m - k, start + k, end, false), this.subtreeHash(start, start + k)];
  }

  /** MTH(D[start:end]) for a non-empty range, from the cached complete subtrees. */
  private subtreeHash(start: number, end: number): Uint8Array {
    const n = end - start;
    if (isPowerOfTwo(n) && start % n === 0) {
      return (this.levels[log2(n)] as Uint8Array[])[start / n] as Uint8Array;
    }
    const k = largestPowerOfTwoBelow(n);
    return hashChildren(this.subtreeHash(start, start + k), this.subtreeHash(start + k, end));
  }

  private assertSize(treeSize: number): void {
    if (!isTreeIndex(treeSize) || treeSize > this.size) {
      throw new LedgerFormatError('INVALID_ARGUMENT', `tree size ${treeSize} must be an integer in 0..${this.size}`);
    }
  }

  private assertIndex(index: number, treeSize: number): void {
    if (!isTreeIndex(index) || index >= treeSize) {
      throw new LedgerFormatError('INVALID_ARGUMENT', `leaf index ${index} must be an integer in 0..${treeSize - 1}`);
    }
  }
}

function log2(powerOfTwo: number): number {
  let exponent = 0;
  for (let value = powerOfTwo; value > 1; value /= 2) exponent += 1;
  return exponent;
}
