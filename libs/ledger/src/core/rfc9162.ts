// RFC 9162 proof verification, written once for both builds.
//
// Both verification algorithms (§2.1.3.2 inclusion, §2.1.4.2 consistency)
// decide from the leaf index / tree sizes and the proof length alone on which
// side each proof hash is combined and whether the proof has the right length.
// That index arithmetic is computed here as a list of steps (`plan*`), and the
// steps are folded by functions generic in the hash representation (`fold*`):
// the Node build folds plain bytes with synchronous node:crypto, the browser
// build folds promises with WebCrypto. Nothing here hashes.
//
// The RFC's LSB()/right-shift are written as `% 2` and `Math.floor(x / 2)`
// because JavaScript's bitwise operators truncate to 32 bits.

import { bytesEqual, fromHex, isHash } from './bytes';

// Typed arrays cannot be frozen: verification compares against this private
// copy, so a caller writing into the exported one cannot change the rules.
const EMPTY_ROOT = fromHex('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');

/** Root hash of the empty tree: SHA-256 of the empty string (RFC 9162 §2.1.1). */
export const EMPTY_ROOT_HASH: Uint8Array = EMPTY_ROOT.slice();

/** Why a proof did not verify. */
export type ProofFailureReason =
  | 'INVALID_ARGUMENT'
  | 'LEAF_INDEX_OUT_OF_RANGE'
  | 'TREE_SIZE_DECREASED'
  | 'WRONG_PROOF_LENGTH'
  | 'MALFORMED_HASH'
  | 'ROOT_MISMATCH';

/** Outcome of checking an inclusion or consistency proof. */
export type ProofVerification =
  | { readonly valid: true }
  | { readonly valid: false; readonly reason: ProofFailureReason; readonly message: string };

/** Arguments of an inclusion proof check (RFC 9162 §2.1.3.2). */
export interface InclusionProofInput {
  readonly leafHash: Uint8Array;
  readonly leafIndex: number;
  readonly treeSize: number;
  readonly proof: readonly Uint8Array[];
  readonly rootHash: Uint8Array;
}

/** Arguments of a consistency proof check (RFC 9162 §2.1.4.2). */
export interface ConsistencyProofInput {
  readonly fromSize: number;
  readonly toSize: number;
  readonly fromRoot: Uint8Array;
  readonly toRoot: Uint8Array;
  readonly proof: readonly Uint8Array[];
}

/** `proof-left`: running = HASH(0x01 ‖ proof[i] ‖ running); `proof-right`: running = HASH(0x01 ‖ running ‖ proof[i]). */
export type InclusionStep = 'proof-left' | 'proof-right';

/**
 * `both-proof-left`: fr = HASH(0x01 ‖ c ‖ fr) and sr = HASH(0x01 ‖ c ‖ sr);
 * `second-proof-right`: sr = HASH(0x01 ‖ sr ‖ c), fr unchanged.
 */
export type ConsistencyStep = 'both-proof-left' | 'second-proof-right';

/** How to check a consistency proof, decided from sizes and proof length alone. */
export type ConsistencyPlan =
  /** The sizes are equal: the proof must be empty and the roots equal. */
  | { readonly kind: 'same-size' }
  /** The old tree is empty: the proof must be empty and the old root the empty-tree hash. */
  | { readonly kind: 'from-empty' }
  /**
   * The RFC chain. The path is `proof`, or `[fromRoot, ...proof]` when
   * `prependFromRoot` (fromSize is a power of two); fr and sr start at path[0]
   * and `steps[i]` consumes path[i + 1].
   */
  | { readonly kind: 'chain'; readonly prependFromRoot: boolean; readonly steps: readonly ConsistencyStep[] };

/** A plan, or the reason no proof of this shape can verify. */
export type PlanResult<T> = { readonly ok: true; readonly plan: T } | { readonly ok: false; readonly failure: ProofVerification & { valid: false } };

/** The successful verification result. */
export const PROOF_VALID: ProofVerification = Object.freeze({ valid: true });

/** Builds a failed verification result. */
export function proofFailure(reason: ProofFailureReason, message: string): ProofVerification & { valid: false } {
  return { valid: false, reason, message };
}

