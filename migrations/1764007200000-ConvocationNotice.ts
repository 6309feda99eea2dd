import { MigrationInterface, QueryRunner } from 'typeorm';
import { FACTS, factsGuard } from './1763900800000-SecondConvocationLink';

/**
 * The notice of a convocation (L2121-11, L2121-12): the collectivity's population decides three or five clear days;
 * a shorter notice is accepted in urgency, which the session records and its acts print. Urgency is one of the facts
 * a voted act prints: sealed like them by registre_session_facts_guard.
 */
export class ConvocationNotice1764007200000 implements MigrationInterface {
  name = 'ConvocationNotice1764007200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE collectivity ADD COLUMN population integer CONSTRAINT collectivity_population_check CHECK (population IS NULL OR population >= 0)`);
    await q.query(`ALTER TABLE session ADD COLUMN urgency boolean NOT NULL DEFAULT false`);
    await q.query(factsGuard(`${FACTS}, first_convocation_session_id, urgency`));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(factsGuard(`${FACTS}, first_convocation_session_id`));
    await q.query(`ALTER TABLE session DROP COLUMN urgency`);
    await q.query(`ALTER TABLE collectivity DROP COLUMN population`);
  }
}
