import { MigrationInterface, QueryRunner } from 'typeorm';

/** The full-text document, as AddBuyerSearchAndShortlists wrote it (name A, description B, public case studies C). */
const DOCUMENT = `setweight(to_tsvector('english', o.name), 'A')
  || setweight(to_tsvector('english', coalesce(p.description, '')), 'B')
  || setweight(to_tsvector('english', coalesce((
       SELECT string_agg(cs.title || ' ' || cs.problem, ' ' ORDER BY cs.id)
         FROM case_studies cs
        WHERE cs.vendor_id = o.id AND cs.status NOT IN ('draft', 'withdrawn') AND cs.superseded_at IS NULL), '')), 'C')`;

/** What search filters, sorts and counts facets on, from the profile and the stored signals. */
const NARROW_COLUMNS = [
  'capabilities',
  'industries',
  'regions',
  'team_size',
  'rate_band',
  'assay_mean',
  'assay_lower',
  'assay_upper',
  'evidence_depth',
  'production_durability_mean',
  'verified_case_studies',
  'last_verified_at',
  'flag_count',
];

/**
 * What buyer search reads, in two tables kept by one function. `vendor_search` is one narrow row
 * per vendor (about 150 bytes) with what search filters, sorts and counts facets on, so a search
 * never joins organizations, profiles and the wide signals document for every match.
 * `vendor_search_text` holds what the text match reads: the full-text document (1.2 KB on average,
 * under PostgreSQL's 2 KB TOAST threshold, so it would stay inline and make every scan of the
 * narrow columns eight times wider) and the lower-cased name, each with its GIN index.
 *
 * `assay_refresh_vendor_search(ids)` is their only writer: one INSERT … SELECT … ON CONFLICT into
 * each, from the source tables and `vendor_signals`, called by the signals pipeline after every
 * signals upsert (SearchIndexRepository.refresh) and by triggers on names and profiles. A row is rewritten only when something in it changed, and then `vendor_search.refreshed_xid`
 * records the writing transaction: a facet cache can tell, against any snapshot, whether the
 * index changed since it was filled. Replaces vendor_search_documents (the bench keeps a copy of
 * it for its frozen baseline).
 */
