import { MigrationInterface, QueryRunner } from 'typeorm';

/** Shared rate-limit counters (rate-limiter-flexible's PostgreSQL store), so limits hold across processes. */
export class CreateRateLimits1795694400000 implements MigrationInterface {
  name = 'CreateRateLimits1795694400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "rate_limits" ("key" varchar(255) PRIMARY KEY, "points" integer NOT NULL DEFAULT 0, "expire" bigint)`);
    await queryRunner.query(`CREATE INDEX "idx_rate_limits_expire" ON "rate_limits" ("expire")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limits"`);
  }
}
