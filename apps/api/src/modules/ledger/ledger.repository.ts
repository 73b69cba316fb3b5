import { Injectable } from '@nestjs/common';
import type { LedgerEntryKind } from '@assay/ledger';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../database/transaction.service';

/** A stored entry, as served (the salt is never part of this). */
export interface LedgerEntryRow {
  leafIndex: number;
  kind: LedgerEntryKind;
  subjectTable: string;
  subjectId: string;
  canonicalJson: string;
  leafHash: Uint8Array;
  createdAt: Date;
}

/** A stored signed tree head. */
export interface TreeHeadRow {
  treeSize: number;
  rootHash: Uint8Array;
  checkpointNote: string;
  createdAt: Date;
}

interface RawEntry {
  leaf_index: string;
  kind: LedgerEntryKind;
  subject_table: string;
  subject_id: string;
  canonical_json: string;
  leaf_hash: Buffer;
  created_at: Date;
}

interface RawHead {
  tree_size: string;
  root_hash: Buffer;
  checkpoint_note: string;
  created_at: Date;
}

const ENTRY_COLUMNS = 'leaf_index, kind, subject_table, subject_id, canonical_json, leaf_hash, created_at';
const HEAD_COLUMNS = 'tree_size, root_hash, checkpoint_note, created_at';

/** All SQL of the ledger tables. */
@Injectable()
export class LedgerRepository {
  constructor(private readonly tx: TransactionService) {}

  /**
   * Serialises appends until the caller's transaction ends, so "next index =
   * current size" is gap-free and indices follow commit order (a SEQUENCE would
   * leave holes on rollback). Held from the append to the commit only.
   */
  async lockAppends(ctx: RequestContext): Promise<void> {
    await this.tx.manager(ctx).query(`SELECT pg_advisory_xact_lock(hashtextextended('ledger:append', 0))`);
  }

  /** Serialises tree-head publishers (any number of workers may run the job). */
  async lockPublishing(ctx: RequestContext): Promise<void> {
    await this.tx.manager(ctx).query(`SELECT pg_advisory_xact_lock(hashtextextended('ledger:publish', 0))`);
  }

  /** The number of entries, which is also the next leaf index. */
  async size(ctx: RequestContext): Promise<number> {
    const rows: Array<{ n: string }> = await this.tx.manager(ctx).query(`SELECT coalesce(max(leaf_index) + 1, 0)::text AS n FROM ledger_entries`);
    return Number(rows[0].n);
  }

  async insertEntry(ctx: RequestContext, entry: { leafIndex: number; kind: LedgerEntryKind; subjectTable: string; subjectId: string; canonicalJson: string; leafHash: Uint8Array; salt: string }): Promise<void> {
    await this.tx
      .manager(ctx)
      .query(`INSERT INTO ledger_entries (leaf_index, kind, subject_table, subject_id, canonical_json, leaf_hash, salt) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        entry.leafIndex,
        entry.kind,
        entry.subjectTable,
        entry.subjectId,
        entry.canonicalJson,
        Buffer.from(entry.leafHash),
        entry.salt,
      ]);
  }

  async entry(ctx: RequestContext, leafIndex: number): Promise<LedgerEntryRow | null> {
    const rows: RawEntry[] = await this.tx.manager(ctx).query(`SELECT ${ENTRY_COLUMNS} FROM ledger_entries WHERE leaf_index = $1`, [leafIndex]);
    return rows[0] ? toEntry(rows[0]) : null;
  }

  async entryFor(ctx: RequestContext, kind: LedgerEntryKind, subjectId: string): Promise<LedgerEntryRow | null> {
    const rows: RawEntry[] = await this.tx.manager(ctx).query(`SELECT ${ENTRY_COLUMNS} FROM ledger_entries WHERE kind = $1 AND subject_id = $2`, [kind, subjectId]);
    return rows[0] ? toEntry(rows[0]) : null;
  }

  /** Leaf hashes of entries [from, to), in index order, with their canonical JSON when asked. */
  async leaves(ctx: RequestContext, from: number, to: number): Promise<Array<{ leafIndex: number; leafHash: Uint8Array; canonicalJson: string }>> {
    const rows: Array<{ leaf_index: string; leaf_hash: Buffer; canonical_json: string }> = await this.tx
      .manager(ctx)
      .query(`SELECT leaf_index, leaf_hash, canonical_json FROM ledger_entries WHERE leaf_index >= $1 AND leaf_index < $2 ORDER BY leaf_index`, [from, to]);
    return rows.map((r) => ({ leafIndex: Number(r.leaf_index), leafHash: new Uint8Array(r.leaf_hash), canonicalJson: r.canonical_json }));
  }

  /** Only the leaf hashes of entries [from, to), for building proofs. */
  async leafHashes(ctx: RequestContext, from: number, to: number): Promise<Uint8Array[]> {
    const rows: Array<{ leaf_index: string; leaf_hash: Buffer }> = await this.tx
      .manager(ctx)
      .query(`SELECT leaf_index, leaf_hash FROM ledger_entries WHERE leaf_index >= $1 AND leaf_index < $2 ORDER BY leaf_index`, [from, to]);
    rows.forEach((r, i) => {
      if (Number(r.leaf_index) !== from + i) throw new Error(`ledger entry ${from + i} is missing`);
    });
    return rows.map((r) => new Uint8Array(r.leaf_hash));
  }

  async latestHead(ctx: RequestContext): Promise<TreeHeadRow | null> {
    const rows: RawHead[] = await this.tx.manager(ctx).query(`SELECT ${HEAD_COLUMNS} FROM ledger_tree_heads ORDER BY tree_size DESC LIMIT 1`);
    return rows[0] ? toHead(rows[0]) : null;
  }

  async head(ctx: RequestContext, treeSize: number): Promise<TreeHeadRow | null> {
    const rows: RawHead[] = await this.tx.manager(ctx).query(`SELECT ${HEAD_COLUMNS} FROM ledger_tree_heads WHERE tree_size = $1`, [treeSize]);
    return rows[0] ? toHead(rows[0]) : null;
  }

  async insertHead(ctx: RequestContext, head: { treeSize: number; rootHash: Uint8Array; checkpointNote: string }): Promise<void> {
    await this.tx
      .manager(ctx)
      .query(`INSERT INTO ledger_tree_heads (tree_size, root_hash, checkpoint_note) VALUES ($1, $2, $3)`, [head.treeSize, Buffer.from(head.rootHash), head.checkpointNote]);
  }

  /** The verdict in force for a case study: not superseded, not a spot check, the latest. */
  async verdictInForce(ctx: RequestContext, caseStudyId: string): Promise<{ id: string; status: string } | null> {
    const rows: Array<{ id: string; status: string }> = await this.tx
      .manager(ctx)
      .query(`SELECT id, status FROM verdicts WHERE case_study_id = $1 AND kind <> 'spot_check' AND superseded_by_id IS NULL ORDER BY created_at DESC LIMIT 1`, [caseStudyId]);
    return rows[0] ?? null;
  }
}

function toEntry(r: RawEntry): LedgerEntryRow {
  return {
    leafIndex: Number(r.leaf_index),
    kind: r.kind,
    subjectTable: r.subject_table,
    subjectId: r.subject_id,
    canonicalJson: r.canonical_json,
    leafHash: new Uint8Array(r.leaf_hash),
    createdAt: r.created_at,
  };
}

function toHead(r: RawHead): TreeHeadRow {
  return { treeSize: Number(r.tree_size), rootHash: new Uint8Array(r.root_hash), checkpointNote: r.checkpoint_note, createdAt: r.created_at };
}
