import { MigrationInterface, QueryRunner } from 'typeorm';
import { dropTenantTable, tenantTable } from '../src/database/tenant-table';

const FACTS = `'{transmitted_at,received_at,published_at,acte_id,version,updated_at}'::text[]`;
const FACTS_BEFORE = `'{transmitted_at,published_at,acte_id,version,updated_at}'::text[]`;

/** registre_item_guard of CoreRegister, with `facts` the columns that may still be set on a sealed item. */
const itemGuard = (facts: string) => `
  CREATE OR REPLACE FUNCTION registre_item_guard() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE st text;
  BEGIN
    SELECT status INTO st FROM session WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.session_id ELSE NEW.session_id END;
    IF st IN ('closed','cancelled') THEN
      IF TG_OP <> 'UPDATE' OR (to_jsonb(NEW) - ${facts})
                             <> (to_jsonb(OLD) - ${facts}) THEN
        RAISE EXCEPTION 'session is %; item % is sealed', st, COALESCE(NEW.id, OLD.id) USING ERRCODE = 'RG001';
      END IF;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.status = 'voted' AND (to_jsonb(NEW) - ${facts})
                             <> (to_jsonb(OLD) - ${facts}) THEN
      RAISE EXCEPTION 'item % is voted; its text is sealed', OLD.id USING ERRCODE = 'RG002';
    END IF;
    IF TG_OP = 'DELETE' AND OLD.status = 'voted' THEN
      RAISE EXCEPTION 'item % is voted; it cannot be deleted', OLD.id USING ERRCODE = 'RG002';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END $$`;

/**
 * The exécutoire facts of an act (L2131-1): sent to the préfecture (transmitted_at), received there (received_at,
 * the acknowledgement's date of receipt, printed and exported, with the platform's identifier acte_id, stored as
 * given), published (published_at). Each is written once: a trigger refuses to change a value once set (RG003)
 * unless the same transaction wrote its correction (executoire_correction: the field, both values and the reason,
 * append-only and in the audit trail).
 */
export class ExecutoireFacts1764000100000 implements MigrationInterface {
  name = 'ExecutoireFacts1764000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE item ADD COLUMN received_at date`);
    await q.query(itemGuard(FACTS));
    await q.query(`
      CREATE TABLE executoire_correction (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collectivity_id uuid NOT NULL,
        item_id uuid NOT NULL,
        field text NOT NULL CONSTRAINT executoire_correction_field_check CHECK (field IN ('transmitted_at','received_at','acte_id','published_at')),
        before text,
        after text,
        reason text NOT NULL CONSTRAINT executoire_correction_reason_check CHECK (length(btrim(reason)) >= 3),
        at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT executoire_correction_item_fk FOREIGN KEY (collectivity_id, item_id) REFERENCES item(collectivity_id, id)
      )`);
    await q.query(`CREATE INDEX executoire_correction_item_idx ON executoire_correction (item_id)`);
    await q.query(`CREATE TRIGGER executoire_correction_immutable BEFORE UPDATE OR DELETE ON executoire_correction FOR EACH ROW EXECUTE FUNCTION registre_vote_immutable()`);
    await tenantTable(q, 'executoire_correction');
    await q.query(`
      CREATE FUNCTION registre_executoire_once() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE f text; was text; now_ text;
      BEGIN
        FOREACH f IN ARRAY ARRAY['transmitted_at','received_at','acte_id','published_at'] LOOP
          was := to_jsonb(OLD) ->> f;
          now_ := to_jsonb(NEW) ->> f;
          IF was IS NOT NULL AND now_ IS DISTINCT FROM was AND NOT EXISTS (
               SELECT 1 FROM executoire_correction c WHERE c.item_id = NEW.id AND c.field = f
                  AND c.xmin::text::bigint = pg_current_xact_id()::text::bigint % 4294967296) THEN
            RAISE EXCEPTION 'item %: % is recorded (%); only a correction with a reason changes it', OLD.id, f, was USING ERRCODE = 'RG003';
          END IF;
        END LOOP;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER item_executoire_once BEFORE UPDATE ON item FOR EACH ROW EXECUTE FUNCTION registre_executoire_once()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS item_executoire_once ON item`);
    await q.query(`DROP FUNCTION IF EXISTS registre_executoire_once()`);
    await dropTenantTable(q, 'executoire_correction');
    await q.query(`DROP TABLE IF EXISTS executoire_correction`);
    await q.query(itemGuard(FACTS_BEFORE));
    await q.query(`ALTER TABLE item DROP COLUMN received_at`);
  }
}
