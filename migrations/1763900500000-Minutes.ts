import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The procès-verbal (L2121-15) of a session: its status, where and when it was adopted and published, and
 * the substance of the debates per item. It lives outside the session and item rows, which are sealed at the
 * close: the procès-verbal is written after the session and adopted at a later one. From its adoption it is
 * sealed in turn (RG002); only its publication date may still be set, once.
 */
export class Minutes1763900500000 implements MigrationInterface {
  name = 'Minutes1763900500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE minutes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collectivity_id uuid NOT NULL,
        session_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'draft' CONSTRAINT minutes_status_check CHECK (status IN ('draft','adopted')),
        adopted_at_session_id uuid,
        adopted_on date,
        published_on date,
        version integer NOT NULL DEFAULT 1 CONSTRAINT minutes_version_check CHECK (version >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT minutes_session_fk FOREIGN KEY (collectivity_id, session_id) REFERENCES session(collectivity_id, id) ON DELETE CASCADE,
        CONSTRAINT minutes_adopted_at_fk FOREIGN KEY (collectivity_id, adopted_at_session_id) REFERENCES session(collectivity_id, id),
        CONSTRAINT minutes_session_unique UNIQUE (session_id),
        CONSTRAINT minutes_tenant_unique UNIQUE (collectivity_id, id),
        CONSTRAINT minutes_adoption_check CHECK ((status = 'adopted') = (adopted_at_session_id IS NOT NULL AND adopted_on IS NOT NULL)),
        CONSTRAINT minutes_not_own_session_check CHECK (adopted_at_session_id <> session_id),
        CONSTRAINT minutes_published_check CHECK (published_on IS NULL OR (status = 'adopted' AND published_on >= adopted_on))
      )`);
    await q.query(`CREATE INDEX minutes_adopted_at_idx ON minutes (adopted_at_session_id)`);
    await q.query(`
      CREATE TABLE minutes_debate (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collectivity_id uuid NOT NULL,
        minutes_id uuid NOT NULL,
        item_id uuid NOT NULL,
        text_md text NOT NULL CONSTRAINT minutes_debate_text_length_check CHECK (char_length(text_md) <= 100000),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT minutes_debate_minutes_fk FOREIGN KEY (collectivity_id, minutes_id) REFERENCES minutes(collectivity_id, id) ON DELETE CASCADE,
        CONSTRAINT minutes_debate_item_fk FOREIGN KEY (collectivity_id, item_id) REFERENCES item(collectivity_id, id) ON DELETE CASCADE,
        CONSTRAINT minutes_debate_item_unique UNIQUE (item_id)
      )`);
    await q.query(`CREATE INDEX minutes_debate_minutes_idx ON minutes_debate (minutes_id)`);
    // Adopted: sealed, but for the publication date, set once. Adoption itself is checked here too (L2121-15):
    // the session is closed, the adopting one is a later session of the same body, sitting.
    await q.query(`
      CREATE FUNCTION registre_minutes_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE pv record; adopting record;
      BEGIN
        IF TG_OP <> 'INSERT' AND OLD.status = 'adopted' THEN
          IF TG_OP = 'DELETE' OR OLD.published_on IS NOT NULL OR NEW.published_on IS NULL
             OR (to_jsonb(NEW) - '{published_on,version,updated_at}'::text[]) <> (to_jsonb(OLD) - '{published_on,version,updated_at}'::text[]) THEN
            RAISE EXCEPTION 'minutes % are adopted; only their publication date may be set, once', OLD.id USING ERRCODE = 'RG002';
          END IF;
          RETURN NEW;
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        IF TG_OP = 'UPDATE' AND (NEW.session_id, NEW.collectivity_id) IS DISTINCT FROM (OLD.session_id, OLD.collectivity_id) THEN
          RAISE EXCEPTION 'minutes % belong to their session', OLD.id USING ERRCODE = 'RG002';
        END IF;
        IF NEW.status = 'adopted' THEN
          SELECT body_id, status, starts_at INTO pv FROM session WHERE id = NEW.session_id;
          SELECT body_id, status, starts_at INTO adopting FROM session WHERE id = NEW.adopted_at_session_id;
          IF pv.status <> 'closed' OR adopting.body_id IS DISTINCT FROM pv.body_id OR adopting.starts_at <= pv.starts_at OR adopting.status <> 'open' THEN
            RAISE EXCEPTION 'minutes of a closed session are adopted at a later open session of the same body'
              USING ERRCODE = 'check_violation', CONSTRAINT = 'minutes_adoption_session_check';
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER minutes_sealed BEFORE INSERT OR UPDATE OR DELETE ON minutes FOR EACH ROW EXECUTE FUNCTION registre_minutes_guard()`);
    // Debates follow their procès-verbal: sealed once it is adopted (the share lock waits for a concurrent adoption).
    await q.query(`
      CREATE FUNCTION registre_minutes_debate_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE st text; sid uuid; item_session uuid;
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          SELECT status INTO st FROM minutes WHERE id = OLD.minutes_id FOR SHARE;
          IF st = 'adopted' THEN
            RAISE EXCEPTION 'minutes are adopted; their debates are sealed' USING ERRCODE = 'RG002';
          END IF;
          IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        END IF;
        SELECT status, session_id INTO st, sid FROM minutes WHERE id = NEW.minutes_id FOR SHARE;
        IF st = 'adopted' THEN
          RAISE EXCEPTION 'minutes are adopted; their debates are sealed' USING ERRCODE = 'RG002';
        END IF;
        SELECT session_id INTO item_session FROM item WHERE id = NEW.item_id;
        IF item_session IS DISTINCT FROM sid THEN
          RAISE EXCEPTION 'item % is not on the agenda of the session of these minutes', NEW.item_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'minutes_debate_item_session_check';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER minutes_debate_sealed BEFORE INSERT OR UPDATE OR DELETE ON minutes_debate FOR EACH ROW EXECUTE FUNCTION registre_minutes_debate_guard()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS minutes_debate`);
    await q.query(`DROP TABLE IF EXISTS minutes`);
    await q.query(`DROP FUNCTION IF EXISTS registre_minutes_debate_guard()`);
    await q.query(`DROP FUNCTION IF EXISTS registre_minutes_guard()`);
  }
}
