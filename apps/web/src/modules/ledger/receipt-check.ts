// Checks a verification receipt in the browser, with WebCrypto, and nothing the
// server says on trust: the signed tree head against the log's key, the entry's
// inclusion proof against the signed root, that the entry is this verdict, and
// that the log only grew since the tree head this browser checked last time.

import { decodeVerifierKey, fromBase64, verifyConsistency, verifyEntryInclusion } from '@assay/ledger/browser';
import type { CaseStudyReceiptQuery } from '../../gql/graphql';

export type Receipt = NonNullable<CaseStudyReceiptQuery['caseStudyReceipt']>;

/** A tree head this browser verified before, kept to check the next one against. */
export interface SeenCheckpoint {
  treeSize: number;
  /** base64 */
  rootHash: string;
}

/** How the checked tree head relates to the one this browser saw before. */
export type HistoryCheck = { kind: 'first' } | { kind: 'same' } | { kind: 'extends'; fromSize: number } | { kind: 'behind'; seenSize: number };

export type ReceiptCheckResult =
  | {
      ok: true;
      leafIndex: number;
      treeSize: number;
      rootHash: string;
      /** `<name>+<key hash>` of the key that signed the tree head. */
      signer: string;
      /** The verdict status written in the entry. */
      loggedStatus: string | null;
      history: HistoryCheck;
    }
  | { ok: false; stage: 'unsupported' | 'pending' | 'checkpoint' | 'inclusion' | 'entry' | 'history'; message: string };

export interface ReceiptCheckDeps {
  /** The tree head this browser checked last time, if any. */
  seen: SeenCheckpoint | null;
  /** Fetches a consistency proof (base64 hashes) between two signed sizes. */
  consistencyProof(from: number, to: number): Promise<string[]>;
}

export async function checkReceipt(receipt: Receipt, deps: ReceiptCheckDeps): Promise<ReceiptCheckResult> {
  const { checkpoint, inclusionProof, entry } = receipt;
  if (!checkpoint || !inclusionProof) {
    return { ok: false, stage: 'pending', message: 'This entry is newer than the latest signed tree head; there is nothing to check it against yet.' };
  }

  let included: Awaited<ReturnType<typeof verifyEntryInclusion>>;
  try {
    included = await verifyEntryInclusion({
      checkpointNote: checkpoint.note,
      verifierKey: receipt.verifierKey,
      entry: entry.canonicalJson,
      leafIndex: entry.index,
      proof: inclusionProof.map(fromBase64),
      expectedOrigin: receipt.origin,
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'NotSupportedError') {
      return { ok: false, stage: 'unsupported', message: 'This browser cannot check Ed25519 signatures (WebCrypto). Current Chrome, Firefox and Safari can.' };
    }
    return { ok: false, stage: 'checkpoint', message: error instanceof Error ? error.message : 'The check could not run.' };
  }
  if (!included.valid) {
    const message =
      included.stage === 'checkpoint'
        ? `The tree head’s signature does not verify with the log’s key (${included.reason}): ${included.message}.`
        : `The entry is not in the signed tree: its inclusion proof does not lead to the signed root (${included.reason}).`;
    return { ok: false, stage: included.stage, message };
  }

  const logged = parseEntry(entry.canonicalJson);
  if (!logged || logged.kind !== 'verdict' || logged.subjectId !== receipt.verdictId || logged.public.caseStudyId !== receipt.caseStudyId) {
    return { ok: false, stage: 'entry', message: 'The signed entry is not a verdict on this case study, so it does not vouch for what this page shows.' };
  }

  const current = { treeSize: included.checkpoint.treeSize, rootHash: checkpoint.rootHash };
  const history = await checkHistory(current, deps);
  if ('failure' in history) return { ok: false, stage: 'history', message: history.failure };

  const key = await decodeVerifierKey(receipt.verifierKey);
  return {
    ok: true,
    leafIndex: entry.index,
    treeSize: current.treeSize,
    rootHash: current.rootHash,
    signer: `${key.name}+${key.keyHash.toString(16).padStart(8, '0')}`,
    loggedStatus: typeof logged.public.status === 'string' ? logged.public.status : null,
    history,
  };
}

async function checkHistory(current: SeenCheckpoint, deps: ReceiptCheckDeps): Promise<HistoryCheck | { failure: string }> {
  const seen = deps.seen;
  if (!seen || seen.treeSize === 0) return { kind: 'first' };
  if (seen.treeSize === current.treeSize) {
    return seen.rootHash === current.rootHash ? { kind: 'same' } : { failure: `This browser checked a different tree of ${seen.treeSize} entries before: the log’s history was rewritten, or you are being shown a different log than before.` };
  }
  const [older, newer] = seen.treeSize < current.treeSize ? [seen, current] : [current, seen];
  let proof: string[];
  try {
    proof = await deps.consistencyProof(older.treeSize, newer.treeSize);
  } catch {
    return { failure: 'The proof that the log only grew since your last check could not be fetched. Try again.' };
  }
  const consistent = await verifyConsistency({
    fromSize: older.treeSize,
    toSize: newer.treeSize,
    fromRoot: fromBase64(older.rootHash),
    toRoot: fromBase64(newer.rootHash),
    proof: proof.map(fromBase64),
  });
  if (!consistent.valid) {
    return { failure: `The log of ${newer.treeSize} entries is not the log of ${older.treeSize} entries this browser saw before with entries added (${consistent.reason}): its history was rewritten.` };
  }
  return seen.treeSize < current.treeSize ? { kind: 'extends', fromSize: seen.treeSize } : { kind: 'behind', seenSize: seen.treeSize };
}

function parseEntry(text: string): { kind: unknown; subjectId: unknown; public: Record<string, unknown> } | null {
  try {
    const value = JSON.parse(text) as { kind?: unknown; subjectId?: unknown; public?: unknown };
    if (typeof value.public !== 'object' || value.public === null) return null;
    return { kind: value.kind, subjectId: value.subjectId, public: value.public as Record<string, unknown> };
  } catch {
    return null;
  }
}

const storageKey = (origin: string) => `assay.ledger.seen:${origin}`;

/** The largest tree head of this log that this browser verified, from localStorage. */
export function loadSeenCheckpoint(origin: string): SeenCheckpoint | null {
  try {
    const value = JSON.parse(window.localStorage.getItem(storageKey(origin)) ?? 'null') as SeenCheckpoint | null;
    return value && Number.isSafeInteger(value.treeSize) && typeof value.rootHash === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** Keeps a verified tree head, unless a larger one is already kept. */
export function saveSeenCheckpoint(origin: string, checkpoint: SeenCheckpoint): void {
  const seen = loadSeenCheckpoint(origin);
  if (seen && seen.treeSize >= checkpoint.treeSize) return;
  try {
    window.localStorage.setItem(storageKey(origin), JSON.stringify(checkpoint));
  } catch {
    // Storage may be full or disabled; the next check then starts afresh.
  }
}
