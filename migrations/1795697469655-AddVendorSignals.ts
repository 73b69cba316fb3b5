import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddVendorSignals1795697469655 implements MigrationInterface {
  name = 'AddVendorSignals1795697469655';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "vendor_signals" ("vendor_id" uuid NOT NULL, "assay_mean" double precision NOT NULL, "assay_lower" double precision NOT NULL, "assay_upper" double precision NOT NULL, "evidence_depth" double precision NOT NULL, "production_durability_mean" double precision NOT NULL, "verified_case_studies" integer NOT NULL DEFAULT '0', "last_verified_at" TIMESTAMP WITH TIME ZONE, "flag_count" integer NOT NULL DEFAULT '0', "signals" jsonb NOT NULL, "config_version" text NOT NULL, "inputs_version" integer NOT NULL DEFAULT '1', "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_d1fa39883f26f7b48e480c0893d" PRIMARY KEY ("vendor_id"))`);
    await queryRunner.query(`CREATE INDEX "idx_vendor_signals_assay_lower" ON "vendor_signals" ("assay_lower") `);
    await queryRunner.query(`CREATE TABLE "signal_market_context" ("id" integer NOT NULL, "claim_accuracy_median" double precision NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_3e1b94e52bdc37e6f83bf166970" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "vendor_signals" ADD CONSTRAINT "FK_d1fa39883f26f7b48e480c0893d" FOREIGN KEY ("vendor_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vendor_signals" DROP CONSTRAINT "FK_d1fa39883f26f7b48e480c0893d"`);
    await queryRunner.query(`DROP TABLE "signal_market_context"`);
    await queryRunner.query(`DROP INDEX "public"."idx_vendor_signals_assay_lower"`);
    await queryRunner.query(`DROP TABLE "vendor_signals"`);
  }
}
