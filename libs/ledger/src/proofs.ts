// Synchronous (node:crypto) verification: the shared RFC 9162 plans folded with plain bytes.

import {
  type ConsistencyProofInput,
  foldConsistency,
  foldInclusion,
  type InclusionProofInput,
  judgeConsistency,
  judgeInclusion,
  prepareConsistency,
  prepareInclusion,
  type ProofVerification,
} from './core/rfc9162';
import { hashChildren } from './hashing';

/** Verifies an RFC 9162 §2.1.3.2 inclusion proof of a leaf hash in the tree of the given size and root. */
export function verifyInclusion(input: InclusionProofInput): ProofVerification {
  const prepared = prepareInclusion(input);
  if ('decided' in prepared) return prepared.decided;
  return judgeInclusion(foldInclusion(prepared.steps, input.leafHash, input.proof, hashChildren), input.rootHash);
}

/** Verifies an RFC 9162 §2.1.4.2 consistency proof that the tree at toSize extends the tree at fromSize. */
export function verifyConsistency(input: ConsistencyProofInput): ProofVerification {
  const prepared = prepareConsistency(input);
  if ('decided' in prepared) return prepared.decided;
  const { path, steps } = prepared.steps;
  return judgeConsistency(foldConsistency(steps, path, hashChildren), input);
}
