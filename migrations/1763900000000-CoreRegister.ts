import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The register's core: collectivities, bodies, members, sessions, items, attendance, proxies, votes.
 * Every tenant-owned table carries collectivity_id. Constraints are named: the API maps them to codes.
 * Sealing is enforced here, not only in services: a closed session's record and a recorded vote
 * cannot change (triggers raise SQLSTATE RG001 / RG002).
 */
export class CoreRegister1763900000000 implements MigrationInterface {
  name = 'CoreRegister1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE collectivity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CONSTRAINT collectivity_kind_check CHECK (kind IN
          ('commune','communaute_communes','communaute_agglomeration','communaute_urbaine','metropole','syndicat','departement','region')),
        name text NOT NULL,
        short_name text,
        siren char(9) NOT NULL CONSTRAINT collectivity_siren_check CHECK (siren ~ '^[0-9]{9}$'),
        departement_code text NOT NULL CONSTRAINT collectivity_departement_check CHECK (departement_code ~ '^([0-9]{2,3}|2A|2B)$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT collectivity_siren_unique UNIQUE (siren)
      )`);
    await q.query(`
      CREATE TABLE body (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collectivity_id uuid NOT NULL CONSTRAINT body_collectivity_fk REFERENCES collectivity(id) ON DELETE CASCADE,
        kind text NOT NULL CONSTRAINT body_kind_check CHECK (kind IN ('conseil','commission_permanente','bureau')),
        name text NOT NULL,
        code text,
        rule_profile text NOT NULL CONSTRAINT body_rule_profile_check CHECK (rule_profile IN
          ('commune','epci','departement','region','commission_permanente','custom')),
        custom_rules jsonb,
        number_pattern text NOT NULL DEFAULT '{yy}-{mm}-{seq}',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT body_name_unique UNIQUE (collectivity_id, name),
        CONSTRAINT body_tenant_unique UNIQUE (collectivity_id, id)
      )`);
    await q.query(`
      CREATE TABLE member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collectivity_id uuid NOT NULL CONSTRAINT member_collectivity_fk REFERENCES collectivity(id) ON DELETE CASCADE,
        civility text NOT NULL CONSTRAINT member_civility_check CHECK (civility IN ('M.','Mme')),
        first_name text NOT NULL,
        last_name text NOT NULL,
        birth_date date,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT member_tenant_unique UNIQUE (collectivity_id, id)
      )`);
    await q.query(`
      CREATE TABLE membership (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collectivity_id uuid NOT NULL,
        body_id uuid NOT NULL,
        member_id uuid NOT NULL,
        seat text NOT NULL CONSTRAINT membership_seat_check CHECK (seat IN ('titulaire','suppleant')),
        titulaire_id uuid,
        title text,
        start_date date NOT NULL,
        end_date date,
        CONSTRAINT membership_body_fk FOREIGN KEY (collectivity_id, body_id) REFERENCES body(collectivity_id, id) ON DELETE CASCADE,
        CONSTRAINT membership_member_fk FOREIGN KEY (collectivity_id, member_id) REFERENCES member(collectivity_id, id) ON DELETE CASCADE,
        CONSTRAINT membership_titulaire_fk FOREIGN KEY (collectivity_id, titulaire_id) REFERENCES member(collectivity_id, id),
        CONSTRAINT membership_dates_check CHECK (end_date IS NULL OR end_date >= start_date),
        CONSTRAINT membership_suppleant_check CHECK ((seat = 'suppleant') = (titulaire_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX membership_body_idx ON membership (body_id, start_date)`);
    await q.query(`
      CREATE TABLE session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collectivity_id uuid NOT NULL,
        body_id uuid NOT NULL,
        starts_at timestamptz NOT NULL,
        place text,
        convocation_date date,
        second_convocation boolean NOT NULL DEFAULT false,
        president_id uuid,
        status text NOT NULL DEFAULT 'planned' CONSTRAINT session_status_check CHECK (status IN ('planned','convened','open','closed','cancelled')),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT session_body_fk FOREIGN KEY (collectivity_id, body_id) REFERENCES body(collectivity_id, id) ON DELETE CASCADE,
        CONSTRAINT session_president_fk FOREIGN KEY (collectivity_id, president_id) REFERENCES member(collectivity_id, id),
        CONSTRAINT session_tenant_unique UNIQUE (collectivity_id, id)
      )`);
    await q.query(`CREATE INDEX session_body_idx ON session (body_id, starts_at)`);
    await q.query(`
      CREATE TABLE session_secretary (
        collectivity_id uuid NOT NULL,
        session_id uuid NOT NULL,
        member_id uuid NOT NULL,
        rank integer NOT NULL DEFAULT 1,
        PRIMARY KEY (session_id, member_id),
        CONSTRAINT session_secretary_session_fk FOREIGN KEY (collectivity_id, session_id) REFERENCES session(collectivity_id, id) ON DELETE CASCADE,
        CONSTRAINT session_secretary_member_fk FOREIGN KEY (collectivity_id, member_id) REFERENCES member(collectivity_id, id)
      )`);
    await q.query(`
      CREATE TABLE session_transition (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collectivity_id uuid NOT NULL,
        session_id uuid NOT NULL,
        from_status text NOT NULL,
        to_status text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT session_transition_session_fk FOREIGN KEY (collectivity_id, session_id) REFERENCES session(collectivity_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collectivity_id uuid NOT NULL,
        session_id uuid NOT NULL,
        body_id uuid NOT NULL,
        position integer NOT NULL CONSTRAINT item_position_check CHECK (position >= 1),
        number text NOT NULL,
        year integer NOT NULL,
        seq integer NOT NULL,
        object text NOT NULL,
        rapporteur_id uuid,
        president_id uuid,
        actes_nature text CONSTRAINT item_actes_nature_check CHECK (actes_nature IN ('DE','AR','AI','CC','BF','AU')),
        matiere_code text CONSTRAINT item_matiere_check CHECK (matiere_code ~ '^[1-9](\\.[0-9]{1,2}){0,4}$'),
        reasons_md text NOT NULL DEFAULT '',
        decision_md text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'draft' CONSTRAINT item_status_check CHECK (status IN ('draft','voted','withdrawn','adjourned')),
        transmitted_at date,
        published_at date,
        acte_id text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT item_session_fk FOREIGN KEY (collectivity_id, session_id) REFERENCES session(collectivity_id, id) ON DELETE CASCADE,
        CONSTRAINT item_body_fk FOREIGN KEY (collectivity_id, body_id) REFERENCES body(collectivity_id, id),
        CONSTRAINT item_rapporteur_fk FOREIGN KEY (collectivity_id, rapporteur_id) REFERENCES member(collectivity_id, id),
        CONSTRAINT item_president_fk FOREIGN KEY (collectivity_id, president_id) REFERENCES member(collectivity_id, id),
        CONSTRAINT item_position_unique UNIQUE (session_id, position) DEFERRABLE INITIALLY IMMEDIATE,
        CONSTRAINT item_number_unique UNIQUE (body_id, number),
        CONSTRAINT item_tenant_unique UNIQUE (collectivity_id, id)
      )`);
    await q.query(`
      CREATE TABLE number_sequence (
        collectivity_id uuid NOT NULL,
        body_id uuid NOT NULL,
        year integer NOT NULL,
        last_seq integer NOT NULL DEFAULT 0,
        PRIMARY KEY (body_id, year),
        CONSTRAINT number_sequence_body_fk FOREIGN KEY (collectivity_id, body_id) REFERENCES body(collectivity_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE attendance (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collectivity_id uuid NOT NULL,
        session_id uuid NOT NULL,
        member_id uuid NOT NULL,
        status text NOT NULL CONSTRAINT attendance_status_check CHECK (status IN ('present','excused','absent')),
        replaces_member_id uuid,
        CONSTRAINT attendance_session_fk FOREIGN KEY (collectivity_id, session_id) REFERENCES session(collectivity_id, id) ON DELETE CASCADE,
        CONSTRAINT attendance_member_fk FOREIGN KEY (collectivity_id, member_id) REFERENCES member(collectivity_id, id),
        CONSTRAINT attendance_replaces_fk FOREIGN KEY (collectivity_id, replaces_member_id) REFERENCES member(collectivity_id, id),
        CONSTRAINT attendance_member_unique UNIQUE (session_id, member_id),
        CONSTRAINT attendance_replaces_unique UNIQUE (session_id, replaces_member_id)
      )`);
    await q.query(`
      CREATE TABLE attendance_change (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collectivity_id uuid NOT NULL,
        session_id uuid NOT NULL,
        member_id uuid NOT NULL,
        kind text NOT NULL CONSTRAINT attendance_change_kind_check CHECK (kind IN ('arrival','departure')),
        from_item_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT attendance_change_session_fk FOREIGN KEY (collectivity_id, session_id) REFERENCES session(collectivity_id, id) ON DELETE CASCADE,
        CONSTRAINT attendance_change_member_fk FOREIGN KEY (collectivity_id, member_id) REFERENCES member(collectivity_id, id),
        CONSTRAINT attendance_change_item_fk FOREIGN KEY (collectivity_id, from_item_id) REFERENCES item(collectivity_id, id) ON DELETE CASCADE,
        CONSTRAINT attendance_change_unique UNIQUE (session_id, member_id, from_item_id)
      )`);
    await q.query(`
      CREATE TABLE proxy (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collectivity_id uuid NOT NULL,
        body_id uuid NOT NULL,
        giver_id uuid NOT NULL,
        holder_id uuid NOT NULL,
        illness boolean NOT NULL DEFAULT false,
        signed_on date,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT proxy_body_fk FOREIGN KEY (collectivity_id, body_id) REFERENCES body(collectivity_id, id) ON DELETE CASCADE,
        CONSTRAINT proxy_giver_fk FOREIGN KEY (collectivity_id, giver_id) REFERENCES member(collectivity_id, id),
        CONSTRAINT proxy_holder_fk FOREIGN KEY (collectivity_id, holder_id) REFERENCES member(collectivity_id, id),
        CONSTRAINT proxy_not_self_check CHECK (giver_id <> holder_id),
        CONSTRAINT proxy_tenant_unique UNIQUE (collectivity_id, id)
      )`);
    await q.query(`
      CREATE TABLE proxy_session (
        collectivity_id uuid NOT NULL,
        proxy_id uuid NOT NULL,
        session_id uuid NOT NULL,
        from_item_id uuid,
        until_item_id uuid,
        revoked boolean NOT NULL DEFAULT false,
        revoked_from_item_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (proxy_id, session_id),
        CONSTRAINT proxy_session_proxy_fk FOREIGN KEY (collectivity_id, proxy_id) REFERENCES proxy(collectivity_id, id) ON DELETE CASCADE,
        CONSTRAINT proxy_session_session_fk FOREIGN KEY (collectivity_id, session_id) REFERENCES session(collectivity_id, id) ON DELETE CASCADE,
        CONSTRAINT proxy_session_from_fk FOREIGN KEY (collectivity_id, from_item_id) REFERENCES item(collectivity_id, id) ON DELETE CASCADE,
        CONSTRAINT proxy_session_until_fk FOREIGN KEY (collectivity_id, until_item_id) REFERENCES item(collectivity_id, id) ON DELETE CASCADE,
        CONSTRAINT proxy_session_revoked_from_fk FOREIGN KEY (collectivity_id, revoked_from_item_id) REFERENCES item(collectivity_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX proxy_session_session_idx ON proxy_session (session_id)`);
    await q.query(`
      CREATE TABLE item_recusal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collectivity_id uuid NOT NULL,
        item_id uuid NOT NULL,
        member_id uuid NOT NULL,
        reason text,
        CONSTRAINT item_recusal_item_fk FOREIGN KEY (collectivity_id, item_id) REFERENCES item(collectivity_id, id) ON DELETE CASCADE,
        CONSTRAINT item_recusal_member_fk FOREIGN KEY (collectivity_id, member_id) REFERENCES member(collectivity_id, id),
        CONSTRAINT item_recusal_unique UNIQUE (item_id, member_id)
      )`);
    await q.query(`
      CREATE TABLE vote (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collectivity_id uuid NOT NULL,
        item_id uuid NOT NULL,
        mode text NOT NULL CONSTRAINT vote_mode_check CHECK (mode IN ('show_of_hands','roll_call','secret','election')),
        voters integer NOT NULL CONSTRAINT vote_voters_check CHECK (voters >= 0),
        pour integer CONSTRAINT vote_pour_check CHECK (pour >= 0),
        contre integer CONSTRAINT vote_contre_check CHECK (contre >= 0),
        abstention integer CONSTRAINT vote_abstention_check CHECK (abstention >= 0),
        not_taking_part integer NOT NULL DEFAULT 0,
        outcome text CONSTRAINT vote_outcome_check CHECK (outcome IN ('adopted','rejected')),
        casting_vote boolean NOT NULL DEFAULT false,
        unanimous boolean NOT NULL DEFAULT false,
        president_id uuid,
        president_choice text CONSTRAINT vote_president_choice_check CHECK (president_choice IN ('pour','contre','abstention')),
        elected_candidate_id uuid,
        wording text NOT NULL,
        attendance jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT vote_item_fk FOREIGN KEY (collectivity_id, item_id) REFERENCES item(collectivity_id, id),
        CONSTRAINT vote_item_unique UNIQUE (item_id),
        CONSTRAINT vote_tenant_unique UNIQUE (collectivity_id, id),
        CONSTRAINT vote_counts_check CHECK (mode = 'election' OR (pour IS NOT NULL AND contre IS NOT NULL AND abstention IS NOT NULL
          AND pour + contre + abstention = voters))
      )`);
    await q.query(`
      CREATE TABLE ballot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collectivity_id uuid NOT NULL,
        vote_id uuid NOT NULL,
        voter_id uuid NOT NULL,
        on_behalf_of_id uuid,
        choice text NOT NULL CONSTRAINT ballot_choice_check CHECK (choice IN ('pour','contre','abstention')),
        CONSTRAINT ballot_vote_fk FOREIGN KEY (collectivity_id, vote_id) REFERENCES vote(collectivity_id, id),
        CONSTRAINT ballot_voter_fk FOREIGN KEY (collectivity_id, voter_id) REFERENCES member(collectivity_id, id),
        CONSTRAINT ballot_on_behalf_fk FOREIGN KEY (collectivity_id, on_behalf_of_id) REFERENCES member(collectivity_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX ballot_member_unique ON ballot (vote_id, (coalesce(on_behalf_of_id, voter_id)))`);
    await q.query(`
      CREATE TABLE election_candidate (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collectivity_id uuid NOT NULL,
        vote_id uuid NOT NULL,
        member_id uuid,
        name text NOT NULL,
        birth_date date NOT NULL,
        rank integer NOT NULL,
        CONSTRAINT election_candidate_vote_fk FOREIGN KEY (collectivity_id, vote_id) REFERENCES vote(collectivity_id, id),
        CONSTRAINT election_candidate_member_fk FOREIGN KEY (collectivity_id, member_id) REFERENCES member(collectivity_id, id)
      )`);
    await q.query(`
      CREATE TABLE election_round (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collectivity_id uuid NOT NULL,
        vote_id uuid NOT NULL,
        round integer NOT NULL CONSTRAINT election_round_check CHECK (round BETWEEN 1 AND 3),
        voters integer NOT NULL,
        blank integer NOT NULL,
        void integer NOT NULL,
        cast_votes integer NOT NULL,
        absolute_majority integer NOT NULL,
        elected_candidate_id uuid,
        decided_by_age boolean NOT NULL DEFAULT false,
        votes jsonb NOT NULL,
        CONSTRAINT election_round_vote_fk FOREIGN KEY (collectivity_id, vote_id) REFERENCES vote(collectivity_id, id),
        CONSTRAINT election_round_unique UNIQUE (vote_id, round),
        CONSTRAINT election_round_counts_check CHECK (blank >= 0 AND void >= 0 AND cast_votes = voters - blank - void)
      )`);
    await this.createSealingTriggers(q);
  }

  /** A closed session's record cannot change; a recorded vote is final (L2121-23: the act is signed as voted). */
  private async createSealingTriggers(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION registre_session_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status IN ('closed','cancelled') THEN
          RAISE EXCEPTION 'session % is %; its record is sealed', OLD.id, OLD.status USING ERRCODE = 'RG001';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`CREATE TRIGGER session_sealed BEFORE UPDATE OR DELETE ON session FOR EACH ROW EXECUTE FUNCTION registre_session_guard()`);
    // Rows hanging off a session: refuse any change once the session is closed.
    await q.query(`
      CREATE FUNCTION registre_child_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE sid uuid; st text;
      BEGIN
        sid := CASE WHEN TG_OP = 'DELETE' THEN OLD.session_id ELSE NEW.session_id END;
        SELECT status INTO st FROM session WHERE id = sid;
        IF st IN ('closed','cancelled') THEN
          RAISE EXCEPTION 'session % is %; % cannot change', sid, st, TG_TABLE_NAME USING ERRCODE = 'RG001';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    for (const t of ['session_secretary', 'attendance', 'attendance_change', 'proxy_session']) {
      await q.query(`CREATE TRIGGER ${t}_sealed BEFORE INSERT OR UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION registre_child_guard()`);
    }
    // Items: after the session is closed only the exécutoire facts (transmission, publication) may be set.
    await q.query(`
      CREATE FUNCTION registre_item_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE st text;
      BEGIN
        SELECT status INTO st FROM session WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.session_id ELSE NEW.session_id END;
        IF st IN ('closed','cancelled') THEN
          IF TG_OP <> 'UPDATE' OR (to_jsonb(NEW) - '{transmitted_at,published_at,acte_id,version,updated_at}'::text[])
                                 <> (to_jsonb(OLD) - '{transmitted_at,published_at,acte_id,version,updated_at}'::text[]) THEN
            RAISE EXCEPTION 'session is %; item % is sealed', st, COALESCE(NEW.id, OLD.id) USING ERRCODE = 'RG001';
          END IF;
        END IF;
        IF TG_OP = 'UPDATE' AND OLD.status = 'voted' AND (to_jsonb(NEW) - '{transmitted_at,published_at,acte_id,version,updated_at}'::text[])
                                 <> (to_jsonb(OLD) - '{transmitted_at,published_at,acte_id,version,updated_at}'::text[]) THEN
          RAISE EXCEPTION 'item % is voted; its text is sealed', OLD.id USING ERRCODE = 'RG002';
        END IF;
        IF TG_OP = 'DELETE' AND OLD.status = 'voted' THEN
          RAISE EXCEPTION 'item % is voted; it cannot be deleted', OLD.id USING ERRCODE = 'RG002';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`CREATE TRIGGER item_sealed BEFORE INSERT OR UPDATE OR DELETE ON item FOR EACH ROW EXECUTE FUNCTION registre_item_guard()`);
    await q.query(`
      CREATE FUNCTION registre_recusal_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE st text; ist text;
      BEGIN
        SELECT s.status, i.status INTO st, ist FROM item i JOIN session s ON s.id = i.session_id
         WHERE i.id = CASE WHEN TG_OP = 'DELETE' THEN OLD.item_id ELSE NEW.item_id END;
        IF st IN ('closed','cancelled') THEN
          RAISE EXCEPTION 'session is %; recusals are sealed', st USING ERRCODE = 'RG001';
        END IF;
        IF ist = 'voted' THEN
          RAISE EXCEPTION 'item is voted; recusals are sealed' USING ERRCODE = 'RG002';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`CREATE TRIGGER item_recusal_sealed BEFORE INSERT OR UPDATE OR DELETE ON item_recusal FOR EACH ROW EXECUTE FUNCTION registre_recusal_guard()`);
    // Votes and their ballots are written once, in the transaction that records them, and never again.
    await q.query(`
      CREATE FUNCTION registre_vote_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% rows are sealed once recorded', TG_TABLE_NAME USING ERRCODE = 'RG002';
      END $$`);
    for (const t of ['vote', 'ballot', 'election_candidate', 'election_round']) {
      await q.query(`CREATE TRIGGER ${t}_immutable BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION registre_vote_immutable()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'election_round', 'election_candidate', 'ballot', 'vote', 'item_recusal', 'proxy_session', 'proxy',
      'attendance_change', 'attendance', 'number_sequence', 'item', 'session_transition', 'session_secretary',
      'session', 'membership', 'member', 'body', 'collectivity',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    for (const f of ['registre_vote_immutable', 'registre_recusal_guard', 'registre_item_guard', 'registre_child_guard', 'registre_session_guard']) {
      await q.query(`DROP FUNCTION IF EXISTS ${f}()`);
    }
  }
}
