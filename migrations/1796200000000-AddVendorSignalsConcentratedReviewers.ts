import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reviewers over-concentrated on a vendor when its signals were computed, written by the same
 * upsert as the signals. The outbox drain compares it with what the reviewers' current verdict counts
 * give, so a verdict refreshes only the other vendors whose concentration it flips (not every vendor
 * the reviewer judged). Existing rows start unknown (NULL): the drain treats them as dependents until
 * their next refresh writes the state (the nightly recompute writes every row).
 */
export class AddVendorSignalsConcentratedReviewers1796200000000 implements MigrationInterface {
  name = 'AddVendorSignalsConcentratedReviewers1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vendor_signals" ADD "concentrated_reviewer_ids" uuid[]`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vendor_signals" DROP COLUMN "concentrated_reviewer_ids"`);
  }
}
