import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * L2121-17 (L3121-14, L4132-13): a second convocation deliberates whatever the number present "sur le même ordre du
 * jour" only. An item of it names the item of the failed first convocation it carries over: same collectivity
 * (composite key), once (unique), and an item of the first convocation its session names (trigger). The item
 * guard of CoreRegister seals the column with the rest of the item once voted or closed.
 */
export class CarriedOverItems1763901000000 implements MigrationInterface {
  name = 'CarriedOverItems1763901000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE item ADD COLUMN carried_from_item_id uuid`);
    await q.query(`ALTER TABLE item ADD CONSTRAINT item_carried_from_fk
      FOREIGN KEY (collectivity_id, carried_from_item_id) REFERENCES item(collectivity_id, id) ON DELETE NO ACTION`);
    await q.query(`ALTER TABLE item ADD CONSTRAINT item_carried_from_unique UNIQUE (carried_from_item_id)`);
    // An unknown item is left to the foreign key, which names it; a known one must be of the first convocation.
    await q.query(`
      CREATE FUNCTION registre_item_carried_from_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.carried_from_item_id IS NOT NULL
           AND EXISTS (SELECT 1 FROM item src WHERE src.id = NEW.carried_from_item_id AND src.collectivity_id = NEW.collectivity_id)
           AND NOT EXISTS (SELECT 1 FROM item src JOIN session s ON s.first_convocation_session_id = src.session_id
                            WHERE src.id = NEW.carried_from_item_id AND s.id = NEW.session_id) THEN
          RAISE EXCEPTION 'item % carries over an item that is not on the agenda of its session''s first convocation', NEW.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'item_carried_from_first_convocation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER item_carried_from_first_convocation BEFORE INSERT OR UPDATE OF carried_from_item_id, session_id ON item
      FOR EACH ROW EXECUTE FUNCTION registre_item_carried_from_guard()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS item_carried_from_first_convocation ON item`);
    await q.query(`DROP FUNCTION IF EXISTS registre_item_carried_from_guard()`);
    await q.query(`ALTER TABLE item DROP CONSTRAINT IF EXISTS item_carried_from_unique`);
    await q.query(`ALTER TABLE item DROP CONSTRAINT IF EXISTS item_carried_from_fk`);
    await q.query(`ALTER TABLE item DROP COLUMN IF EXISTS carried_from_item_id`);
  }
}
