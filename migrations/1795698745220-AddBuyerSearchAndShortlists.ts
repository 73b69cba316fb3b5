import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddBuyerSearchAndShortlists1795698745220 implements MigrationInterface {
  name = 'AddBuyerSearchAndShortlists1795698745220';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "vendor_search_documents" ("vendor_id" uuid NOT NULL, "document" tsvector NOT NULL, "search_name" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_54cfbf783dbec173b50f504d4be" PRIMARY KEY ("vendor_id"))`);
    await queryRunner.query(`CREATE TABLE "shortlists" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "name" text NOT NULL, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cef7d8cee850bbdd9205a9dcd46" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_shortlists_organization" ON "shortlists" ("organization_id") `);
    await queryRunner.query(`CREATE TABLE "shortlist_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shortlist_id" uuid NOT NULL, "vendor_id" uuid NOT NULL, "note" text NOT NULL DEFAULT '', "added_by_id" uuid NOT NULL, "snapshot_inputs_version" integer NOT NULL DEFAULT '0', "snapshot_flag_count" integer NOT NULL DEFAULT '0', "snapshot_assay_lower" double precision, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4b49bb8061afea8926d9d31e404" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_shortlist_items_vendor" ON "shortlist_items" ("shortlist_id", "vendor_id") `);
    await queryRunner.query(`ALTER TABLE "vendor_search_documents" ADD CONSTRAINT "FK_54cfbf783dbec173b50f504d4be" FOREIGN KEY ("vendor_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "shortlists" ADD CONSTRAINT "FK_3e5ffb3e3173cb5202f626fff45" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "shortlist_items" ADD CONSTRAINT "FK_a95096d2ee4244d1e68c57248ac" FOREIGN KEY ("shortlist_id") REFERENCES "shortlists"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "shortlist_items" ADD CONSTRAINT "FK_4618a5c019cbe9f23b9ebca40d2" FOREIGN KEY ("vendor_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);

    // Full-text search: one document per vendor, kept fresh by triggers on every table it reads.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE INDEX "idx_vendor_search_documents_document" ON "vendor_search_documents" USING gin ("document")`);
    await queryRunner.query(`CREATE INDEX "idx_vendor_search_documents_name_trgm" ON "vendor_search_documents" USING gin ("search_name" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "idx_shortlist_items_vendor" ON "shortlist_items" ("vendor_id")`);
    await queryRunner.query(`
      CREATE FUNCTION assay_refresh_vendor_search_document(p_vendor uuid) RETURNS void LANGUAGE sql AS $$
        INSERT INTO vendor_search_documents (vendor_id, document, search_name, updated_at)
        SELECT o.id,
               setweight(to_tsvector('english', o.name), 'A')
               || setweight(to_tsvector('english', coalesce(p.description, '')), 'B')
               || setweight(to_tsvector('english', coalesce((
                    SELECT string_agg(cs.title || ' ' || cs.problem, ' ' ORDER BY cs.id)
                      FROM case_studies cs
                     WHERE cs.vendor_id = o.id AND cs.status NOT IN ('draft', 'withdrawn') AND cs.superseded_at IS NULL), '')), 'C'),
               lower(o.name), now()
          FROM organizations o LEFT JOIN vendor_profiles p ON p.organization_id = o.id
         WHERE o.id = p_vendor AND o.kind = 'vendor'
        ON CONFLICT (vendor_id) DO UPDATE SET document = EXCLUDED.document, search_name = EXCLUDED.search_name, updated_at = now()
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION assay_vendor_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'organizations' THEN
          PERFORM assay_refresh_vendor_search_document(NEW.id);
        ELSIF TG_TABLE_NAME = 'vendor_profiles' THEN
          PERFORM assay_refresh_vendor_search_document(NEW.organization_id);
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM assay_refresh_vendor_search_document(OLD.vendor_id);
        ELSE
          PERFORM assay_refresh_vendor_search_document(NEW.vendor_id);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER trg_organizations_vendor_search AFTER INSERT OR UPDATE OF name, kind ON organizations FOR EACH ROW EXECUTE FUNCTION assay_vendor_search_trigger()`);
    await queryRunner.query(`CREATE TRIGGER trg_vendor_profiles_vendor_search AFTER INSERT OR UPDATE OF description ON vendor_profiles FOR EACH ROW EXECUTE FUNCTION assay_vendor_search_trigger()`);
    await queryRunner.query(`CREATE TRIGGER trg_case_studies_vendor_search AFTER INSERT OR UPDATE OF title, problem, status, superseded_at OR DELETE ON case_studies FOR EACH ROW EXECUTE FUNCTION assay_vendor_search_trigger()`);
    await queryRunner.query(`SELECT assay_refresh_vendor_search_document(id) FROM organizations WHERE kind = 'vendor'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER trg_case_studies_vendor_search ON case_studies`);
    await queryRunner.query(`DROP TRIGGER trg_vendor_profiles_vendor_search ON vendor_profiles`);
    await queryRunner.query(`DROP TRIGGER trg_organizations_vendor_search ON organizations`);
    await queryRunner.query(`DROP FUNCTION assay_vendor_search_trigger()`);
    await queryRunner.query(`DROP FUNCTION assay_refresh_vendor_search_document(uuid)`);
    await queryRunner.query(`DROP INDEX "public"."idx_shortlist_items_vendor"`);
    await queryRunner.query(`DROP INDEX "public"."idx_vendor_search_documents_name_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."idx_vendor_search_documents_document"`);
    await queryRunner.query(`ALTER TABLE "shortlist_items" DROP CONSTRAINT "FK_4618a5c019cbe9f23b9ebca40d2"`);
    await queryRunner.query(`ALTER TABLE "shortlist_items" DROP CONSTRAINT "FK_a95096d2ee4244d1e68c57248ac"`);
    await queryRunner.query(`ALTER TABLE "shortlists" DROP CONSTRAINT "FK_3e5ffb3e3173cb5202f626fff45"`);
    await queryRunner.query(`ALTER TABLE "vendor_search_documents" DROP CONSTRAINT "FK_54cfbf783dbec173b50f504d4be"`);
    await queryRunner.query(`DROP INDEX "public"."uq_shortlist_items_vendor"`);
    await queryRunner.query(`DROP TABLE "shortlist_items"`);
    await queryRunner.query(`DROP INDEX "public"."idx_shortlists_organization"`);
    await queryRunner.query(`DROP TABLE "shortlists"`);
    await queryRunner.query(`DROP TABLE "vendor_search_documents"`);
  }
}
