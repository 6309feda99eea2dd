import { MigrationInterface, QueryRunner } from 'typeorm';
import { dropTenantTable, tenantTable } from '../src/database/tenant-table';

/** Every tenant table of the register at this point, with the columns recorded as changed but never by value. */
const TENANT_TABLES: [string, string[]][] = [
  ['body', []], ['member', ['birth_date']], ['membership', []], ['session', []], ['session_secretary', []], ['session_transition', []],
  ['item', []], ['number_sequence', []], ['attendance', []], ['attendance_change', []], ['proxy', []], ['proxy_session', []],
  ['item_recusal', []], ['vote', []], ['ballot', []], ['election_candidate', ['birth_date']], ['election_round', []],
  ['template_override', []], ['rendered_document', []], ['minutes', []], ['minutes_debate', []], ['vote_request', []],
];

/**
 * Tenant isolation in PostgreSQL and the audit trail.
 *
 * The application's role (not the owner, not a superuser: src/database/app-role.ts) reaches a tenant row only in
 * a transaction whose unit of work set `app.collectivity_id` to that row's collectivity (SET LOCAL). Without one
 * it reads the directory of collectivities (their identity only: name, SIREN, département) and nothing else.
 *
 * Every write to a tenant table appends to audit_log: who (account or token, from `app.actor_*`), when, the use
 * case, the table, the row, and each field changed before → after; the fields marked personal only say that they
 * changed. audit_log refuses UPDATE, DELETE and TRUNCATE to everyone, like a sealed row (RG002); the owner alone
 * could drop the trigger, which is a schema change of its own.
 */
export class TenantIsolation1764000000000 implements MigrationInterface {
  name = 'TenantIsolation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION registre_collectivity() RETURNS uuid LANGUAGE sql STABLE AS
      $$ SELECT NULLIF(current_setting('app.collectivity_id', true), '')::uuid $$`);
    await q.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        collectivity_id uuid,
        at timestamptz NOT NULL DEFAULT now(),
        actor_kind text NOT NULL,
        actor_id text,
        token_id text,
        actor_label text NOT NULL,
        use_case text,
        request_id text,
        table_name text NOT NULL,
        operation text NOT NULL CONSTRAINT audit_log_operation_check CHECK (operation IN ('INSERT','UPDATE','DELETE')),
        row_id text,
        session_id uuid,
        item_id uuid,
        changes jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX audit_log_session_idx ON audit_log (collectivity_id, session_id, id) WHERE session_id IS NOT NULL`);
    await q.query(`CREATE INDEX audit_log_item_idx ON audit_log (collectivity_id, item_id, id) WHERE item_id IS NOT NULL`);
    await q.query(`ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON audit_log USING (collectivity_id = registre_collectivity())
                   WITH CHECK (collectivity_id IS NOT DISTINCT FROM registre_collectivity())`);
    await q.query(`
      CREATE FUNCTION registre_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit trail is append-only: % refused', TG_OP USING ERRCODE = 'RG002';
      END $$`);
    await q.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION registre_audit_append_only()`);
    await q.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION registre_audit_append_only()`);
    // The arguments of the trigger are the personal columns. The session and the item a row belongs to are kept
    // so that the trail reads per session and per act.
    await q.query(`
      CREATE FUNCTION registre_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
        new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
        r jsonb := COALESCE(new_row, old_row);
        diff jsonb;
        cid uuid;
        sid uuid;
        iid uuid;
      BEGIN
        SELECT jsonb_object_agg(k, CASE WHEN k = ANY (TG_ARGV) THEN jsonb_build_object('personal', true)
                                        ELSE jsonb_build_object('before', old_row -> k, 'after', new_row -> k) END)
          INTO diff
          FROM jsonb_object_keys(COALESCE(new_row, old_row)) AS k
         WHERE (old_row -> k) IS DISTINCT FROM (new_row -> k)
           AND NOT (TG_OP = 'INSERT' AND new_row -> k = 'null'::jsonb);
        IF diff IS NULL THEN RETURN NULL; END IF;
        cid := CASE WHEN TG_TABLE_NAME = 'collectivity' THEN (r ->> 'id')::uuid
                    WHEN r ? 'collectivity_id' THEN (r ->> 'collectivity_id')::uuid ELSE registre_collectivity() END;
        sid := CASE WHEN TG_TABLE_NAME = 'session' THEN (r ->> 'id')::uuid ELSE (r ->> 'session_id')::uuid END;
        iid := CASE WHEN TG_TABLE_NAME = 'item' THEN (r ->> 'id')::uuid ELSE (r ->> 'item_id')::uuid END;
        IF iid IS NULL AND r ? 'vote_id' THEN SELECT v.item_id INTO iid FROM vote v WHERE v.id = (r ->> 'vote_id')::uuid; END IF;
        IF sid IS NULL AND iid IS NOT NULL THEN SELECT i.session_id INTO sid FROM item i WHERE i.id = iid; END IF;
        IF sid IS NULL AND r ? 'minutes_id' THEN SELECT m.session_id INTO sid FROM minutes m WHERE m.id = (r ->> 'minutes_id')::uuid; END IF;
        INSERT INTO audit_log (collectivity_id, actor_kind, actor_id, token_id, actor_label, use_case, request_id, table_name, operation, row_id, session_id, item_id, changes)
        VALUES (cid,
                COALESCE(NULLIF(current_setting('app.actor_kind', true), ''), 'database'),
                NULLIF(current_setting('app.actor_id', true), ''),
                NULLIF(current_setting('app.token_id', true), ''),
                COALESCE(NULLIF(current_setting('app.actor_label', true), ''), 'database:' || session_user),
                NULLIF(current_setting('app.use_case', true), ''),
                NULLIF(current_setting('app.request_id', true), ''),
                TG_TABLE_NAME, TG_OP, r ->> 'id', sid, iid, diff);
        RETURN NULL;
      END $$`);

    await q.query(`ALTER TABLE collectivity ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON collectivity USING (id = registre_collectivity()) WITH CHECK (id = registre_collectivity())`);
    // The directory: with no collectivity set (home page, sign-in, the CLI's --collectivity), the identity of
    // every collectivity is readable, and nothing else of theirs.
    await q.query(`CREATE POLICY collectivity_directory ON collectivity FOR SELECT USING (registre_collectivity() IS NULL)`);
    await q.query(`CREATE TRIGGER collectivity_audit AFTER INSERT OR UPDATE OR DELETE ON collectivity FOR EACH ROW EXECUTE FUNCTION registre_audit()`);
    for (const [table, personal] of TENANT_TABLES) await tenantTable(q, table, { personal });
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table] of [...TENANT_TABLES].reverse()) await dropTenantTable(q, table);
    await q.query(`DROP TRIGGER IF EXISTS collectivity_audit ON collectivity`);
    await q.query(`DROP POLICY IF EXISTS collectivity_directory ON collectivity`);
    await q.query(`DROP POLICY IF EXISTS tenant_isolation ON collectivity`);
    await q.query(`ALTER TABLE collectivity DISABLE ROW LEVEL SECURITY`);
    await q.query(`DROP FUNCTION IF EXISTS registre_audit()`);
    await q.query(`DROP TABLE IF EXISTS audit_log`);
    await q.query(`DROP FUNCTION IF EXISTS registre_audit_append_only()`);
    await q.query(`DROP FUNCTION IF EXISTS registre_collectivity()`);
  }
}
