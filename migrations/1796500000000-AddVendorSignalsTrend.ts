import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A vendor's recent evidence against its earlier evidence (issue 15), written by the same upsert as
 * the signals so it always agrees with the `declining_recent_evidence` flag. Its own column, not a
 * key of the `signals` document, because search pages read that document for every row and only
 * the vendor page reads the trend. Existing rows start NULL (the API says "no trend yet") until
 * their next refresh; the nightly recompute writes every row.
 */
export class AddVendorSignalsTrend1796500000000 implements MigrationInterface {
  name = 'AddVendorSignalsTrend1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vendor_signals" ADD "trend" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vendor_signals" DROP COLUMN "trend"`);
  }
}
