import { DataSource } from 'typeorm';
import { createDataSource } from './data-source';

/** Applies pending migrations; returns the names applied. */
export async function runMigrations(url: string): Promise<string[]> {
  const ds = createDataSource(url);
  await ds.initialize();
  try {
    const done = await ds.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

export async function isEmpty(ds: DataSource): Promise<boolean> {
  const rows: { n: number }[] = await ds.query(`SELECT count(*)::int AS n FROM collectivity`);
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
