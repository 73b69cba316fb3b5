import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tasks are offered to reviewers drawn at random instead of being picked from an open queue
 * (issue 15). Every offer is kept in task_offers (accepted, declined with a reason, lapsed, or
 * withdrawn), and a check says why it exists (check_reasons). Existing open tasks are offered by
 * the next run of the assignment job; tasks already leased keep their reviewer; existing spot
 * checks were all asked for by an administrator.
 */
export class AssignReviewerTasks1796300000000 implements MigrationInterface {
  name = 'AssignReviewerTasks1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "task_offers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "reviewer_id" uuid NOT NULL, "assigned_by_id" uuid, "offered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "outcome" text NOT NULL DEFAULT 'pending', "decline_reason" text, "resolved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_19c953c69c9282940417fd20f93" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_task_offers_reviewer" ON "task_offers" ("reviewer_id", "outcome", "resolved_at") `);
    await queryRunner.query(`CREATE INDEX "idx_task_offers_task" ON "task_offers" ("task_id") `);
    await queryRunner.query(`ALTER TABLE "verification_tasks" ADD "offered_to_id" uuid`);
    await queryRunner.query(`ALTER TABLE "verification_tasks" ADD "offer_expires_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "verification_tasks" ADD "check_reasons" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`UPDATE "verification_tasks" SET "check_reasons" = '{admin}' WHERE "kind" = 'spot_check'`);
    await queryRunner.query(`CREATE INDEX "idx_verification_tasks_offered_to" ON "verification_tasks" ("offered_to_id", "status") `);
    await queryRunner.query(`ALTER TABLE "task_offers" ADD CONSTRAINT "FK_e9b3158f43d357e2da180a27259" FOREIGN KEY ("task_id") REFERENCES "verification_tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "task_offers" ADD CONSTRAINT "FK_20f97bb44314af72cc1e2afd229" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "task_offers" DROP CONSTRAINT "FK_20f97bb44314af72cc1e2afd229"`);
    await queryRunner.query(`ALTER TABLE "task_offers" DROP CONSTRAINT "FK_e9b3158f43d357e2da180a27259"`);
    await queryRunner.query(`DROP INDEX "public"."idx_verification_tasks_offered_to"`);
    await queryRunner.query(`ALTER TABLE "verification_tasks" DROP COLUMN "check_reasons"`);
    await queryRunner.query(`ALTER TABLE "verification_tasks" DROP COLUMN "offer_expires_at"`);
    await queryRunner.query(`ALTER TABLE "verification_tasks" DROP COLUMN "offered_to_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_task_offers_task"`);
    await queryRunner.query(`DROP INDEX "public"."idx_task_offers_reviewer"`);
    await queryRunner.query(`DROP TABLE "task_offers"`);
  }
}
