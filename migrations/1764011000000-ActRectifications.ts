import { MigrationInterface, QueryRunner } from 'typeorm';
import { dropTenantTable, tenantTable } from '../src/database/tenant-table';

/**
 * Rectificative acts (issue 9): a correction is a new deliberation that points to the issued act it rectifies, which
 * stays as it was. The link belongs to the new act's text, so it is set, changed or removed only while that item is a
 * draft (a trigger refuses it afterwards, as the item's own text is sealed by its vote). Issuing copies it into the
 * new act's issued row (issued_act.rectifies_item_id, indexed here for "rectified by") and its sealed record.
 */
export class ActRectifications1764011000000 implements MigrationInterface {
  name = 'ActRectifications1764011000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE act_rectification (
        item_id uuid PRIMARY KEY,
        collectivity_id uuid NOT NULL REFERENCES collectivity(id) ON DELETE CASCADE,
        rectifies_item_id uuid NOT NULL,
        kind text NOT NULL CONSTRAINT act_rectification_kind CHECK (kind IN ('material-error', 'replacement')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT act_rectification_item_fk FOREIGN KEY (collectivity_id, item_id) REFERENCES item(collectivity_id, id) ON DELETE CASCADE,
        CONSTRAINT act_rectification_original_fk FOREIGN KEY (collectivity_id, rectifies_item_id) REFERENCES item(collectivity_id, id),
        CONSTRAINT act_rectification_not_itself CHECK (item_id <> rectifies_item_id)
      )`);
    await q.query(`CREATE INDEX act_rectification_original ON act_rectification (rectifies_item_id)`);
    await q.query(`CREATE INDEX issued_act_rectifies ON issued_act (rectifies_item_id) WHERE rectifies_item_id IS NOT NULL`);
    await q.query(`
      CREATE FUNCTION registre_rectification_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE target uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW.item_id ELSE OLD.item_id END;
      BEGIN
        IF EXISTS (SELECT 1 FROM item i WHERE i.id = target AND i.status <> 'draft')
           OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM item i WHERE i.id = NEW.item_id AND i.status <> 'draft')) THEN
          RAISE EXCEPTION 'what a voted act rectifies is part of its sealed text: % refused', TG_OP USING ERRCODE = 'RG002';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`CREATE TRIGGER act_rectification_sealed_with_vote BEFORE INSERT OR UPDATE OR DELETE ON act_rectification FOR EACH ROW EXECUTE FUNCTION registre_rectification_guard()`);
    await tenantTable(q, 'act_rectification');
  }

  async down(q: QueryRunner): Promise<void> {
    await dropTenantTable(q, 'act_rectification');
    await q.query(`DROP TABLE IF EXISTS act_rectification`);
    await q.query(`DROP FUNCTION IF EXISTS registre_rectification_guard()`);
    await q.query(`DROP INDEX IF EXISTS issued_act_rectifies`);
  }
}
