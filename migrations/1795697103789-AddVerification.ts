import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddVerification1795697103789 implements MigrationInterface {
  name = 'AddVerification1795697103789';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "reference_responses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reference_request_id" uuid NOT NULL, "declined" boolean NOT NULL, "decline_reason" text, "outcome_answers" jsonb NOT NULL DEFAULT '[]', "in_production" text, "handover_rating" integer, "on_time" integer, "on_budget" integer, "communication" integer, "would_hire_again" boolean, "comments" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_f098ac2a38fff5dfff7eed131a5" UNIQUE ("reference_request_id"), CONSTRAINT "REL_f098ac2a38fff5dfff7eed131a" UNIQUE ("reference_request_id"), CONSTRAINT "PK_5bd6e8d6ea87a2b6b5cad725a12" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "reviewer_profiles" ("user_id" uuid NOT NULL, "accredited_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accredited_by_id" uuid, "revoked_at" TIMESTAMP WITH TIME ZONE, "spot_checks_agreed" integer NOT NULL DEFAULT '0', "spot_checks_total" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_d5d2c0054dff06c16b208188c56" PRIMARY KEY ("user_id"))`);
    await queryRunner.query(`CREATE TABLE "reviewer_affiliations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "organization_id" uuid, "domain" text, "note" text NOT NULL DEFAULT '', "declared_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_628ebe6dbfa45996866f02fbdaf" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_reviewer_affiliations_user" ON "reviewer_affiliations" ("user_id") `);
    await queryRunner.query(`CREATE TABLE "verification_tasks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_study_id" uuid NOT NULL, "kind" text NOT NULL, "status" text NOT NULL DEFAULT 'open', "leased_to_id" uuid, "lease_expires_at" TIMESTAMP WITH TIME ZONE, "checks_verdict_id" uuid, "requested_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL, CONSTRAINT "PK_2158ff2b07796a7e0e03d560557" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_verification_tasks_case_study" ON "verification_tasks" ("case_study_id") `);
    await queryRunner.query(`CREATE INDEX "idx_verification_tasks_status" ON "verification_tasks" ("status", "created_at") `);
    await queryRunner.query(`CREATE TABLE "verdicts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "case_study_id" uuid NOT NULL, "vendor_id" uuid NOT NULL, "reviewer_id" uuid NOT NULL, "kind" text NOT NULL, "status" text NOT NULL, "production_status" text NOT NULL, "handover" text NOT NULL, "rubric" jsonb NOT NULL, "notes" text NOT NULL DEFAULT '', "conflict_declaration" text NOT NULL, "supersedes_id" uuid, "superseded_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2c4a14769fb5ae0dac9cafbb941" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_verdicts_reviewer" ON "verdicts" ("reviewer_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "idx_verdicts_case_study" ON "verdicts" ("case_study_id") `);
    await queryRunner.query(`CREATE TABLE "verdict_outcomes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "verdict_id" uuid NOT NULL, "outcome_claim_id" uuid NOT NULL, "result" text NOT NULL, "verified_value" double precision, "verified_share" double precision NOT NULL, CONSTRAINT "PK_3194c906b122144a526cfc187ae" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_verdict_outcomes_verdict" ON "verdict_outcomes" ("verdict_id") `);
    await queryRunner.query(`CREATE TABLE "verdict_replies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "verdict_id" uuid NOT NULL, "author_id" uuid NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4abc123d5470c0444dd73540ee4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_verdict_replies_verdict" ON "verdict_replies" ("verdict_id") `);
    await queryRunner.query(`CREATE TABLE "disputes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "verdict_id" uuid NOT NULL, "case_study_id" uuid NOT NULL, "vendor_id" uuid NOT NULL, "opened_by_id" uuid NOT NULL, "reason" text NOT NULL, "status" text NOT NULL DEFAULT 'open', "resolution_note" text, "resolved_by_id" uuid, "resolved_at" TIMESTAMP WITH TIME ZONE, "amended_verdict_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3c97580d01c1a4b0b345c42a107" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_disputes_status" ON "disputes" ("status", "created_at") `);
    await queryRunner.query(`CREATE TABLE "follow_up_checks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_study_id" uuid NOT NULL, "reference_request_id" uuid NOT NULL, "months_after" integer NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'scheduled', "token_hash" text, "expires_at" TIMESTAMP WITH TIME ZONE, "still_in_production" boolean, "answered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_ce9864fe2279c7f6f6b4511efaf" UNIQUE ("token_hash"), CONSTRAINT "uq_follow_up_checks_reference_month" UNIQUE ("reference_request_id", "months_after"), CONSTRAINT "PK_5456ff99f6eac4b82261b1d80ff" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_follow_up_checks_due" ON "follow_up_checks" ("status", "due_at") `);
    await queryRunner.query(`ALTER TABLE "reference_responses" ADD CONSTRAINT "FK_f098ac2a38fff5dfff7eed131a5" FOREIGN KEY ("reference_request_id") REFERENCES "reference_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "reviewer_profiles" ADD CONSTRAINT "FK_d5d2c0054dff06c16b208188c56" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "reviewer_affiliations" ADD CONSTRAINT "FK_fb351e6b16341e97dd986278055" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "verification_tasks" ADD CONSTRAINT "FK_308f1b3c633ab31f323d95d81ec" FOREIGN KEY ("case_study_id") REFERENCES "case_studies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "verdicts" ADD CONSTRAINT "FK_48c429bfe559b6e1416e34fdbfa" FOREIGN KEY ("case_study_id") REFERENCES "case_studies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "verdict_outcomes" ADD CONSTRAINT "FK_1496b7846896595d7c2c4ced5b6" FOREIGN KEY ("verdict_id") REFERENCES "verdicts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "verdict_replies" ADD CONSTRAINT "FK_1b3ea53989330599c6749ed683d" FOREIGN KEY ("verdict_id") REFERENCES "verdicts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "disputes" ADD CONSTRAINT "FK_d704b35d5e65cbdb91275c5abd4" FOREIGN KEY ("verdict_id") REFERENCES "verdicts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "follow_up_checks" ADD CONSTRAINT "FK_f9eb34e1c074391eb1965a81a4d" FOREIGN KEY ("reference_request_id") REFERENCES "reference_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "follow_up_checks" DROP CONSTRAINT "FK_f9eb34e1c074391eb1965a81a4d"`);
    await queryRunner.query(`ALTER TABLE "disputes" DROP CONSTRAINT "FK_d704b35d5e65cbdb91275c5abd4"`);
    await queryRunner.query(`ALTER TABLE "verdict_replies" DROP CONSTRAINT "FK_1b3ea53989330599c6749ed683d"`);
    await queryRunner.query(`ALTER TABLE "verdict_outcomes" DROP CONSTRAINT "FK_1496b7846896595d7c2c4ced5b6"`);
    await queryRunner.query(`ALTER TABLE "verdicts" DROP CONSTRAINT "FK_48c429bfe559b6e1416e34fdbfa"`);
    await queryRunner.query(`ALTER TABLE "verification_tasks" DROP CONSTRAINT "FK_308f1b3c633ab31f323d95d81ec"`);
    await queryRunner.query(`ALTER TABLE "reviewer_affiliations" DROP CONSTRAINT "FK_fb351e6b16341e97dd986278055"`);
    await queryRunner.query(`ALTER TABLE "reviewer_profiles" DROP CONSTRAINT "FK_d5d2c0054dff06c16b208188c56"`);
    await queryRunner.query(`ALTER TABLE "reference_responses" DROP CONSTRAINT "FK_f098ac2a38fff5dfff7eed131a5"`);
    await queryRunner.query(`DROP INDEX "public"."idx_follow_up_checks_due"`);
    await queryRunner.query(`DROP TABLE "follow_up_checks"`);
    await queryRunner.query(`DROP INDEX "public"."idx_disputes_status"`);
    await queryRunner.query(`DROP TABLE "disputes"`);
    await queryRunner.query(`DROP INDEX "public"."idx_verdict_replies_verdict"`);
    await queryRunner.query(`DROP TABLE "verdict_replies"`);
    await queryRunner.query(`DROP INDEX "public"."idx_verdict_outcomes_verdict"`);
    await queryRunner.query(`DROP TABLE "verdict_outcomes"`);
    await queryRunner.query(`DROP INDEX "public"."idx_verdicts_case_study"`);
    await queryRunner.query(`DROP INDEX "public"."idx_verdicts_reviewer"`);
    await queryRunner.query(`DROP TABLE "verdicts"`);
    await queryRunner.query(`DROP INDEX "public"."idx_verification_tasks_status"`);
    await queryRunner.query(`DROP INDEX "public"."idx_verification_tasks_case_study"`);
    await queryRunner.query(`DROP TABLE "verification_tasks"`);
    await queryRunner.query(`DROP INDEX "public"."idx_reviewer_affiliations_user"`);
    await queryRunner.query(`DROP TABLE "reviewer_affiliations"`);
    await queryRunner.query(`DROP TABLE "reviewer_profiles"`);
    await queryRunner.query(`DROP TABLE "reference_responses"`);
  }
}
