import { MigrationInterface, QueryRunner } from 'typeorm';

export const FACTS = 'starts_at, place, convocation_date, second_convocation, president_id';

/** The facts of a session its voted acts print, sealed by registre_session_facts_guard (SealVotedSessionFacts). */
export function factsGuard(columns: string): string {
  const old = columns.split(', ').map((c) => `OLD.${c}`).join(', ');
  const neu = columns.split(', ').map((c) => `NEW.${c}`).join(', ');
  return `
    CREATE OR REPLACE FUNCTION registre_session_facts_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF (${neu}) IS DISTINCT FROM (${old}) AND registre_last_voted_position(OLD.id) IS NOT NULL THEN
        RAISE EXCEPTION 'session % has voted items: the facts their acts print are sealed', OLD.id USING ERRCODE = 'RG002';
      END IF;
      RETURN NEW;
    END $$`;
}

/**
 * L2121-17: a second convocation deliberates whatever the number present, so it names the first convocation
 * whose quorum failed: a session of the same collectivity (composite key; same body and dates are checked by
 * the service). Existing second convocations keep a null link: the law's evidence cannot be made up here.
 */
export class SecondConvocationLink1763900800000 implements MigrationInterface {
  name = 'SecondConvocationLink1763900800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE session ADD COLUMN first_convocation_session_id uuid`);
    await q.query(`ALTER TABLE session ADD CONSTRAINT session_first_convocation_fk
      FOREIGN KEY (collectivity_id, first_convocation_session_id) REFERENCES session(collectivity_id, id) ON DELETE NO ACTION`);
    await q.query(`ALTER TABLE session ADD CONSTRAINT session_first_convocation_check CHECK (first_convocation_session_id IS NULL OR second_convocation)`);
    await q.query(`ALTER TABLE session ADD CONSTRAINT session_first_convocation_not_self CHECK (first_convocation_session_id <> id)`);
    await q.query(`CREATE INDEX session_first_convocation_idx ON session (first_convocation_session_id) WHERE first_convocation_session_id IS NOT NULL`);
    // The link justifies the waived quorum printed on every act of the session: sealed with the other facts.
    await q.query(factsGuard(`${FACTS}, first_convocation_session_id`));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(factsGuard(FACTS));
    await q.query(`DROP INDEX IF EXISTS session_first_convocation_idx`);
    await q.query(`ALTER TABLE session DROP CONSTRAINT IF EXISTS session_first_convocation_not_self`);
    await q.query(`ALTER TABLE session DROP CONSTRAINT IF EXISTS session_first_convocation_check`);
    await q.query(`ALTER TABLE session DROP CONSTRAINT IF EXISTS session_first_convocation_fk`);
    await q.query(`ALTER TABLE session DROP COLUMN IF EXISTS first_convocation_session_id`);
  }
}
