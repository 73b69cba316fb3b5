import { toHex, utf8Encode } from '../core/bytes';
import { EMPTY_ROOT_HASH, type ProofVerification } from '../core/rfc9162';
import { hashChildren, hashLeaf, sha256 } from '../hashing';
import { MerkleTree } from '../merkle-tree';
import { verifyConsistency, verifyInclusion } from '../proofs';
import { CONSISTENCY_VECTORS, INCLUSION_VECTORS, SOME_HASH, VECTOR_LEAVES, VECTOR_ROOTS } from './support/rfc6962-vectors';

const vectorTree = MerkleTree.fromLeafData(VECTOR_LEAVES);
const rootOf = (size: number): Uint8Array => VECTOR_ROOTS[size - 1] as Uint8Array;
const flipBit = (proof: readonly Uint8Array[], i: number, mask: number): Uint8Array[] =>
  proof.map((hash, j) => (j === i ? hash.map((byte, k) => (k === 0 ? byte ^ mask : byte)) : hash));

describe('RFC 6962 / RFC 9162 hashing vectors', () => {
  it('hashes the empty tree to SHA-256 of the empty string', () => {
    expect(toHex(EMPTY_ROOT_HASH)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(toHex(sha256())).toBe(toHex(EMPTY_ROOT_HASH));
    expect(toHex(new MerkleTree().rootHash())).toBe(toHex(EMPTY_ROOT_HASH));
  });

  it('hashes an empty leaf differently from the empty tree', () => {
    expect(toHex(hashLeaf(new Uint8Array()))).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
  });

  it('hashes a leaf as SHA-256(0x00 ‖ data)', () => {
    expect(toHex(hashLeaf(utf8Encode('L123456')))).toBe('395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56');
  });

  it('hashes an interior node as SHA-256(0x01 ‖ left ‖ right)', () => {
    expect(toHex(hashChildren(utf8Encode('N123'), utf8Encode('N456')))).toBe(
      'aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb',
    );
  });
});

describe('the 8-leaf reference tree', () => {
  it.each(VECTOR_ROOTS.map((root, i) => [i + 1, toHex(root)] as const))('has the published root for size %i', (size, root) => {
    expect(toHex(vectorTree.rootHash(size))).toBe(root);
    expect(toHex(MerkleTree.fromLeafData(VECTOR_LEAVES.slice(0, size)).rootHash())).toBe(root);
  });

  it.each(INCLUSION_VECTORS.map((v) => [v.leafIndex, v.treeSize, v] as const))(
    'generates and verifies the published inclusion proof for leaf %i of %i',
    (leafIndex, treeSize, vector) => {
      expect(vectorTree.inclusionProof(leafIndex, treeSize).map(toHex)).toEqual(vector.proof.map(toHex));
      const leafHash = hashLeaf(VECTOR_LEAVES[leafIndex] as Uint8Array);
      expect(verifyInclusion({ leafHash, leafIndex, treeSize, proof: vector.proof, rootHash: rootOf(treeSize) })).toEqual({ valid: true });
    },
  );

  it.each(CONSISTENCY_VECTORS.map((v) => [v.fromSize, v.toSize, v] as const))(
    'generates and verifies the published consistency proof from %i to %i',
    (fromSize, toSize, vector) => {
      expect(vectorTree.consistencyProof(fromSize, toSize).map(toHex)).toEqual(vector.proof.map(toHex));
      const result = verifyConsistency({ fromSize, toSize, fromRoot: rootOf(fromSize), toRoot: rootOf(toSize), proof: vector.proof });
      expect(result).toEqual({ valid: true });
    },
  );
});

// The corruptions transparency-dev/merkle applies to each known-good proof.
describe('corrupted reference proofs', () => {
  const probesFor = (v: (typeof INCLUSION_VECTORS)[number]) => {
    const leafHash = hashLeaf(VECTOR_LEAVES[v.leafIndex] as Uint8Array);
    const root = rootOf(v.treeSize);
    const base = { leafHash, leafIndex: v.leafIndex, treeSize: v.treeSize, proof: v.proof, rootHash: root };
    const probes: [string, typeof base][] = [
      ['leaf index - 1', { ...base, leafIndex: v.leafIndex - 1 }],
      ['leaf index + 1', { ...base, leafIndex: v.leafIndex + 1 }],
      ['leaf index ^ 2', { ...base, leafIndex: v.leafIndex ^ 2 }],
      ['tree size * 2', { ...base, treeSize: v.treeSize * 2 }],
      ['tree size / 2', { ...base, treeSize: Math.floor(v.treeSize / 2) }],
      ['wrong leaf', { ...base, leafHash: hashLeaf(utf8Encode('WrongLeaf')) }],
      ['empty-tree root', { ...base, rootHash: EMPTY_ROOT_HASH }],
      ['random root', { ...base, rootHash: SOME_HASH }],
      ['trailing garbage', { ...base, proof: [...v.proof, new Uint8Array()] }],
      ['trailing root', { ...base, proof: [...v.proof, root] }],
      ['preceding garbage', { ...base, proof: [new Uint8Array(), ...v.proof] }],
      ['preceding root', { ...base, proof: [root, ...v.proof] }],
      ...v.proof.map((_, i): [string, typeof base] => [`proof[${i}] bit 3 flipped`, { ...base, proof: flipBit(v.proof, i, 8) }]),
    ];
    if (v.proof.length > 0) probes.push(['removed component', { ...base, proof: v.proof.slice(0, -1) }]);
    if (v.proof.length > 1) {
      probes.push(['inserted component', { ...base, proof: [v.proof[0] as Uint8Array, SOME_HASH, ...v.proof.slice(1)] }]);
    }
    return probes;
  };

  it.each(INCLUSION_VECTORS.filter((v) => v.treeSize > 1).map((v) => [v.leafIndex, v.treeSize, v] as const))(
    'rejects every corruption of the inclusion proof for leaf %i of %i',
    (_leafIndex, _treeSize, vector) => {
      const accepted = probesFor(vector)
        .filter(([, probe]) => verifyInclusion(probe).valid)
        .map(([name]) => name);
      expect(accepted).toEqual([]);
    },
  );

  it.each(CONSISTENCY_VECTORS.filter((v) => v.proof.length > 0).map((v) => [v.fromSize, v.toSize, v] as const))(
    'rejects every corruption of the consistency proof from %i to %i',
    (fromSize, toSize, vector) => {
      const base = { fromSize, toSize, fromRoot: rootOf(fromSize), toRoot: rootOf(toSize), proof: vector.proof };
      const proof = vector.proof;
      const probes: [string, typeof base][] = [
        ['from size - 1', { ...base, fromSize: fromSize - 1 }],
        ['from size + 1', { ...base, fromSize: fromSize + 1 }],
        ['from size ^ 2', { ...base, fromSize: fromSize ^ 2 }],
        ['to size * 2', { ...base, toSize: toSize * 2 }],
        ['to size / 2', { ...base, toSize: Math.floor(toSize / 2) }],
        ['wrong old root', { ...base, fromRoot: SOME_HASH }],
        ['wrong new root', { ...base, toRoot: SOME_HASH }],
        ['swapped roots', { ...base, fromRoot: base.toRoot, toRoot: base.fromRoot }],
        ['empty proof', { ...base, proof: [] }],
        ['trailing garbage', { ...base, proof: [...proof, new Uint8Array()] }],
        ['trailing old root', { ...base, proof: [...proof, base.fromRoot] }],
        ['trailing new root', { ...base, proof: [...proof, base.toRoot] }],
        ['preceding garbage', { ...base, proof: [new Uint8Array(), ...proof] }],
        ['preceding old root', { ...base, proof: [base.fromRoot, ...proof] }],
        ['preceding new root', { ...base, proof: [base.toRoot, ...proof] }],
        ['preceding proof[0]', { ...base, proof: [proof[0] as Uint8Array, ...proof] }],
        ['truncated proof', { ...base, proof: proof.slice(0, -1) }],
        ...proof.map((_, i): [string, typeof base] => [`proof[${i}] bit 4 flipped`, { ...base, proof: flipBit(proof, i, 16) }]),
      ];
      const accepted = probes.filter(([, probe]) => verifyConsistency(probe).valid).map(([name]) => name);
      expect(accepted).toEqual([]);
    },
  );
});

describe('degenerate proofs', () => {
  const someRoot = rootOf(3);

  it('accepts the empty inclusion proof of the only leaf of a one-leaf tree', () => {
    const leafHash = hashLeaf(new Uint8Array());
    expect(verifyInclusion({ leafHash, leafIndex: 0, treeSize: 1, proof: [], rootHash: leafHash }).valid).toBe(true);
  });

  it.each([
    [0, 0],
    [1, 0],
    [2, 1],
  ])('rejects an inclusion proof for leaf %i of a tree of size %i', (leafIndex, treeSize) => {
    const result = verifyInclusion({ leafHash: SOME_HASH, leafIndex, treeSize, proof: [], rootHash: EMPTY_ROOT_HASH });
    expect(result).toMatchObject({ valid: false, reason: 'LEAF_INDEX_OUT_OF_RANGE' });
  });

  it('rejects a root or leaf hash that is not 32 bytes', () => {
    const leafHash = hashLeaf(new Uint8Array());
    expect(verifyInclusion({ leafHash, leafIndex: 0, treeSize: 1, proof: [], rootHash: new Uint8Array() })).toMatchObject({
      reason: 'MALFORMED_HASH',
    });
    expect(verifyInclusion({ leafHash: new Uint8Array(), leafIndex: 0, treeSize: 1, proof: [], rootHash: leafHash })).toMatchObject({
      reason: 'MALFORMED_HASH',
    });
  });

  it.each([
    ['a negative leaf index', -1, 4],
    ['a fractional leaf index', 0.5, 4],
    ['an unsafe tree size', 0, 2 ** 53],
  ])('rejects %s', (_name, leafIndex, treeSize) => {
    expect(verifyInclusion({ leafHash: SOME_HASH, leafIndex, treeSize, proof: [], rootHash: SOME_HASH })).toMatchObject({
      reason: 'INVALID_ARGUMENT',
    });
  });

  it('accepts an empty consistency proof between equal sizes with equal roots', () => {
    expect(verifyConsistency({ fromSize: 3, toSize: 3, fromRoot: someRoot, toRoot: someRoot, proof: [] }).valid).toBe(true);
  });

  it('rejects two different roots for the same tree size', () => {
    const result = verifyConsistency({ fromSize: 3, toSize: 3, fromRoot: someRoot, toRoot: rootOf(4), proof: [] });
    expect(result).toMatchObject({ valid: false, reason: 'ROOT_MISMATCH' });
  });

  it('rejects a non-empty consistency proof between equal sizes', () => {
    const result = verifyConsistency({ fromSize: 3, toSize: 3, fromRoot: someRoot, toRoot: someRoot, proof: [EMPTY_ROOT_HASH] });
    expect(result).toMatchObject({ valid: false, reason: 'WRONG_PROOF_LENGTH' });
  });

  it('accepts any tree as an extension of the empty tree', () => {
    expect(verifyConsistency({ fromSize: 0, toSize: 8, fromRoot: EMPTY_ROOT_HASH, toRoot: rootOf(8), proof: [] }).valid).toBe(true);
  });

  it('rejects an empty old tree whose root is not the empty-tree hash', () => {
    const result = verifyConsistency({ fromSize: 0, toSize: 8, fromRoot: someRoot, toRoot: rootOf(8), proof: [] });
    expect(result).toMatchObject({ valid: false, reason: 'ROOT_MISMATCH' });
  });

  it.each([
    [1, 0],
    [9, 8],
  ])('rejects a consistency proof from size %i back to size %i', (fromSize, toSize) => {
    const result: ProofVerification = verifyConsistency({ fromSize, toSize, fromRoot: someRoot, toRoot: someRoot, proof: [] });
    expect(result).toMatchObject({ valid: false, reason: 'TREE_SIZE_DECREASED' });
  });

  it('rejects an empty consistency proof between different non-empty sizes', () => {
    const result = verifyConsistency({ fromSize: 1, toSize: 2, fromRoot: rootOf(1), toRoot: rootOf(2), proof: [] });
    expect(result).toMatchObject({ valid: false, reason: 'WRONG_PROOF_LENGTH' });
  });
});
