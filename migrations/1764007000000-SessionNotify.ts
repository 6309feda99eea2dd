import { MigrationInterface, QueryRunner } from 'typeorm';

// Tables whose rows change what a live screen of a session shows, and how a row finds its session.
const BY_SESSION = ['attendance', 'attendance_change', 'proxy_session', 'item'];
const BY_ITEM = ['item_recusal', 'vote'];

/**
 * Live screens (console, projector) learn that a session changed through NOTIFY on channel `session_<id>` with its
 * version: sent inside the writing transaction, PostgreSQL delivers it at commit (never for a rolled-back change),
 * to every app instance listening on the database. Identical notifications of one transaction are folded into one.
 */
export class SessionNotify1764007000000 implements MigrationInterface {
  name = 'SessionNotify1764007000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION registre_notify_session(sid uuid) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE v integer;
      BEGIN
        SELECT version INTO v FROM session WHERE id = sid;
        IF FOUND THEN PERFORM pg_notify('session_' || sid::text, v::text); END IF;
      END $$`);
    await q.query(`
      CREATE FUNCTION registre_session_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('session_' || NEW.id::text, NEW.version::text);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER session_notify AFTER UPDATE ON session FOR EACH ROW EXECUTE FUNCTION registre_session_notify()`);
    await q.query(`
      CREATE FUNCTION registre_session_row_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM registre_notify_session(CASE WHEN TG_OP = 'DELETE' THEN OLD.session_id ELSE NEW.session_id END);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION registre_item_row_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM registre_notify_session((SELECT session_id FROM item WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.item_id ELSE NEW.item_id END));
        RETURN NULL;
      END $$`);
    for (const t of BY_SESSION) await q.query(`CREATE TRIGGER ${t}_notify AFTER INSERT OR UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION registre_session_row_notify()`);
    for (const t of BY_ITEM) await q.query(`CREATE TRIGGER ${t}_notify AFTER INSERT OR UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION registre_item_row_notify()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [...BY_SESSION, ...BY_ITEM, 'session']) await q.query(`DROP TRIGGER IF EXISTS ${t}_notify ON ${t}`);
    await q.query(`DROP FUNCTION IF EXISTS registre_item_row_notify()`);
    await q.query(`DROP FUNCTION IF EXISTS registre_session_row_notify()`);
    await q.query(`DROP FUNCTION IF EXISTS registre_session_notify()`);
    await q.query(`DROP FUNCTION IF EXISTS registre_notify_session(uuid)`);
  }
}
