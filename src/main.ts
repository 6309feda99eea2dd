import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import { createApp } from './app.factory';
import { loadConfig } from './config/app-config';
import { EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres';
import { isEmpty, runMigrations } from './database/migrate';
import { UnitOfWork } from './database/unit-of-work';
import { seedDemo } from './database/seed/demo-seed';

const log = new Logger('Registre');
let embedded: EmbeddedDatabase | null = null;

async function main(): Promise<void> {
  const config = loadConfig();
  let url = config.DATABASE_URL;
  if (!url) {
    log.log(`Starting embedded PostgreSQL in ${join(config.DATA_DIR, 'postgres')}`);
    embedded = await startEmbeddedPostgres(join(config.DATA_DIR, 'postgres'), config.EMBEDDED_PG_PORT);
    url = embedded.url;
  }
  const applied = await runMigrations(url);
  if (applied.length) log.log(`Migrations applied: ${applied.join(', ')}`);
  const app = await createApp({ databaseUrl: url, logSql: config.LOG_SQL === 'true' });
  if (config.SEED_DEMO !== 'false' && (await isEmpty(app.get(UnitOfWork)))) {
    await seedDemo(app).catch((e) => {
      throw new Error(`Seeding the demo failed (${e instanceof Error ? e.message : e}); with the embedded database, delete ${join(config.DATA_DIR, 'postgres')} and start again`);
    });
    log.log('Demo data seeded (CCPL, sessions of 30 September 2019 and 14 October 2019)');
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.log(`${signal}: shutting down`);
    await app.close();
    if (embedded) await embedded.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  await app.listen(config.PORT);
  log.log(`Registre listening on http://localhost:${config.PORT} — API docs at http://localhost:${config.PORT}/docs`);
}

main().catch(async (e) => {
  log.error(e instanceof Error ? e.message : String(e));
  // Leave no PostgreSQL running behind a failed start (a port taken, a bad migration...).
  if (embedded) await embedded.stop().catch(() => undefined);
  process.exit(1);
});
