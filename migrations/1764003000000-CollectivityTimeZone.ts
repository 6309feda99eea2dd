import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each collectivity has its time zone: every date of its acts is its local date (overseas collectivities are
 * not in Paris time). Existing rows take the zone of their département; the application validates the IANA name.
 */
export class CollectivityTimeZone1764003000000 implements MigrationInterface {
  name = 'CollectivityTimeZone1764003000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE collectivity ADD COLUMN time_zone text NOT NULL DEFAULT 'Europe/Paris'`);
    await q.query(`ALTER TABLE collectivity ADD CONSTRAINT collectivity_time_zone_check CHECK (time_zone ~ '^(UTC|[A-Z][A-Za-z_]+(/[A-Za-z0-9_+-]+){1,2})$')`);
    await q.query(`
      UPDATE collectivity SET time_zone = CASE departement_code
        WHEN '971' THEN 'America/Guadeloupe' WHEN '972' THEN 'America/Martinique' WHEN '973' THEN 'America/Cayenne'
        WHEN '974' THEN 'Indian/Reunion' WHEN '975' THEN 'America/Miquelon' WHEN '976' THEN 'Indian/Mayotte'
        WHEN '977' THEN 'America/St_Barthelemy' WHEN '978' THEN 'America/Marigot' WHEN '986' THEN 'Pacific/Wallis'
        WHEN '987' THEN 'Pacific/Tahiti' WHEN '988' THEN 'Pacific/Noumea' ELSE 'Europe/Paris' END
      WHERE departement_code IN ('971','972','973','974','975','976','977','978','986','987','988')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE collectivity DROP CONSTRAINT collectivity_time_zone_check`);
    await q.query(`ALTER TABLE collectivity DROP COLUMN time_zone`);
  }
}
