import { toBase64, toHex } from '@assay/ledger';
import type { LedgerCheckpointObject, LedgerEntryObject, VerificationReceiptObject } from './graphql/ledger.object';
import type { LedgerEntryRow, TreeHeadRow } from './ledger.repository';
import type { VerificationReceipt } from './ledger.service';

/** Entries, heads and receipts as the API shows them (hashes: leaf hex, roots and proofs base64). */
export const ledgerMapper = {
  entry: (e: LedgerEntryRow): LedgerEntryObject => ({ index: e.leafIndex, kind: e.kind, subjectId: e.subjectId, canonicalJson: e.canonicalJson, leafHash: toHex(e.leafHash), loggedAt: e.createdAt }),
  checkpoint: (h: TreeHeadRow, log: { origin: string; verifierKey: string }): LedgerCheckpointObject => ({
    origin: log.origin,
    treeSize: h.treeSize,
    rootHash: toBase64(h.rootHash),
    note: h.checkpointNote,
    verifierKey: log.verifierKey,
    publishedAt: h.createdAt,
  }),
  proof: (hashes: readonly Uint8Array[]): string[] => hashes.map(toBase64),
  receipt: (r: VerificationReceipt, log: { origin: string; verifierKey: string }): VerificationReceiptObject => ({
    caseStudyId: r.caseStudyId,
    verdictId: r.verdictId,
    entry: ledgerMapper.entry(r.entry),
    checkpoint: r.checkpoint ? ledgerMapper.checkpoint(r.checkpoint, log) : null,
    inclusionProof: r.inclusionProof ? ledgerMapper.proof(r.inclusionProof) : null,
    verifierKey: log.verifierKey,
    origin: log.origin,
  }),
};
