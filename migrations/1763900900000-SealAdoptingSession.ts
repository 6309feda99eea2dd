import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A procès-verbal adopted at a session prints that session's date ("adopté lors de la séance du ...", L2121-15),
 * and its adoption was checked against it (a later session of the same body): from the adoption on, the
 * session's date and body are sealed (RG002), as the facts of a session with a voted item are.
 */
export class SealAdoptingSession1763900900000 implements MigrationInterface {
  name = 'SealAdoptingSession1763900900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION registre_session_adoption_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (NEW.starts_at, NEW.body_id) IS DISTINCT FROM (OLD.starts_at, OLD.body_id)
           AND EXISTS (SELECT 1 FROM minutes WHERE adopted_at_session_id = OLD.id) THEN
          RAISE EXCEPTION 'a procès-verbal was adopted at session %: its date is sealed', OLD.id USING ERRCODE = 'RG002';
        END IF;
        RETURN NEW;
      END $$`);
    // Named to fire after session_sealed (triggers fire by name): a closed session says so first.
    await q.query(`CREATE TRIGGER session_with_adoption_sealed BEFORE UPDATE ON session FOR EACH ROW EXECUTE FUNCTION registre_session_adoption_guard()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS session_with_adoption_sealed ON session`);
    await q.query(`DROP FUNCTION IF EXISTS registre_session_adoption_guard()`);
  }
}
