import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A deliberation number may be given as the council publishes it ("DEL2023-2", "01-02", "2023/009") instead of
 * from the body's pattern: such numbers repeat from one year to the next, so a number is unique per body and
 * year; number_given keeps a session moved to another date from renumbering it.
 */
export class PublishedItemNumbers1764003100000 implements MigrationInterface {
  name = 'PublishedItemNumbers1764003100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE item ADD COLUMN number_given boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE item DROP CONSTRAINT item_number_unique`);
    await q.query(`ALTER TABLE item ADD CONSTRAINT item_number_unique UNIQUE (body_id, year, number)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE item DROP CONSTRAINT item_number_unique`);
    await q.query(`ALTER TABLE item ADD CONSTRAINT item_number_unique UNIQUE (body_id, number)`);
    await q.query(`ALTER TABLE item DROP COLUMN number_given`);
  }
}
