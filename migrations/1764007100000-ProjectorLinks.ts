import { MigrationInterface, QueryRunner } from 'typeorm';
import { dropTenantTable, tenantTable } from '../src/database/tenant-table';

/**
 * The public screen of a session (a projector in the room): opened by an unguessable link that the secretary makes
 * and can revoke. Only the SHA-256 of the token is kept, so the table alone opens no screen.
 */
export class ProjectorLinks1764007100000 implements MigrationInterface {
  name = 'ProjectorLinks1764007100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE projector_link (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collectivity_id uuid NOT NULL,
        session_id uuid NOT NULL,
        token_hash text NOT NULL CONSTRAINT projector_link_token_hash_check CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        CONSTRAINT projector_link_token_unique UNIQUE (token_hash),
        CONSTRAINT projector_link_tenant_unique UNIQUE (collectivity_id, id),
        CONSTRAINT projector_link_session_fk FOREIGN KEY (collectivity_id, session_id) REFERENCES session(collectivity_id, id) ON DELETE CASCADE,
        CONSTRAINT projector_link_revoked_check CHECK (revoked_at IS NULL OR revoked_at >= created_at)
      )`);
    await q.query(`CREATE INDEX projector_link_session_idx ON projector_link (session_id)`);
    // A revocation is final: a revoked link is never opened again.
    await q.query(`
      CREATE FUNCTION registre_projector_link_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.revoked_at IS NOT NULL OR NEW.token_hash <> OLD.token_hash OR NEW.session_id <> OLD.session_id OR NEW.collectivity_id <> OLD.collectivity_id THEN
          RAISE EXCEPTION 'a projector link only gets revoked, once' USING ERRCODE = 'check_violation', CONSTRAINT = 'projector_link_revoked_once';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER projector_link_revoked_once BEFORE UPDATE ON projector_link FOR EACH ROW EXECUTE FUNCTION registre_projector_link_guard()`);
    // token_hash is a secret of its own: the trail says it was set, not what it is.
    await tenantTable(q, 'projector_link', { personal: ['token_hash'] });
    // Opening a screen finds its link by token alone, with no collectivity yet: the one narrow path across
    // collectivities (row-level security), returning the session of a live link and nothing else.
    await q.query(`
      CREATE FUNCTION registre_projector_link_open(hash text) RETURNS TABLE (collectivity_id uuid, session_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS
      $$ SELECT l.collectivity_id, l.session_id FROM projector_link l WHERE l.token_hash = hash AND l.revoked_at IS NULL $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS registre_projector_link_open(text)`);
    await dropTenantTable(q, 'projector_link');
    await q.query(`DROP TABLE IF EXISTS projector_link`);
    await q.query(`DROP FUNCTION IF EXISTS registre_projector_link_guard()`);
  }
}
