import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reviewers' reports that an anonymised case study names its client (title, problem or
 * approach, with a note): one per verification task, shown to the vendor until a revision
 * supersedes the flagged one.
 */
export class AddAnonymityLeakFlags1796190835542 implements MigrationInterface {
  name = 'AddAnonymityLeakFlags1796190835542';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "anonymity_leak_flags" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_study_id" uuid NOT NULL, "task_id" uuid NOT NULL, "reviewer_id" uuid NOT NULL, "fields" text array NOT NULL, "note" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_571cd356023cfc2c5ebb179d1ca" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_anonymity_leak_flags_task" ON "anonymity_leak_flags" ("task_id") `);
    await queryRunner.query(`CREATE INDEX "idx_anonymity_leak_flags_case_study" ON "anonymity_leak_flags" ("case_study_id") `);
    await queryRunner.query(`ALTER TABLE "anonymity_leak_flags" ADD CONSTRAINT "FK_befaabac61384e6df217c1335ec" FOREIGN KEY ("case_study_id") REFERENCES "case_studies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "anonymity_leak_flags" ADD CONSTRAINT "FK_5dba149bb624b5a769a2f456224" FOREIGN KEY ("task_id") REFERENCES "verification_tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "anonymity_leak_flags" DROP CONSTRAINT "FK_5dba149bb624b5a769a2f456224"`);
    await queryRunner.query(`ALTER TABLE "anonymity_leak_flags" DROP CONSTRAINT "FK_befaabac61384e6df217c1335ec"`);
    await queryRunner.query(`DROP INDEX "public"."idx_anonymity_leak_flags_case_study"`);
    await queryRunner.query(`DROP INDEX "public"."uq_anonymity_leak_flags_task"`);
    await queryRunner.query(`DROP TABLE "anonymity_leak_flags"`);
  }
}
