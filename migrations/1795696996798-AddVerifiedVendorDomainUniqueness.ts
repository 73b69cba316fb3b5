import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddVerifiedVendorDomainUniqueness1795696996798 implements MigrationInterface {
  name = 'AddVerifiedVendorDomainUniqueness1795696996798';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_vendor_domains_verified_domain" ON "vendor_domains" ("domain") WHERE "verified_at" IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_vendor_domains_verified_domain"`);
  }
}
