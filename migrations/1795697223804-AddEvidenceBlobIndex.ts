import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddEvidenceBlobIndex1795697223804 implements MigrationInterface {
  name = 'AddEvidenceBlobIndex1795697223804';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_evidence_items_sha256_case_study" ON "evidence_items" ("sha256", "case_study_id") WHERE sha256 IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_evidence_items_sha256_case_study"`);
  }
}