/** True for a non-negative safe integer, the domain of leaf indices and tree sizes. */
export function isTreeIndex(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

function isOdd(value: number): boolean {
  return value % 2 === 1;
}

function half(value: number): number {
  return Math.floor(value / 2);
}

/** True when n is an exact power of two (1, 2, 4, …). */
export function isPowerOfTwo(n: number): boolean {
  if (n < 1) return false;
  let value = n;
  while (!isOdd(value)) value = half(value);
  return value === 1;
}

/** The largest power of two strictly less than n (n ≥ 2): RFC 9162's split point k. */
export function largestPowerOfTwoBelow(n: number): number {
  if (!isTreeIndex(n) || n < 2) throw new RangeError(`no power of two strictly below ${n}`);
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Plans RFC 9162 §2.1.3.2 inclusion verification for a leaf index, tree size and proof length. */
export function planInclusion(leafIndex: number, treeSize: number, proofLength: number): PlanResult<readonly InclusionStep[]> {
  if (!isTreeIndex(leafIndex) || !isTreeIndex(treeSize)) {
    return fail('INVALID_ARGUMENT', 'leaf index and tree size must be non-negative safe integers');
  }
  // Step 1.
  if (leafIndex >= treeSize) {
    return fail('LEAF_INDEX_OUT_OF_RANGE', `leaf index ${leafIndex} is not below tree size ${treeSize}`);
  }
  // Step 2.
  let fn = leafIndex;
  let sn = treeSize - 1;
  const steps: InclusionStep[] = [];
  // Step 4.
  for (let i = 0; i < proofLength; i++) {
    if (sn === 0) return fail('WRONG_PROOF_LENGTH', `inclusion proof is longer than ${i} hashes`);
    if (isOdd(fn) || fn === sn) {
      steps.push('proof-left');
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      steps.push('proof-right');
    }
    fn = half(fn);
    sn = half(sn);
  }
  // Step 5 (the hash comparison is the caller's).
  if (sn !== 0) return fail('WRONG_PROOF_LENGTH', `inclusion proof of ${proofLength} hashes is too short`);
  return { ok: true, plan: steps };
}

/** Plans RFC 9162 §2.1.4.2 consistency verification for two tree sizes and a proof length. */
export function planConsistency(fromSize: number, toSize: number, proofLength: number): PlanResult<ConsistencyPlan> {
  if (!isTreeIndex(fromSize) || !isTreeIndex(toSize)) {
    return fail('INVALID_ARGUMENT', 'tree sizes must be non-negative safe integers');
  }
  if (fromSize > toSize) {
    return fail('TREE_SIZE_DECREASED', `tree size went down from ${fromSize} to ${toSize}`);
  }
  // The RFC algorithm covers 0 < first < second; the two degenerate cases have
  // exactly one valid proof, the empty one.
  if (fromSize === toSize || fromSize === 0) {
    if (proofLength !== 0) return fail('WRONG_PROOF_LENGTH', 'a consistency proof from an empty or identical tree must be empty');
    return { ok: true, plan: { kind: fromSize === toSize ? 'same-size' : 'from-empty' } };
  }
  // Step 1.
  if (proofLength === 0) return fail('WRONG_PROOF_LENGTH', 'consistency proof is empty');
  // Step 2.
  const prependFromRoot = isPowerOfTwo(fromSize);
  const pathLength = proofLength + (prependFromRoot ? 1 : 0);
  // Step 3.
  let fn = fromSize - 1;
  let sn = toSize - 1;
  // Step 4.
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  // Step 5 seeds fr and sr with path[0]; step 6 walks the rest.
  const steps: ConsistencyStep[] = [];
  for (let i = 1; i < pathLength; i++) {
    if (sn === 0) return fail('WRONG_PROOF_LENGTH', `consistency proof is longer than ${i} hashes`);
    if (isOdd(fn) || fn === sn) {
      steps.push('both-proof-left');
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      steps.push('second-proof-right');
    }
    fn = half(fn);
    sn = half(sn);
  }
  // Step 7 (the hash comparisons are the caller's).
  if (sn !== 0) return fail('WRONG_PROOF_LENGTH', `consistency proof of ${proofLength} hashes is too short`);
  return { ok: true, plan: { kind: 'chain', prependFromRoot, steps } };
}

/** Combines two child hashes into their parent, HASH(0x01 ‖ left ‖ right), in some representation H. */
export type CombineChildren<H> = (left: H, right: H) => H;

/** Either the verification is already decided, or these steps remain to be folded. */
export type Prepared<T> = { readonly decided: ProofVerification } | { readonly steps: T };

/** Validates an inclusion proof's arguments and hashes and plans its fold. */
export function prepareInclusion(input: InclusionProofInput): Prepared<readonly InclusionStep[]> {
  const planned = planInclusion(input.leafIndex, input.treeSize, input.proof.length);
  if (!planned.ok) return { decided: planned.failure };
  const malformed = findMalformedHash([input.leafHash, input.rootHash, ...input.proof]);
  if (malformed) return { decided: malformed };
  return { steps: planned.plan };
}

/** RFC 9162 §2.1.3.2 step 4: folds the proof into the root it implies. */
export function foldInclusion<H>(steps: readonly InclusionStep[], leafHash: H, proof: readonly H[], combine: CombineChildren<H>): H {
  let running = leafHash;
  steps.forEach((step, i) => {
    const sibling = proof[i] as H;
    running = step === 'proof-left' ? combine(sibling, running) : combine(running, sibling);
  });
  return running;
}

/** RFC 9162 §2.1.3.2 step 5: compares the recomputed root with the claimed one. */
export function judgeInclusion(computedRoot: Uint8Array, rootHash: Uint8Array): ProofVerification {
  return bytesEqual(computedRoot, rootHash) ? PROOF_VALID : proofFailure('ROOT_MISMATCH', 'the proof leads to a different root hash');
}

/** The consistency chain to fold: `path` is the proof, with the old root prepended when the RFC asks for it. */
export interface ConsistencyChain {
  readonly path: readonly Uint8Array[];
  readonly steps: readonly ConsistencyStep[];
}

/** Validates a consistency proof's arguments and hashes, decides the degenerate cases, and plans the fold. */
export function prepareConsistency(input: ConsistencyProofInput): Prepared<ConsistencyChain> {
  const planned = planConsistency(input.fromSize, input.toSize, input.proof.length);
  if (!planned.ok) return { decided: planned.failure };
  const malformed = findMalformedHash([input.fromRoot, input.toRoot, ...input.proof]);
  if (malformed) return { decided: malformed };
  const plan = planned.plan;
  switch (plan.kind) {
    case 'same-size':
      return {
        decided: bytesEqual(input.fromRoot, input.toRoot)
          ? PROOF_VALID
          : proofFailure('ROOT_MISMATCH', 'two different roots for the same tree size'),
      };
    case 'from-empty':
      return {
        decided: bytesEqual(input.fromRoot, EMPTY_ROOT)
          ? PROOF_VALID
          : proofFailure('ROOT_MISMATCH', 'the root of an empty tree must be the empty-tree hash'),
      };
    case 'chain':
      return {
        steps: { path: plan.prependFromRoot ? [input.fromRoot, ...input.proof] : input.proof, steps: plan.steps },
      };
  }
}

/** RFC 9162 §2.1.4.2 steps 5–6: folds the path into the old (fr) and new (sr) roots it implies. */
export function foldConsistency<H>(
  steps: readonly ConsistencyStep[],
  path: readonly H[],
  combine: CombineChildren<H>,
): { readonly fromRoot: H; readonly toRoot: H } {
  let fr = path[0] as H;
  let sr = fr;
  steps.forEach((step, i) => {
    const c = path[i + 1] as H;
    if (step === 'both-proof-left') {
      fr = combine(c, fr);
      sr = combine(c, sr);
    } else {
      sr = combine(sr, c);
    }
  });
  return { fromRoot: fr, toRoot: sr };
}

/** RFC 9162 §2.1.4.2 step 7: compares the recomputed roots with the claimed ones. */
export function judgeConsistency(computed: { fromRoot: Uint8Array; toRoot: Uint8Array }, input: ConsistencyProofInput): ProofVerification {
  if (!bytesEqual(computed.fromRoot, input.fromRoot)) return proofFailure('ROOT_MISMATCH', 'the proof does not lead to the old root');
  if (!bytesEqual(computed.toRoot, input.toRoot)) return proofFailure('ROOT_MISMATCH', 'the proof does not lead to the new root');
  return PROOF_VALID;
}

function findMalformedHash(hashes: readonly Uint8Array[]): (ProofVerification & { valid: false }) | undefined {
  const bad = hashes.findIndex((hash) => !isHash(hash));
  return bad === -1 ? undefined : proofFailure('MALFORMED_HASH', `hash #${bad} is not a 32-byte SHA-256 value`);
}

function fail(reason: ProofFailureReason, message: string): { ok: false; failure: ProofVerification & { valid: false } } {
  return { ok: false, failure: proofFailure(reason, message) };
}
