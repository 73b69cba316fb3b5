import { MigrationInterface, QueryRunner } from 'typeorm';

/** A vendor's signal evidence (and the vendors that depend on it) is read by vendor_id; without these, every refresh scanned both tables. */
export class AddSignalEvidenceIndexes1795705936326 implements MigrationInterface {
  name = 'AddSignalEvidenceIndexes1795705936326';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "idx_reference_requests_vendor" ON "reference_requests" ("vendor_id")`);
    await queryRunner.query(`CREATE INDEX "idx_verdicts_vendor" ON "verdicts" ("vendor_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_verdicts_vendor"`);
    await queryRunner.query(`DROP INDEX "public"."idx_reference_requests_vendor"`);
  }
}
