import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Browsers that have signed in to an account before (OWASP "device cookies"): an
 * attempt carrying one is not slowed down when the account is under attack from
 * elsewhere, so an attacker cannot keep the owner out. Only the token's hash is stored.
 */
export class AddSignInDevices1796177632539 implements MigrationInterface {
  name = 'AddSignInDevices1796177632539';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "sign_in_devices" (
        "token_hash" char(64) PRIMARY KEY,
        "user_id" uuid NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "last_used_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL
      )`,
    );
    await queryRunner.query(`CREATE INDEX "idx_sign_in_devices_user" ON "sign_in_devices" ("user_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sign_in_devices"`);
  }
}
