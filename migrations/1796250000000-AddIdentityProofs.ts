import { nameConfusableKey } from '@assay/domain';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Proven identities. Accounts verify their email by a single-use link
 * (`email_verified_at`; every account that exists when this migration runs starts
 * unverified and is sent a link at its next sign-in). Client domains on case studies
 * get a standing with its reason. Buyer organisations prove domains and answer about
 * the case studies that name them. Organisation names get a confusable key, so a
 * look-alike name ("Delta Partners" with a Cyrillic "а") can be refused.
 */
export class AddIdentityProofs1796250000000 implements MigrationInterface {
  name = 'AddIdentityProofs1796250000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Existing accounts: NULL = not verified yet; the next sign-in sends the link.
    await queryRunner.query(`ALTER TABLE "users" ADD "email_verified_at" timestamptz`);
    await queryRunner.query(`
      CREATE TABLE "email_verifications" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
        "email" text NOT NULL,
        "token_hash" text NOT NULL UNIQUE,
        "expires_at" timestamptz NOT NULL,
        "used_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX "idx_email_verifications_user" ON "email_verifications" ("user_id")`);

    await queryRunner.query(`ALTER TABLE "case_studies" ADD "client_domain_standing" text`);
    await queryRunner.query(`ALTER TABLE "case_studies" ADD "client_domain_reason" text`);
    await queryRunner.query(`ALTER TABLE "case_studies" ADD "client_domain_dns_checked" boolean`);
    await queryRunner.query(`ALTER TABLE "case_studies" ADD "client_domain_checked_at" timestamptz`);
    await queryRunner.query(
      `ALTER TABLE "case_studies" ADD CONSTRAINT "chk_case_studies_client_domain_standing" CHECK ("client_domain_standing" IS NULL OR "client_domain_standing" IN ('confirmed', 'corroborated', 'unconfirmed', 'suspect'))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_case_studies_client_domain" ON "case_studies" ("client_domain")`);

    await queryRunner.query(`
      CREATE TABLE "organization_domains" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "organization_id" uuid NOT NULL REFERENCES "organizations"("id") ON DELETE CASCADE,
        "domain" text NOT NULL,
        "method" text NOT NULL CHECK ("method" IN ('dns_txt', 'member_email')),
        "txt_token" text NOT NULL,
        "verified_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "uq_organization_domains_org_domain" UNIQUE ("organization_id", "domain")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_organization_domains_verified" ON "organization_domains" ("domain") WHERE "verified_at" IS NOT NULL`);

    await queryRunner.query(`
      CREATE TABLE "client_organization_answers" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "case_study_id" uuid NOT NULL REFERENCES "case_studies"("id") ON DELETE CASCADE,
        "organization_id" uuid NOT NULL REFERENCES "organizations"("id") ON DELETE CASCADE,
        "answered_by_id" uuid NOT NULL REFERENCES "users"("id"),
        "answer" text NOT NULL CHECK ("answer" IN ('worked_with', 'did_not_work_with', 'outcome_wrong')),
        "note" text NOT NULL DEFAULT '',
        "vendor_reply" text,
        "vendor_reply_author_id" uuid REFERENCES "users"("id"),
        "vendor_replied_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "uq_client_organization_answers_case_study" UNIQUE ("case_study_id", "organization_id")
      )`);

    // A reference who answered while signed in to a confirmed account: a member of the client organisation that proved the domain confirms it.
    await queryRunner.query(`ALTER TABLE "reference_responses" ADD "answered_by_user_id" uuid`);

    await queryRunner.query(`ALTER TABLE "organizations" ADD "name_key" text`);
    const orgs: Array<{ id: string; name: string }> = await queryRunner.query(`SELECT id, name FROM organizations`);
    for (const org of orgs) await queryRunner.query(`UPDATE organizations SET name_key = $2 WHERE id = $1`, [org.id, nameConfusableKey(org.name)]);
    // Nullable and not unique: bulk loaders (the benchmark's COPY) may leave it empty, and
    // organisations created before this rule may already collide; new ones are refused.
    await queryRunner.query(`CREATE INDEX "idx_organizations_name_key" ON "organizations" ("name_key")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_organizations_name_key"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "name_key"`);
    await queryRunner.query(`ALTER TABLE "reference_responses" DROP COLUMN "answered_by_user_id"`);
    await queryRunner.query(`DROP TABLE "client_organization_answers"`);
    await queryRunner.query(`DROP TABLE "organization_domains"`);
    await queryRunner.query(`DROP INDEX "idx_case_studies_client_domain"`);
    await queryRunner.query(`ALTER TABLE "case_studies" DROP CONSTRAINT "chk_case_studies_client_domain_standing"`);
    for (const column of ['client_domain_checked_at', 'client_domain_dns_checked', 'client_domain_reason', 'client_domain_standing']) {
      await queryRunner.query(`ALTER TABLE "case_studies" DROP COLUMN "${column}"`);
    }
    await queryRunner.query(`DROP TABLE "email_verifications"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "email_verified_at"`);
  }
}
