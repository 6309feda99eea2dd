import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Settings of how a collectivity and its bodies write their acts (issue 10):
 * - collectivity.seat: where its acts are made ("Fait à Lumbres"), not the room of the session;
 * - collectivity.year_in_words: "deux mil dix-neuf" or "deux mille dix-neuf" in the opening formula;
 * - body.voters_header: the "Votants" of the header counts those taking part, or those present and represented;
 * - body.member_order: lists in alphabetical order, or "dans l'ordre du tableau" (L2121-1) by membership.table_rank;
 * - body.recused_holder_proxy: a member not taking part (L2131-11) leaves the proxy he holds unused (the default,
 *   the prudent reading) or still casts it;
 * - attendance_change.at_time: the hour of an arrival or departure ("arrivée à 19 h 07").
 */
export class WordingSettings1764002000000 implements MigrationInterface {
  name = 'WordingSettings1764002000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE collectivity ADD COLUMN seat text
      CONSTRAINT collectivity_seat_check CHECK (seat IS NULL OR length(btrim(seat)) BETWEEN 1 AND 200)`);
    await q.query(`ALTER TABLE collectivity ADD COLUMN year_in_words text NOT NULL DEFAULT 'mille'
      CONSTRAINT collectivity_year_in_words_check CHECK (year_in_words IN ('mil', 'mille'))`);
    await q.query(`ALTER TABLE body ADD COLUMN voters_header text NOT NULL DEFAULT 'taking_part'
      CONSTRAINT body_voters_header_check CHECK (voters_header IN ('taking_part', 'present_and_represented'))`);
    await q.query(`ALTER TABLE body ADD COLUMN member_order text NOT NULL DEFAULT 'alphabetical'
      CONSTRAINT body_member_order_check CHECK (member_order IN ('alphabetical', 'table'))`);
    await q.query(`ALTER TABLE body ADD COLUMN recused_holder_proxy text NOT NULL DEFAULT 'unused'
      CONSTRAINT body_recused_holder_proxy_check CHECK (recused_holder_proxy IN ('unused', 'cast'))`);
    await q.query(`ALTER TABLE membership ADD COLUMN table_rank integer
      CONSTRAINT membership_table_rank_check CHECK (table_rank IS NULL OR table_rank BETWEEN 1 AND 10000)`);
    await q.query(`ALTER TABLE attendance_change ADD COLUMN at_time time(0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE attendance_change DROP COLUMN IF EXISTS at_time`);
    await q.query(`ALTER TABLE membership DROP COLUMN IF EXISTS table_rank`);
    await q.query(`ALTER TABLE body DROP COLUMN IF EXISTS recused_holder_proxy`);
    await q.query(`ALTER TABLE body DROP COLUMN IF EXISTS member_order`);
    await q.query(`ALTER TABLE body DROP COLUMN IF EXISTS voters_header`);
    await q.query(`ALTER TABLE collectivity DROP COLUMN IF EXISTS year_in_words`);
    await q.query(`ALTER TABLE collectivity DROP COLUMN IF EXISTS seat`);
  }
}
