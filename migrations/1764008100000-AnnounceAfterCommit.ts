import { MigrationInterface, QueryRunner } from 'typeorm';

const IGNORED = `'{version,record_version,updated_at}'::text[]`;
const clock = (scope: 'true' | 'false') => `
  CREATE OR REPLACE FUNCTION registre_session_clock() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF registre_session_moved(OLD.id) THEN
      NEW.version := OLD.version;
    ELSE
      NEW.version := OLD.version + 1;
      PERFORM set_config('registre.v_' || replace(OLD.id::text, '-', ''), '1', true);
      PERFORM set_config('registre.changed', concat_ws(',', NULLIF(current_setting('registre.changed', true), ''), OLD.id || '=' || NEW.version), ${scope});
    END IF;
    IF (to_jsonb(NEW) - ${IGNORED}) IS DISTINCT FROM (to_jsonb(OLD) - ${IGNORED}) THEN
      INSERT INTO session_change (collectivity_id, session_id, version, whole) VALUES (NEW.collectivity_id, NEW.id, NEW.version, true);
    END IF;
    RETURN NEW;
  END $$`;

/**
 * The list of sessions whose version a transaction moved (registre.changed) is kept at the level of the connection
 * rather than of the transaction: the unit of work reads it in the same message as its COMMIT, to announce the
 * changes right after it (src/database/unit-of-work.ts). A rolled-back transaction takes its part of the list with it.
 */
export class AnnounceAfterCommit1764008100000 implements MigrationInterface {
  name = 'AnnounceAfterCommit1764008100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(clock('false'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(clock('true'));
  }
}
