import { MigrationInterface, QueryRunner } from 'typeorm';

// Rows of a session's record, and how each finds its session, the members and the item's vote it touches.
const CLOCKED: [table: string, session: string, members: string, item: string, whole: string][] = [
  ['attendance', 'r.session_id', 'ARRAY[r.member_id, r.replaces_member_id]', 'NULL', 'false'],
  ['attendance_change', 'r.session_id', 'ARRAY[r.member_id]', 'NULL', 'false'],
  ['session_secretary', 'r.session_id', 'ARRAY[r.member_id]', 'NULL', 'false'],
  ['proxy_session', 'r.session_id', '(SELECT ARRAY[p.giver_id, p.holder_id] FROM proxy p WHERE p.id = r.proxy_id)', 'NULL', 'false'],
  // An item added, removed or moved shifts every position after it: it touches the whole session.
  ['item', 'r.session_id', "'{}'", 'r.id', "TG_OP <> 'UPDATE' OR OLD.position IS DISTINCT FROM NEW.position"],
  ['item_recusal', '(SELECT i.session_id FROM item i WHERE i.id = r.item_id)', 'ARRAY[r.member_id]', 'r.item_id', 'false'],
  ['vote', '(SELECT i.session_id FROM item i WHERE i.id = r.item_id)', "'{}'", 'r.item_id', 'false'],
];
// What every record of a collectivity reads besides its session: the collectivity itself, its bodies, its members.
const COLLECTIVITY_WIDE = ['body', 'member', 'membership'];
// The tables whose triggers sent NOTIFY inside the writing transaction (SessionNotify1764007000000).
const NOTIFYING = ['session', 'attendance', 'attendance_change', 'proxy_session', 'item', 'item_recusal', 'vote'];
const IGNORED = `'{version,record_version,updated_at}'::text[]`;

/**
 * The version of a session's record (issue 7, a fast live path). Every use case that writes rows of the record moves
 * session.version, in the database itself, whichever instance or route made it, and journals what it touched in
 * session_change: so that a cached record is reused exactly while its version holds, and that a gesture made on
 * an older version is refused only when a change since then touches the same member, proxy or item's vote.
 * collectivity.record_version does the same for what all the collectivity's records read (members, bodies).
 * A closed session's version still moves when the exécutoire facts of its items are set: the counter is not the
 * record, so the seal lets it through.
 */
export class RecordClock1764008000000 implements MigrationInterface {
  name = 'RecordClock1764008000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE collectivity ADD COLUMN record_version bigint NOT NULL DEFAULT 0`);
    await q.query(`
      CREATE TABLE session_change (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        collectivity_id uuid NOT NULL,
        session_id uuid NOT NULL,
        version integer NOT NULL,
        members uuid[] NOT NULL DEFAULT '{}',
        item_id uuid,
        whole boolean NOT NULL DEFAULT false,
        at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT session_change_session_fk FOREIGN KEY (collectivity_id, session_id) REFERENCES session(collectivity_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX session_change_version_idx ON session_change (session_id, version)`);
    // A journal derived from audited rows, written by triggers only: tenant-isolated, not audited itself.
    await q.query(`ALTER TABLE session_change ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON session_change USING (collectivity_id = registre_collectivity()) WITH CHECK (collectivity_id = registre_collectivity())`);

