import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The capabilities (the vendor taxonomy's keys) a reviewer declares they can judge (issue 15). The
 * draw offers a task to reviewers whose expertise matches the vendor's capabilities before anyone
 * else; an empty list (every existing reviewer) only ever comes after them.
 */
export class AddReviewerExpertise1796600000000 implements MigrationInterface {
  name = 'AddReviewerExpertise1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reviewer_profiles" ADD "expertise" text array NOT NULL DEFAULT '{}'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reviewer_profiles" DROP COLUMN "expertise"`);
  }
}
