import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Once an item of a session is voted, its act prints the session's facts (date and time, place,
 * convocation, president, secretaries: L2121-15, L2121-23, R2131-1) and the attendance at the
 * opening. The services refuse such changes; from here the database refuses them too (RG002).
 * Arrivals and departures after the last voted item stay possible: they belong to later acts.
 */
export class SealVotedSessionFacts1763900300000 implements MigrationInterface {
  name = 'SealVotedSessionFacts1763900300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION registre_last_voted_position(sid uuid) RETURNS integer LANGUAGE sql STABLE AS $$
        SELECT max(position) FROM item WHERE session_id = sid AND status = 'voted'
      $$`);
    await q.query(`
      CREATE FUNCTION registre_session_facts_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (NEW.starts_at, NEW.place, NEW.convocation_date, NEW.second_convocation, NEW.president_id)
             IS DISTINCT FROM (OLD.starts_at, OLD.place, OLD.convocation_date, OLD.second_convocation, OLD.president_id)
           AND registre_last_voted_position(OLD.id) IS NOT NULL THEN
          RAISE EXCEPTION 'session % has voted items: the facts their acts print are sealed', OLD.id USING ERRCODE = 'RG002';
        END IF;
        RETURN NEW;
      END $$`);
    // Named to fire after session_sealed (triggers fire by name): a closed session says so first.
    await q.query(`CREATE TRIGGER session_voted_facts_sealed BEFORE UPDATE ON session FOR EACH ROW EXECUTE FUNCTION registre_session_facts_guard()`);
    // Secretaries and the opening attendance apply to every item: sealed by the first vote.
    await q.query(`
      CREATE FUNCTION registre_voted_session_rows_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE sid uuid;
      BEGIN
        sid := CASE WHEN TG_OP = 'DELETE' THEN OLD.session_id ELSE NEW.session_id END;
        IF registre_last_voted_position(sid) IS NOT NULL THEN
          RAISE EXCEPTION 'session % has voted items: % is sealed', sid, TG_TABLE_NAME USING ERRCODE = 'RG002';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    for (const t of ['session_secretary', 'attendance']) {
      await q.query(`CREATE TRIGGER ${t}_voted_sealed BEFORE INSERT OR UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION registre_voted_session_rows_guard()`);
    }
    // An arrival or departure may not take effect at or before an item already voted.
    await q.query(`
      CREATE FUNCTION registre_attendance_change_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE r record; last integer; pos integer;
      BEGIN
        r := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        last := registre_last_voted_position(r.session_id);
        SELECT position INTO pos FROM item WHERE id = r.from_item_id;
        IF last IS NOT NULL AND pos <= last THEN
          RAISE EXCEPTION 'item at position % is voted: a change from position % would alter its act', last, pos USING ERRCODE = 'RG002';
        END IF;
        RETURN r;
      END $$`);
    await q.query(`CREATE TRIGGER attendance_change_voted_sealed BEFORE INSERT OR UPDATE OR DELETE ON attendance_change FOR EACH ROW EXECUTE FUNCTION registre_attendance_change_guard()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS attendance_change_voted_sealed ON attendance_change`);
    await q.query(`DROP FUNCTION IF EXISTS registre_attendance_change_guard()`);
    for (const t of ['attendance', 'session_secretary']) await q.query(`DROP TRIGGER IF EXISTS ${t}_voted_sealed ON ${t}`);
    await q.query(`DROP FUNCTION IF EXISTS registre_voted_session_rows_guard()`);
    await q.query(`DROP TRIGGER IF EXISTS session_voted_facts_sealed ON session`);
    await q.query(`DROP FUNCTION IF EXISTS registre_session_facts_guard()`);
    await q.query(`DROP FUNCTION IF EXISTS registre_last_voted_position(uuid)`);
  }
}