    // A use case moves its session's version once, however many rows it writes: a transaction-local mark per session.
    await q.query(`
      CREATE FUNCTION registre_session_moved(sid uuid) RETURNS boolean LANGUAGE sql AS
      $$ SELECT current_setting('registre.v_' || replace(sid::text, '-', ''), true) IS NOT DISTINCT FROM '1' $$`);
    // Any update of a session moves its version (once per transaction), whatever the statement set; a change of
    // its own facts (status, president, date...) touches the whole session.
    await q.query(`
      CREATE FUNCTION registre_session_clock() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF registre_session_moved(OLD.id) THEN
          NEW.version := OLD.version;
        ELSE
          NEW.version := OLD.version + 1;
          PERFORM set_config('registre.v_' || replace(OLD.id::text, '-', ''), '1', true);
          -- What the unit of work announces once committed (NOTIFY session_<id>, the version): see below.
          PERFORM set_config('registre.changed', concat_ws(',', NULLIF(current_setting('registre.changed', true), ''), OLD.id || '=' || NEW.version), true);
        END IF;
        IF (to_jsonb(NEW) - ${IGNORED}) IS DISTINCT FROM (to_jsonb(OLD) - ${IGNORED}) THEN
          INSERT INTO session_change (collectivity_id, session_id, version, whole) VALUES (NEW.collectivity_id, NEW.id, NEW.version, true);
        END IF;
        RETURN NEW;
      END $$`);
    // Named to fire first among the session's BEFORE UPDATE triggers (they fire by name).
    await q.query(`CREATE TRIGGER session_a_clock BEFORE UPDATE ON session FOR EACH ROW EXECUTE FUNCTION registre_session_clock()`);
    await q.query(`
      CREATE FUNCTION registre_record_changed(sid uuid, members uuid[], iid uuid, whole boolean) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE v integer; cid uuid;
      BEGIN
        IF registre_session_moved(sid) THEN
          SELECT version, collectivity_id INTO v, cid FROM session WHERE id = sid;
        ELSE
          UPDATE session SET version = version + 1 WHERE id = sid RETURNING version, collectivity_id INTO v, cid;
        END IF;
        IF FOUND THEN
          INSERT INTO session_change (collectivity_id, session_id, version, members, item_id, whole)
          VALUES (cid, sid, v, array_remove(COALESCE(members, '{}'), NULL), iid, whole);
        END IF;
      END $$`);
    for (const [t, session, members, item, whole] of CLOCKED) {
      // Each row's old and new images: an update that moves a row touches both places.
      const call = (r: 'OLD' | 'NEW') => `PERFORM registre_record_changed(${session.replace(/\br\./g, `${r}.`)}, ${members.replace(/\br\./g, `${r}.`)}, ${item.replace(/\br\./g, `${r}.`)}, ${whole});`;
      await q.query(`
        CREATE FUNCTION registre_${t}_clock() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP <> 'INSERT' THEN ${call('OLD')} END IF;
          IF TG_OP <> 'DELETE' THEN ${call('NEW')} END IF;
          RETURN NULL;
        END $$`);
      await q.query(`CREATE TRIGGER ${t}_clock AFTER INSERT OR UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION registre_${t}_clock()`);
    }
    // A proxy's own row (its revocation): every session it is linked to.
    await q.query(`
      CREATE FUNCTION registre_proxy_clock() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE s uuid;
      BEGIN
        FOR s IN SELECT l.session_id FROM proxy_session l WHERE l.proxy_id = NEW.id LOOP
          PERFORM registre_record_changed(s, ARRAY[NEW.giver_id, NEW.holder_id, OLD.giver_id, OLD.holder_id], NULL, false);
        END LOOP;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER proxy_clock AFTER UPDATE ON proxy FOR EACH ROW EXECUTE FUNCTION registre_proxy_clock()`);

    // Collectivity-wide facts: one counter on the collectivity, moved by any update of it and by its bodies and members.
    await q.query(`
      CREATE FUNCTION registre_collectivity_clock() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.record_version := OLD.record_version + 1;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER collectivity_clock BEFORE UPDATE ON collectivity FOR EACH ROW EXECUTE FUNCTION registre_collectivity_clock()`);
    await q.query(`
      CREATE FUNCTION registre_collectivity_wide_clock() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE collectivity SET record_version = record_version + 1 WHERE id = COALESCE(NEW.collectivity_id, OLD.collectivity_id);
        RETURN NULL;
      END $$`);
    for (const t of COLLECTIVITY_WIDE) {
      await q.query(`CREATE TRIGGER ${t}_clock AFTER INSERT OR UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION registre_collectivity_wide_clock()`);
    }

    // Live screens learn of a change by NOTIFY, sent by the unit of work after its commit (src/database/unit-of-work.ts)
    // rather than by these triggers inside the transaction: PostgreSQL serializes the commits of notifying
    // transactions under one database-wide lock held through their WAL flush, which capped every write of the
    // register at one disk flush at a time (about 800 commits/s at best, measured; 5,000 without).
    for (const t of NOTIFYING) await q.query(`DROP TRIGGER IF EXISTS ${t}_notify ON ${t}`);

