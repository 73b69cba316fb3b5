import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signals off the write path. `evidence_outbox` holds one `VendorEvidenceChanged` event per
 * fact that changed a vendor's evidence (written in the fact's transaction); a job drains it,
 * refreshing the vendors that depend on the change. Explanations leave the `vendor_signals`
 * row (they were ~98 % of its size) for their own table, which only the pages that show them read.
 */
export class AddEvidenceOutboxAndExplanations1795800000000 implements MigrationInterface {
  name = 'AddEvidenceOutboxAndExplanations1795800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "evidence_outbox" (
        "id" bigserial PRIMARY KEY,
        "vendor_id" uuid REFERENCES "organizations"("id") ON DELETE CASCADE,
        "reviewer_id" uuid REFERENCES "users"("id") ON DELETE CASCADE,
        "cause" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "chk_evidence_outbox_subject" CHECK ("vendor_id" IS NOT NULL OR "reviewer_id" IS NOT NULL)
      )`);
    await queryRunner.query(`
      CREATE TABLE "vendor_signal_explanations" (
        "vendor_id" uuid PRIMARY KEY REFERENCES "organizations"("id") ON DELETE CASCADE,
        "explanations" jsonb NOT NULL,
        "computed_at" timestamptz NOT NULL
      )`);
    // Existing rows keep their explanations (uncapped until the next refresh) in the new table.
    await queryRunner.query(`
      INSERT INTO "vendor_signal_explanations" ("vendor_id", "explanations", "computed_at")
      SELECT "vendor_id", jsonb_build_object('items', "signals" -> 'explanations', 'more', '{}'::jsonb), "computed_at"
        FROM "vendor_signals" WHERE "signals" ? 'explanations'`);
    await queryRunner.query(`UPDATE "vendor_signals" SET "signals" = "signals" - 'explanations' WHERE "signals" ? 'explanations'`);
    // A vendor's evidence by case study: follow-ups and the open-dispute check were sequential scans.
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "idx_follow_up_checks_case_study" ON "follow_up_checks" ("case_study_id")`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "idx_disputes_verdict" ON "disputes" ("verdict_id")`);
    // The drain's dependents query: the vendors a reviewer judged.
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "idx_verdicts_reviewer_vendor" ON "verdicts" ("reviewer_id", "vendor_id")`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "idx_reference_requests_contact_vendor" ON "reference_requests" ("contact_key", "vendor_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "idx_reference_requests_contact_vendor"`);
    await queryRunner.query(`DROP INDEX IF EXISTS "idx_verdicts_reviewer_vendor"`);
    await queryRunner.query(`DROP INDEX IF EXISTS "idx_disputes_verdict"`);
    await queryRunner.query(`DROP INDEX IF EXISTS "idx_follow_up_checks_case_study"`);
    await queryRunner.query(`
      UPDATE "vendor_signals" s SET "signals" = s."signals" || jsonb_build_object('explanations', e."explanations" -> 'items')
        FROM "vendor_signal_explanations" e WHERE e."vendor_id" = s."vendor_id"`);
    await queryRunner.query(`DROP TABLE "vendor_signal_explanations"`);
    await queryRunner.query(`DROP TABLE "evidence_outbox"`);
  }
}
