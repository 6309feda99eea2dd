import { DataSource } from 'typeorm';
import { createDataSource } from './data-source';
import type { UnitOfWork } from './unit-of-work';

/** Applies pending migrations; returns the names applied. */
export async function runMigrations(url: string): Promise<string[]> {
  const ds = createDataSource(url);
  await ds.initialize();
  try {
    await assertServerVersion(ds);
    const done = await ds.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

/** The schema relies on PostgreSQL 15 (trigger functions, pg_current_xact_id, gen_random_uuid): say so up front. */
export async function assertServerVersion(ds: DataSource): Promise<void> {
  const [{ server_version_num: num, server_version: text }] = await ds.query(
    `SELECT current_setting('server_version_num')::int AS server_version_num, current_setting('server_version') AS server_version`,
  );
  if (num < 150000) throw new Error(`PostgreSQL ${text} is too old: Registre needs PostgreSQL 15 or later`);
}

/** No collectivity yet (the directory, read by the collectivity-less unit of work). */
export async function isEmpty(uow: UnitOfWork): Promise<boolean> {
  const rows: { n: number }[] = await uow.run(null, (em) => em.query(`SELECT count(*)::int AS n FROM collectivity`));
  return rows[0].n === 0;
}

// `npm run migration:run`: against DATABASE_URL.
if (require.main === module) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is required (npm start migrates the embedded database by itself)');
    process.exit(2);
  }
  runMigrations(url).then(
    (names) => console.log(names.length ? `Applied: ${names.join(', ')}` : 'No pending migration'),
    (e) => { console.error(e); process.exit(1); },
  );
}