    // The seal of a closed session lets its version counter move (and nothing else); the audit trail leaves out
    // updates that move counters only (the rows whose change moved them are audited).
    await q.query(`
      CREATE OR REPLACE FUNCTION registre_session_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status IN ('closed','cancelled')
           AND (TG_OP = 'DELETE' OR (to_jsonb(NEW) - ${IGNORED}) IS DISTINCT FROM (to_jsonb(OLD) - ${IGNORED})) THEN
          RAISE EXCEPTION 'session % is %; its record is sealed', OLD.id, OLD.status USING ERRCODE = 'RG001';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    for (const t of ['session', 'collectivity']) {
      await q.query(`DROP TRIGGER ${t}_audit ON ${t}`);
      await q.query(`CREATE TRIGGER ${t}_audit AFTER INSERT OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION registre_audit()`);
      await q.query(`CREATE TRIGGER ${t}_audit_update AFTER UPDATE ON ${t} FOR EACH ROW
                     WHEN ((to_jsonb(OLD) - ${IGNORED}) IS DISTINCT FROM (to_jsonb(NEW) - ${IGNORED})) EXECUTE FUNCTION registre_audit()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    // As SessionNotify1764007000000 made them.
    await q.query(`CREATE TRIGGER session_notify AFTER UPDATE ON session FOR EACH ROW EXECUTE FUNCTION registre_session_notify()`);
    for (const t of ['attendance', 'attendance_change', 'proxy_session', 'item']) {
      await q.query(`CREATE TRIGGER ${t}_notify AFTER INSERT OR UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION registre_session_row_notify()`);
    }
    for (const t of ['item_recusal', 'vote']) {
      await q.query(`CREATE TRIGGER ${t}_notify AFTER INSERT OR UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION registre_item_row_notify()`);
    }
    for (const t of ['session', 'collectivity']) {
      await q.query(`DROP TRIGGER IF EXISTS ${t}_audit_update ON ${t}`);
      await q.query(`DROP TRIGGER IF EXISTS ${t}_audit ON ${t}`);
      await q.query(`CREATE TRIGGER ${t}_audit AFTER INSERT OR UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION registre_audit()`);
    }
    await q.query(`
      CREATE OR REPLACE FUNCTION registre_session_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status IN ('closed','cancelled') THEN
          RAISE EXCEPTION 'session % is %; its record is sealed', OLD.id, OLD.status USING ERRCODE = 'RG001';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    for (const t of COLLECTIVITY_WIDE) await q.query(`DROP TRIGGER IF EXISTS ${t}_clock ON ${t}`);
    await q.query(`DROP FUNCTION IF EXISTS registre_collectivity_wide_clock()`);
    await q.query(`DROP TRIGGER IF EXISTS collectivity_clock ON collectivity`);
    await q.query(`DROP FUNCTION IF EXISTS registre_collectivity_clock()`);
    await q.query(`DROP TRIGGER IF EXISTS proxy_clock ON proxy`);
    await q.query(`DROP FUNCTION IF EXISTS registre_proxy_clock()`);
    for (const [t] of CLOCKED) {
      await q.query(`DROP TRIGGER IF EXISTS ${t}_clock ON ${t}`);
      await q.query(`DROP FUNCTION IF EXISTS registre_${t}_clock()`);
    }
    await q.query(`DROP FUNCTION IF EXISTS registre_record_changed(uuid, uuid[], uuid, boolean)`);
    await q.query(`DROP TRIGGER IF EXISTS session_a_clock ON session`);
    await q.query(`DROP FUNCTION IF EXISTS registre_session_clock()`);
    await q.query(`DROP FUNCTION IF EXISTS registre_session_moved(uuid)`);
    await q.query(`DROP TABLE IF EXISTS session_change`);
    await q.query(`ALTER TABLE collectivity DROP COLUMN IF EXISTS record_version`);
  }
}
