import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The members who asked for a public vote or a secret ballot (L2121-21: a quarter, a sixth in départements,
 * a third for a secret ballot), which the procès-verbal states (L2121-15). Sealed like ballots: written only
 * in the transaction that records the vote, never changed after.
 */
export class VoteRequests1763900700000 implements MigrationInterface {
  name = 'VoteRequests1763900700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE vote_request (
        collectivity_id uuid NOT NULL,
        vote_id uuid NOT NULL,
        member_id uuid NOT NULL,
        rank integer NOT NULL CONSTRAINT vote_request_rank_check CHECK (rank >= 1),
        PRIMARY KEY (vote_id, member_id),
        CONSTRAINT vote_request_vote_fk FOREIGN KEY (collectivity_id, vote_id) REFERENCES vote(collectivity_id, id),
        CONSTRAINT vote_request_member_fk FOREIGN KEY (collectivity_id, member_id) REFERENCES member(collectivity_id, id),
        CONSTRAINT vote_request_rank_unique UNIQUE (vote_id, rank)
      )`);
    // Only a public vote or a secret ballot is requested; a show of hands or an election has no requesters.
    await q.query(`
      CREATE FUNCTION registre_vote_request_mode_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM vote v WHERE v.id = NEW.vote_id AND v.mode IN ('roll_call','secret')) THEN
          RAISE EXCEPTION 'only a public vote or a secret ballot has requesters' USING ERRCODE = 'check_violation', CONSTRAINT = 'vote_request_mode_check';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER vote_request_mode BEFORE INSERT ON vote_request FOR EACH ROW EXECUTE FUNCTION registre_vote_request_mode_guard()`);
    await q.query(`CREATE TRIGGER vote_request_written_with_vote BEFORE INSERT ON vote_request FOR EACH ROW EXECUTE FUNCTION registre_vote_rows_guard()`);
    await q.query(`CREATE TRIGGER vote_request_immutable BEFORE UPDATE OR DELETE ON vote_request FOR EACH ROW EXECUTE FUNCTION registre_vote_immutable()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS vote_request`);
    await q.query(`DROP FUNCTION IF EXISTS registre_vote_request_mode_guard()`);
  }
}
