import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCaseStudiesEvidenceReferences1795696791926 implements MigrationInterface {
  name = 'AddCaseStudiesEvidenceReferences1795696791926';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "vendor_domains" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "domain" text NOT NULL, "verification_email" text NOT NULL, "token_hash" text, "token_expires_at" TIMESTAMP WITH TIME ZONE, "verified_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_68aa542f800c0b2cbf4c9f6652d" UNIQUE ("token_hash"), CONSTRAINT "uq_vendor_domains_org_domain" UNIQUE ("organization_id", "domain"), CONSTRAINT "PK_fd5210b9e5ed4dcf4c3bddfce3e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "roster_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vendor_id" uuid NOT NULL, "client_name" text NOT NULL, "client_domain" text NOT NULL, "contact_name" text NOT NULL, "contact_email" text NOT NULL, "project_started_on" date NOT NULL, "project_ended_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c4b86b75e6d6856f877517ef8d1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_roster_entries_vendor" ON "roster_entries" ("vendor_id") `);
    await queryRunner.query(`CREATE TABLE "outcome_claims" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_study_id" uuid NOT NULL, "position" integer NOT NULL, "metric_name" text NOT NULL, "unit" text NOT NULL, "direction" text NOT NULL, "baseline_value" double precision NOT NULL, "claimed_value" double precision NOT NULL, "measured_at" date NOT NULL, "measurement_method" text NOT NULL, "method_note" text, "verified_value" double precision, "verification_status" text NOT NULL DEFAULT 'pending', CONSTRAINT "PK_947a6e76bd6c8467f0371565d42" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_outcome_claims_position" ON "outcome_claims" ("case_study_id", "position") `);
    await queryRunner.query(`CREATE TABLE "case_studies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vendor_id" uuid NOT NULL, "lineage_id" uuid NOT NULL, "revision" integer NOT NULL DEFAULT '1', "supersedes_id" uuid, "superseded_at" TIMESTAMP WITH TIME ZONE, "status" text NOT NULL DEFAULT 'draft', "title" text NOT NULL, "client_name" text NOT NULL, "client_domain" text NOT NULL, "client_anonymised" boolean NOT NULL DEFAULT false, "client_descriptor" text, "problem" text NOT NULL DEFAULT '', "approach" text NOT NULL DEFAULT '', "started_on" date, "ended_on" date, "team_size" integer, "stack_tags" text array NOT NULL DEFAULT '{}', "production_status" text NOT NULL DEFAULT 'poc_only', "production_since" date, "retired_on" date, "handover" text NOT NULL DEFAULT 'vendor', "submitted_at" TIMESTAMP WITH TIME ZONE, "verified_at" TIMESTAMP WITH TIME ZONE, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_18a30cb83a1df4d8df5ddc6b39e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_case_studies_lineage_revision" ON "case_studies" ("lineage_id", "revision") `);
    await queryRunner.query(`CREATE INDEX "idx_case_studies_vendor_status" ON "case_studies" ("vendor_id", "status") `);
    await queryRunner.query(`CREATE TABLE "evidence_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_study_id" uuid NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "sha256" text, "size_bytes" bigint, "media_type" text, "original_name" text, "url" text, "uploaded_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5c67144bedcbdc385c0716d8e50" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_evidence_items_case_study" ON "evidence_items" ("case_study_id") `);
    await queryRunner.query(`CREATE TABLE "reference_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_study_id" uuid NOT NULL, "vendor_id" uuid NOT NULL, "source" text NOT NULL, "roster_entry_id" uuid, "contact_name" text NOT NULL, "contact_email" text NOT NULL, "contact_key" text NOT NULL, "contact_role" text NOT NULL DEFAULT '', "client_name" text NOT NULL, "identity_strength" text NOT NULL, "identity_flags" text array NOT NULL DEFAULT '{}', "identity_reason" text NOT NULL, "status" text NOT NULL, "token_hash" text, "expires_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, "answered_at" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_de339f3326a05ad27f16f6f30f1" UNIQUE ("token_hash"), CONSTRAINT "PK_2a4fd09f01c0f035fc58963df8b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_reference_requests_contact_key" ON "reference_requests" ("contact_key") `);
    await queryRunner.query(`CREATE INDEX "idx_reference_requests_case_study" ON "reference_requests" ("case_study_id") `);
    await queryRunner.query(`ALTER TABLE "vendor_domains" ADD CONSTRAINT "FK_18c6d297dd3d4348beb925d1306" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "roster_entries" ADD CONSTRAINT "FK_564d00c1cdf2ac8d1bddd50e101" FOREIGN KEY ("vendor_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "outcome_claims" ADD CONSTRAINT "FK_022565df65929eee55626e566d0" FOREIGN KEY ("case_study_id") REFERENCES "case_studies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_studies" ADD CONSTRAINT "FK_2ff2ae97512577c4a39c039e234" FOREIGN KEY ("vendor_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "evidence_items" ADD CONSTRAINT "FK_2a56284ce9dcfc137bd6017f8ed" FOREIGN KEY ("case_study_id") REFERENCES "case_studies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "reference_requests" ADD CONSTRAINT "FK_70cb43d63eb647b64ed049c5836" FOREIGN KEY ("case_study_id") REFERENCES "case_studies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reference_requests" DROP CONSTRAINT "FK_70cb43d63eb647b64ed049c5836"`);
    await queryRunner.query(`ALTER TABLE "evidence_items" DROP CONSTRAINT "FK_2a56284ce9dcfc137bd6017f8ed"`);
    await queryRunner.query(`ALTER TABLE "case_studies" DROP CONSTRAINT "FK_2ff2ae97512577c4a39c039e234"`);
    await queryRunner.query(`ALTER TABLE "outcome_claims" DROP CONSTRAINT "FK_022565df65929eee55626e566d0"`);
    await queryRunner.query(`ALTER TABLE "roster_entries" DROP CONSTRAINT "FK_564d00c1cdf2ac8d1bddd50e101"`);
    await queryRunner.query(`ALTER TABLE "vendor_domains" DROP CONSTRAINT "FK_18c6d297dd3d4348beb925d1306"`);
    await queryRunner.query(`DROP INDEX "public"."idx_reference_requests_case_study"`);
    await queryRunner.query(`DROP INDEX "public"."idx_reference_requests_contact_key"`);
    await queryRunner.query(`DROP TABLE "reference_requests"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_items_case_study"`);
    await queryRunner.query(`DROP TABLE "evidence_items"`);
    await queryRunner.query(`DROP INDEX "public"."idx_case_studies_vendor_status"`);
    await queryRunner.query(`DROP INDEX "public"."uq_case_studies_lineage_revision"`);
    await queryRunner.query(`DROP TABLE "case_studies"`);
    await queryRunner.query(`DROP INDEX "public"."uq_outcome_claims_position"`);
    await queryRunner.query(`DROP TABLE "outcome_claims"`);
    await queryRunner.query(`DROP INDEX "public"."idx_roster_entries_vendor"`);
    await queryRunner.query(`DROP TABLE "roster_entries"`);
    await queryRunner.query(`DROP TABLE "vendor_domains"`);
  }
}
