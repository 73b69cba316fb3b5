import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every blob ever written to evidence storage, recorded before the write (in its own
 * statement, so it survives a rolled-back or abandoned upload). The orphan job deletes
 * blobs that no evidence item references once they are older than the grace period.
 * Blobs of existing items are registered with the time of their oldest item.
 */
export class AddEvidenceBlobRegistry1796179233061 implements MigrationInterface {
  name = 'AddEvidenceBlobRegistry1796179233061';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "evidence_blobs" ("sha256" char(64) PRIMARY KEY, "stored_at" timestamptz NOT NULL DEFAULT now())`);
    await queryRunner.query(`CREATE INDEX "idx_evidence_blobs_stored_at" ON "evidence_blobs" ("stored_at")`);
    await queryRunner.query(
      `INSERT INTO "evidence_blobs" ("sha256", "stored_at") SELECT "sha256", min("created_at") FROM "evidence_items" WHERE "sha256" IS NOT NULL GROUP BY "sha256"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "evidence_blobs"`);
  }
}