export class ReplaceVendorSearchDocuments1796177694860 implements MigrationInterface {
  name = 'ReplaceVendorSearchDocuments1796177694860';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "vendor_search" ("vendor_id" uuid NOT NULL, "capabilities" text array NOT NULL DEFAULT '{}', "industries" text array NOT NULL DEFAULT '{}', "regions" text array NOT NULL DEFAULT '{}', "team_size" integer, "rate_band" text, "assay_mean" double precision, "assay_lower" double precision, "assay_upper" double precision, "evidence_depth" double precision, "production_durability_mean" double precision, "verified_case_studies" integer NOT NULL DEFAULT '0', "last_verified_at" TIMESTAMP WITH TIME ZONE, "flag_count" integer NOT NULL DEFAULT '0', "refreshed_xid" bigint NOT NULL, "refreshed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_vendor_search" PRIMARY KEY ("vendor_id"))`);
    await queryRunner.query(`CREATE TABLE "vendor_search_text" ("vendor_id" uuid NOT NULL, "search_name" text NOT NULL, "document" tsvector NOT NULL, CONSTRAINT "PK_vendor_search_text" PRIMARY KEY ("vendor_id"))`);
    await queryRunner.query(`ALTER TABLE "vendor_search" ADD CONSTRAINT "FK_vendor_search_vendor" FOREIGN KEY ("vendor_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "vendor_search_text" ADD CONSTRAINT "FK_vendor_search_text_vendor" FOREIGN KEY ("vendor_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE INDEX "idx_vendor_search_refreshed_xid" ON "vendor_search" ("refreshed_xid") `);
    await queryRunner.query(`CREATE INDEX "idx_vendor_search_capabilities" ON "vendor_search" USING gin ("capabilities")`);
    await queryRunner.query(`CREATE INDEX "idx_vendor_search_industries" ON "vendor_search" USING gin ("industries")`);
    await queryRunner.query(`CREATE INDEX "idx_vendor_search_regions" ON "vendor_search" USING gin ("regions")`);
    await queryRunner.query(`CREATE INDEX "idx_vendor_search_text_document" ON "vendor_search_text" USING gin ("document")`);
    await queryRunner.query(`CREATE INDEX "idx_vendor_search_text_name_trgm" ON "vendor_search_text" USING gin ("search_name" gin_trgm_ops)`);

    await queryRunner.query(`
      CREATE FUNCTION assay_refresh_vendor_search(p_vendors uuid[]) RETURNS integer LANGUAGE sql AS $$
        WITH source AS (
          SELECT o.id AS vendor_id, lower(o.name) AS search_name, ${DOCUMENT} AS document,
                 COALESCE(p.capabilities, '{}') AS capabilities, COALESCE(p.industries, '{}') AS industries, COALESCE(p.regions, '{}') AS regions,
                 p.team_size, p.rate_band, s.assay_mean, s.assay_lower, s.assay_upper, s.evidence_depth, s.production_durability_mean,
                 COALESCE(s.verified_case_studies, 0) AS verified_case_studies, s.last_verified_at, COALESCE(s.flag_count, 0) AS flag_count
            FROM organizations o
            LEFT JOIN vendor_profiles p ON p.organization_id = o.id
            LEFT JOIN vendor_signals s ON s.vendor_id = o.id
           WHERE o.id = ANY(p_vendors) AND o.kind = 'vendor'),
        text_written AS (
          INSERT INTO vendor_search_text (vendor_id, search_name, document)
          SELECT vendor_id, search_name, document FROM source ORDER BY vendor_id
          ON CONFLICT (vendor_id) DO UPDATE SET search_name = EXCLUDED.search_name, document = EXCLUDED.document
           WHERE (vendor_search_text.search_name, vendor_search_text.document) IS DISTINCT FROM (EXCLUDED.search_name, EXCLUDED.document)
          RETURNING vendor_id),
        written AS (
          INSERT INTO vendor_search (vendor_id, ${NARROW_COLUMNS.join(', ')}, refreshed_xid, refreshed_at)
          SELECT vendor_id, ${NARROW_COLUMNS.join(', ')}, pg_current_xact_id()::text::bigint, now() FROM source ORDER BY vendor_id
          ON CONFLICT (vendor_id) DO UPDATE SET ${NARROW_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')},
                 refreshed_xid = EXCLUDED.refreshed_xid, refreshed_at = EXCLUDED.refreshed_at
           WHERE (${NARROW_COLUMNS.map((c) => `vendor_search.${c}`).join(', ')}) IS DISTINCT FROM (${NARROW_COLUMNS.map((c) => `EXCLUDED.${c}`).join(', ')})
              OR vendor_search.vendor_id IN (SELECT vendor_id FROM text_written)
          RETURNING 1)
        SELECT count(*)::int FROM written
      $$`);
    // Writers outside the signals pipeline (a new vendor, a renamed one, a profile edit) keep their
    // rows fresh through the same function. Case studies need no trigger: every change of a public
    // case study (submission, verdict, dispute, withdrawal) refreshes its vendor's signals, and with
    // them its search rows — in one sorted pass, so concurrent verdicts cannot deadlock on them.
    await queryRunner.query(`
      CREATE FUNCTION assay_vendor_search_row_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'organizations' THEN
          PERFORM assay_refresh_vendor_search(ARRAY[NEW.id]);
        ELSE
          PERFORM assay_refresh_vendor_search(ARRAY[NEW.organization_id]);
        END IF;
        RETURN NULL;
      END $$`);

    await queryRunner.query(`DROP TRIGGER trg_case_studies_vendor_search ON case_studies`);
    await queryRunner.query(`DROP TRIGGER trg_vendor_profiles_vendor_search ON vendor_profiles`);
    await queryRunner.query(`DROP TRIGGER trg_organizations_vendor_search ON organizations`);
    await queryRunner.query(`DROP FUNCTION assay_vendor_search_trigger()`);
    await queryRunner.query(`DROP FUNCTION assay_refresh_vendor_search_document(uuid)`);
    await queryRunner.query(`DROP TABLE "vendor_search_documents"`);

    await queryRunner.query(`CREATE TRIGGER trg_organizations_vendor_search AFTER INSERT OR UPDATE OF name, kind ON organizations FOR EACH ROW EXECUTE FUNCTION assay_vendor_search_row_trigger()`);
    await queryRunner.query(
      `CREATE TRIGGER trg_vendor_profiles_vendor_search AFTER INSERT OR UPDATE OF description, capabilities, industries, regions, team_size, rate_band ON vendor_profiles FOR EACH ROW EXECUTE FUNCTION assay_vendor_search_row_trigger()`,
    );
    await queryRunner.query(`SELECT assay_refresh_vendor_search(array_agg(id)) FROM organizations WHERE kind = 'vendor'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER trg_vendor_profiles_vendor_search ON vendor_profiles`);
    await queryRunner.query(`DROP TRIGGER trg_organizations_vendor_search ON organizations`);
    await queryRunner.query(`DROP FUNCTION assay_vendor_search_row_trigger()`);
    await queryRunner.query(`DROP FUNCTION assay_refresh_vendor_search(uuid[])`);
    await queryRunner.query(`DROP TABLE "vendor_search_text"`);
    await queryRunner.query(`DROP TABLE "vendor_search"`);

    // vendor_search_documents and its triggers exactly as AddBuyerSearchAndShortlists created them.
    await queryRunner.query(`CREATE TABLE "vendor_search_documents" ("vendor_id" uuid NOT NULL, "document" tsvector NOT NULL, "search_name" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_54cfbf783dbec173b50f504d4be" PRIMARY KEY ("vendor_id"))`);
    await queryRunner.query(`ALTER TABLE "vendor_search_documents" ADD CONSTRAINT "FK_54cfbf783dbec173b50f504d4be" FOREIGN KEY ("vendor_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE INDEX "idx_vendor_search_documents_document" ON "vendor_search_documents" USING gin ("document")`);
    await queryRunner.query(`CREATE INDEX "idx_vendor_search_documents_name_trgm" ON "vendor_search_documents" USING gin ("search_name" gin_trgm_ops)`);
    await queryRunner.query(`
      CREATE FUNCTION assay_refresh_vendor_search_document(p_vendor uuid) RETURNS void LANGUAGE sql AS $$
        INSERT INTO vendor_search_documents (vendor_id, document, search_name, updated_at)
        SELECT o.id, ${DOCUMENT}, lower(o.name), now()
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
}
