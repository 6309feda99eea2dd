import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A rectification is part of the records of both sessions (the rectifying act names the original): recording one
 * moves both sessions' versions (RecordClock1764008000000), so that no cached record misses it.
 */
export class RectificationClock1764012000000 implements MigrationInterface {
  name = 'RectificationClock1764012000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION registre_act_rectification_clock() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE r act_rectification := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      BEGIN
        PERFORM registre_record_changed((SELECT i.session_id FROM item i WHERE i.id = r.item_id), '{}', r.item_id, false);
        PERFORM registre_record_changed((SELECT i.session_id FROM item i WHERE i.id = r.rectifies_item_id), '{}', r.rectifies_item_id, false);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER act_rectification_clock AFTER INSERT OR UPDATE OR DELETE ON act_rectification FOR EACH ROW EXECUTE FUNCTION registre_act_rectification_clock()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS act_rectification_clock ON act_rectification`);
    await q.query(`DROP FUNCTION IF EXISTS registre_act_rectification_clock()`);
  }
}
