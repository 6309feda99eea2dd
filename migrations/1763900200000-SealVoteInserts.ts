import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sealing triggers of CoreRegister refuse UPDATE and DELETE of a vote and its rows, not INSERT: ballots,
 * candidates and rounds could still be added to a recorded vote, and a vote to an item of a closed session.
 * Rows of a vote are now accepted only in the transaction that wrote the vote (its xmin is ours).
 */
export class SealVoteInserts1763900200000 implements MigrationInterface {
  name = 'SealVoteInserts1763900200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION registre_vote_rows_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM vote v WHERE v.id = NEW.vote_id
                         AND v.xmin::text::bigint = pg_current_xact_id()::text::bigint % 4294967296) THEN
          RAISE EXCEPTION '% rows are written with their vote, never added to a recorded one', TG_TABLE_NAME USING ERRCODE = 'RG002';
        END IF;
        RETURN NEW;
      END $$`);
    for (const t of ['ballot', 'election_candidate', 'election_round']) {
      await q.query(`CREATE TRIGGER ${t}_written_with_vote BEFORE INSERT ON ${t} FOR EACH ROW EXECUTE FUNCTION registre_vote_rows_guard()`);
    }
    await q.query(`
      CREATE FUNCTION registre_vote_insert_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE st text;
      BEGIN
        SELECT s.status INTO st FROM item i JOIN session s ON s.id = i.session_id WHERE i.id = NEW.item_id;
        IF st IN ('closed','cancelled') THEN
          RAISE EXCEPTION 'session is %; no vote can be added', st USING ERRCODE = 'RG001';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER vote_session_open BEFORE INSERT ON vote FOR EACH ROW EXECUTE FUNCTION registre_vote_insert_guard()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS vote_session_open ON vote`);
    await q.query(`DROP FUNCTION IF EXISTS registre_vote_insert_guard()`);
    for (const t of ['election_round', 'election_candidate', 'ballot']) await q.query(`DROP TRIGGER IF EXISTS ${t}_written_with_vote ON ${t}`);
    await q.query(`DROP FUNCTION IF EXISTS registre_vote_rows_guard()`);
  }
}
