import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per change of a vendor's Assay score (mean, interval, verified case studies), written
 * when the signals are refreshed: the public vendor page draws how the evidence built up.
 */
export class AddVendorSignalSnapshots1796179915541 implements MigrationInterface {
  name = 'AddVendorSignalSnapshots1796179915541';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "vendor_signal_snapshots" (
      "vendor_id" uuid NOT NULL REFERENCES "organizations" ("id") ON DELETE CASCADE,
      "computed_at" timestamptz NOT NULL,
      "assay_mean" double precision NOT NULL,
      "assay_lower" double precision NOT NULL,
      "assay_upper" double precision NOT NULL,
      "verified_case_studies" integer NOT NULL,
      CONSTRAINT "pk_vendor_signal_snapshots" PRIMARY KEY ("vendor_id", "computed_at")
    )`);
    // Every vendor that already has signals starts its history with them.
    await queryRunner.query(`INSERT INTO "vendor_signal_snapshots" (vendor_id, computed_at, assay_mean, assay_lower, assay_upper, verified_case_studies)
      SELECT vendor_id, computed_at, assay_mean, assay_lower, assay_upper, verified_case_studies FROM "vendor_signals"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "vendor_signal_snapshots"`);
  }
}
