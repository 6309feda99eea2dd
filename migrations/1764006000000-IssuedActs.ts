import { MigrationInterface, QueryRunner } from 'typeorm';
import { dropTenantTable, tenantTable } from '../src/database/tenant-table';

/**
 * Issued acts (issue 9): annexes, signatures, the issued PDF and the sealed chain. Every row here but an annex
 * not yet issued is written once: UPDATE and DELETE are refused by triggers (and the application's role is granted
 * neither, src/database/app-role.ts); only the owner or a superuser can get past them, by disabling the triggers,
 * and what they change then, `verify` finds in the chain. Tenant tables under row-level security and the audit.
 */
export class IssuedActs1764006000000 implements MigrationInterface {
  name = 'IssuedActs1764006000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE annex (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collectivity_id uuid NOT NULL REFERENCES collectivity(id) ON DELETE CASCADE,
        item_id uuid NOT NULL,
        position integer NOT NULL CONSTRAINT annex_position_positive CHECK (position > 0),
        title text NOT NULL CONSTRAINT annex_title_length CHECK (length(title) BETWEEN 1 AND 300),
        filename text NOT NULL,
        content bytea NOT NULL,
        sha256 char(64) NOT NULL,
        bytes integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT annex_item_fk FOREIGN KEY (collectivity_id, item_id) REFERENCES item(collectivity_id, id) ON DELETE CASCADE,
        CONSTRAINT annex_position_unique UNIQUE (item_id, position),
        CONSTRAINT annex_tenant_unique UNIQUE (collectivity_id, id)
      )`);
    await q.query(`
      CREATE TABLE act_signature (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collectivity_id uuid NOT NULL REFERENCES collectivity(id) ON DELETE CASCADE,
        item_id uuid NOT NULL,
        member_id uuid NOT NULL,
        capacity text NOT NULL CONSTRAINT act_signature_capacity CHECK (capacity IN ('president', 'secretary')),
        account_id uuid,
        actor_label text NOT NULL,
        signed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT act_signature_item_fk FOREIGN KEY (collectivity_id, item_id) REFERENCES item(collectivity_id, id) ON DELETE CASCADE,
        CONSTRAINT act_signature_member_fk FOREIGN KEY (collectivity_id, member_id) REFERENCES member(collectivity_id, id),
        CONSTRAINT act_signature_unique UNIQUE (item_id, member_id)
      )`);
    await q.query(`
      CREATE TABLE issued_act (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collectivity_id uuid NOT NULL REFERENCES collectivity(id) ON DELETE CASCADE,
        item_id uuid NOT NULL,
        rectifies_item_id uuid,
        pdf bytea NOT NULL,
        sha256 char(64) NOT NULL,
        bytes integer NOT NULL,
        template_versions jsonb NOT NULL,
        signature_mode text NOT NULL CONSTRAINT issued_act_signature_mode CHECK (signature_mode IN ('signers', 'seal', 'development', 'paper')),
        signers jsonb NOT NULL,
        verification_code text NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT issued_act_item_fk FOREIGN KEY (collectivity_id, item_id) REFERENCES item(collectivity_id, id),
        CONSTRAINT issued_act_rectifies_fk FOREIGN KEY (collectivity_id, rectifies_item_id) REFERENCES item(collectivity_id, id),
        CONSTRAINT issued_act_item_unique UNIQUE (item_id),
        CONSTRAINT issued_act_code_unique UNIQUE (verification_code),
        CONSTRAINT issued_act_tenant_unique UNIQUE (collectivity_id, id)
      )`);
    await q.query(`CREATE INDEX issued_act_sha256 ON issued_act (sha256)`);
    await q.query(`
      CREATE TABLE sealed_record (
        collectivity_id uuid NOT NULL REFERENCES collectivity(id),
        seq integer NOT NULL CONSTRAINT sealed_record_seq_positive CHECK (seq > 0),
        issued_act_id uuid NOT NULL,
        item_id uuid NOT NULL,
        canonical text NOT NULL,
        record_hash char(64) NOT NULL,
        previous_hash char(64),
        sealed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (collectivity_id, seq),
        CONSTRAINT sealed_record_act_fk FOREIGN KEY (collectivity_id, issued_act_id) REFERENCES issued_act(collectivity_id, id),
        CONSTRAINT sealed_record_act_unique UNIQUE (issued_act_id),
        CONSTRAINT sealed_record_first_link CHECK ((seq = 1) = (previous_hash IS NULL))
      )`);
    // The development certificate generated at first start (platform-wide; never a collectivity's seal).
    await q.query(`
      CREATE TABLE signing_certificate (
        name text PRIMARY KEY,
        ca_pem text NOT NULL,
        p12 bytea NOT NULL,
        passphrase text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE FUNCTION registre_write_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% rows are sealed: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'RG002';
      END $$`);
    for (const t of ['act_signature', 'issued_act', 'sealed_record', 'signing_certificate']) {
      await q.query(`CREATE TRIGGER ${t}_write_once BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION registre_write_once()`);
    }
    // An annex goes with its act: added, changed or removed only until the act is issued.
    await q.query(`
      CREATE FUNCTION registre_annex_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE target uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.item_id ELSE NEW.item_id END;
      BEGIN
        IF EXISTS (SELECT 1 FROM issued_act a WHERE a.item_id = target) OR TG_OP = 'UPDATE' THEN
          RAISE EXCEPTION 'annexes of an issued act are sealed: % refused', TG_OP USING ERRCODE = 'RG002';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`CREATE TRIGGER annex_sealed_with_act BEFORE INSERT OR UPDATE OR DELETE ON annex FOR EACH ROW EXECUTE FUNCTION registre_annex_guard()`);
    // The files themselves are hashed in their rows: the trail says they were written, without a copy of their bytes.
    await tenantTable(q, 'annex', { personal: ['content'] });
    await tenantTable(q, 'act_signature');
    await tenantTable(q, 'issued_act', { personal: ['pdf'] });
    await tenantTable(q, 'sealed_record');
    // The public verification page finds an act by its printed code alone, before knowing its collectivity: the one
    // narrow path across collectivities, returning which collectivity holds the act and nothing else.
    await q.query(`
      CREATE FUNCTION registre_issued_act_by_code(code text) RETURNS TABLE (collectivity_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS
      $$ SELECT a.collectivity_id FROM issued_act a WHERE a.verification_code = code $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS registre_issued_act_by_code(text)`);
    for (const t of ['sealed_record', 'issued_act', 'act_signature', 'annex']) await dropTenantTable(q, t);
    await q.query(`DROP TABLE IF EXISTS sealed_record`);
    await q.query(`DROP TABLE IF EXISTS issued_act`);
    await q.query(`DROP TABLE IF EXISTS act_signature`);
    await q.query(`DROP TABLE IF EXISTS annex`);
    await q.query(`DROP TABLE IF EXISTS signing_certificate`);
    await q.query(`DROP FUNCTION IF EXISTS registre_annex_guard()`);
    await q.query(`DROP FUNCTION IF EXISTS registre_write_once()`);
  }
}
