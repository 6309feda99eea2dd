import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Templates per collectivity and the log of rendered documents. An override is never edited in place:
 * each save is a new version, and every rendered document records the versions that made it.
 */
export class DocumentTemplates1763900100000 implements MigrationInterface {
  name = 'DocumentTemplates1763900100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE template_override (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collectivity_id uuid NOT NULL CONSTRAINT template_override_collectivity_fk REFERENCES collectivity(id) ON DELETE CASCADE,
        name text NOT NULL CONSTRAINT template_override_name_check CHECK (name ~ '^(partials/)?[a-z][a-z0-9-]{0,60}$'),
        version integer NOT NULL CONSTRAINT template_override_version_check CHECK (version >= 1),
        source text NOT NULL,
        sha256 char(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT template_override_version_unique UNIQUE (collectivity_id, name, version)
      )`);
    await q.query(`
      CREATE TABLE rendered_document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collectivity_id uuid NOT NULL CONSTRAINT rendered_document_collectivity_fk REFERENCES collectivity(id) ON DELETE CASCADE,
        kind text NOT NULL CONSTRAINT rendered_document_kind_check CHECK (kind IN ('extract','minutes','deliberations-list','preview')),
        session_id uuid,
        item_id uuid,
        template_versions jsonb NOT NULL,
        pdfa boolean NOT NULL DEFAULT false,
        sha256 char(64) NOT NULL,
        bytes integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX rendered_document_item_idx ON rendered_document (item_id)`);
    // Both tables are append-only: a template version or a render log entry never changes.
    await q.query(`
      CREATE FUNCTION registre_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% rows are append-only', TG_TABLE_NAME USING ERRCODE = 'RG002';
      END $$`);
    await q.query(`CREATE TRIGGER template_override_append_only BEFORE UPDATE ON template_override FOR EACH ROW EXECUTE FUNCTION registre_append_only()`);
    await q.query(`CREATE TRIGGER rendered_document_append_only BEFORE UPDATE ON rendered_document FOR EACH ROW EXECUTE FUNCTION registre_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS rendered_document`);
    await q.query(`DROP TABLE IF EXISTS template_override`);
    await q.query(`DROP FUNCTION IF EXISTS registre_append_only()`);
  }
}
