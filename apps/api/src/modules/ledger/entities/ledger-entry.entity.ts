import { Check, Column, CreateDateColumn, Entity, PrimaryColumn, Unique } from 'typeorm';
import type { LedgerEntryKind } from '@assay/ledger';

/**
 * One leaf of the verification log, written in the same transaction as the fact
 * it records. Append-only: a database trigger refuses updates and deletes.
 */
@Entity('ledger_entries')
@Unique('uq_ledger_entries_kind_subject', ['kind', 'subjectId'])
@Check('ck_ledger_entries_leaf_index', `"leaf_index" >= 0`)
@Check('ck_ledger_entries_leaf_hash', `octet_length("leaf_hash") = 32`)
export class LedgerEntryEntity {
  /** Position in the log: 0, 1, 2, … without gaps, in commit order. */
  @PrimaryColumn({ name: 'leaf_index', type: 'bigint' }) leafIndex!: string;

  @Column({ type: 'text' }) kind!: LedgerEntryKind;

  /** The table of the fact's row (`verdicts`, `disputes`, …). */
  @Column({ name: 'subject_table', type: 'text' }) subjectTable!: string;

  @Column({ name: 'subject_id', type: 'uuid' }) subjectId!: string;

  /** The entry exactly as logged and served (RFC 8785 canonical JSON). */
  @Column({ name: 'canonical_json', type: 'text' }) canonicalJson!: string;

  /** SHA-256(0x00 ‖ canonical JSON), the RFC 9162 leaf hash. */
  @Column({ name: 'leaf_hash', type: 'bytea' }) leafHash!: Buffer;

  /** The entry salt behind the private fields' commitments. Never served. */
  @Column({ type: 'text' }) salt!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
