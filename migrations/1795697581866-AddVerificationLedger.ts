import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The verification ledger: its entries (one per logged fact, gap-free leaf
 * indices) and its signed tree heads. Both tables are append-only: a trigger
 * refuses UPDATE, DELETE and TRUNCATE, so no code path of the app can rewrite
 * history by mistake (someone with the database's owner rights still can; the
 * signed tree heads and `npm run ledger:verify` are what catch that).
 */
export class AddVerificationLedger1795697581866 implements MigrationInterface {
  name = 'AddVerificationLedger1795697581866';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "ledger_entries" ("leaf_index" bigint NOT NULL, "kind" text NOT NULL, "subject_table" text NOT NULL, "subject_id" uuid NOT NULL, "canonical_json" text NOT NULL, "leaf_hash" bytea NOT NULL, "salt" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_ledger_entries_kind_subject" UNIQUE ("kind", "subject_id"), CONSTRAINT "ck_ledger_entries_leaf_hash" CHECK (octet_length("leaf_hash") = 32), CONSTRAINT "ck_ledger_entries_leaf_index" CHECK ("leaf_index" >= 0), CONSTRAINT "PK_23052226d1963482dcf1b23f03c" PRIMARY KEY ("leaf_index"))`);
    await queryRunner.query(`CREATE TABLE "ledger_tree_heads" ("tree_size" bigint NOT NULL, "root_hash" bytea NOT NULL, "checkpoint_note" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b4f1f8604706f61fb6622fab696" PRIMARY KEY ("tree_size"))`);
    await queryRunner.query(`CREATE FUNCTION "ledger_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the verification ledger is append-only: % on % is refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END
    $$`);
    for (const table of ['ledger_entries', 'ledger_tree_heads']) {
      await queryRunner.query(`CREATE TRIGGER "${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION "ledger_refuse_change"()`);
      await queryRunner.query(`CREATE TRIGGER "${table}_no_truncate" BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "ledger_refuse_change"()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "ledger_tree_heads"`);
    await queryRunner.query(`DROP TABLE "ledger_entries"`);
    await queryRunner.query(`DROP FUNCTION "ledger_refuse_change"()`);
  }
}
