// A deliberately naive RFC 9162 §2.1 implementation, written straight from the
// recursive definitions (MTH, PATH, PROOF/SUBPROOF) with its own hashing, used
// as the oracle for MerkleTree and the verifiers. Memoised per range only so
// that checking every size up to 600 stays fast; no bit tricks, no caching of
// levels.

import { createHash } from 'node:crypto';

function sha256(...parts: Uint8Array[]): Uint8Array {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
}

function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The RFC's definitions over a fixed list of leaf inputs D[0..]. */
export class ReferenceMerkle {
  private readonly memo = new Map<string, Uint8Array>();

  constructor(private readonly data: readonly Uint8Array[]) {}

  /** HASH(0x00 ‖ d). */
  leafHash(index: number): Uint8Array {
    return sha256(new Uint8Array([0]), this.data[index] as Uint8Array);
  }

  /** MTH(D[start:end]). */
  mth(start: number, end: number): Uint8Array {
    const key = `${start}:${end}`;
    const cached = this.memo.get(key);
    if (cached) return cached;
    const n = end - start;
    let result: Uint8Array;
    if (n === 0) result = sha256();
    else if (n === 1) result = this.leafHash(start);
    else {
      const k = splitPoint(n);
      result = sha256(new Uint8Array([1]), this.mth(start, start + k), this.mth(start + k, end));
    }
    this.memo.set(key, result);
    return result;
  }

  /** PATH(m, D[start:end]). */
  path(m: number, start: number, end: number): Uint8Array[] {
    const n = end - start;
    if (n === 1) return [];
    const k = splitPoint(n);
    if (m < k) return [...this.path(m, start, start + k), this.mth(start + k, end)];
    return [...this.path(m - k, start + k, end), this.mth(start, start + k)];
  }

  /** PROOF(m, D[0:n]). */
  consistency(m: number, n: number): Uint8Array[] {
    return this.subproof(m, 0, n, true);
  }

  private subproof(m: number, start: number, end: number, b: boolean): Uint8Array[] {
    const n = end - start;
    if (m === n) return b ? [] : [this.mth(start, end)];
    const k = splitPoint(n);
    if (m <= k) return [...this.subproof(m, start, start + k, b), this.mth(start + k, end)];
    return [...this.subproof(m - k, start + k, end, false), this.mth(start, start + k)];
  }
}

/** Deterministic leaf inputs `leaf-0`, `leaf-1`, … */
export function sampleLeafData(count: number): Uint8Array[] {
  return Array.from({ length: count }, (_, i) => new TextEncoder().encode(`leaf-${i}`));
}

/** A small seeded PRNG (mulberry32) so sampled cases are the same on every run. */
export function seededRandom(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const unit = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return Math.floor(unit * below);
  };
}
