import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A signed tree head (C2SP checkpoint) the log published; one per tree size. */
@Entity('ledger_tree_heads')
export class LedgerTreeHeadEntity {
  @PrimaryColumn({ name: 'tree_size', type: 'bigint' }) treeSize!: string;

  @Column({ name: 'root_hash', type: 'bytea' }) rootHash!: Buffer;

  /** The signed note exactly as served by /ledger/checkpoint. */
  @Column({ name: 'checkpoint_note', type: 'text' }) checkpointNote!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
