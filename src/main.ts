import 'reflect-metadata';
import { join } from 'node:path';
import { createApp } from './app.factory';
import { LogLevel, rootLogger } from './common/logging';
import { loadConfig } from './config/app-config';
import { applicationUrl } from './database/app-role';
import { EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres';
import { isEmpty, runMigrations } from './database/migrate';
import { UnitOfWork } from './database/unit-of-work';
import { demoAccountLines } from './database/seed/demo-accounts';
import { seedDemo } from './database/seed/demo-seed';

// The entry point sets the level itself: a server spawned by a test logs as in production (rootLogger() is silent in Jest).
const log = rootLogger((process.env.LOG_LEVEL as LogLevel) || 'info').child({ context: 'Registre' });
let embedded: EmbeddedDatabase | null = null;
/** SIGTERM must stop node and PostgreSQL within 10 s (process managers kill after that). */
const STOP_DEADLINE_MS = 8_000;

async function main(): Promise<void> {
  const config = loadConfig();
  let url = config.DATABASE_URL;
  if (!url) {
    log.info(`Starting embedded PostgreSQL in ${join(config.DATA_DIR, 'postgres')}`);
    embedded = await startEmbeddedPostgres(join(config.DATA_DIR, 'postgres'), config.EMBEDDED_PG_PORT, 'registre', (l) => log.warn(l));
    url = embedded.url;
  }
  const applied = await runMigrations(url);
  if (applied.length) log.info(`Migrations applied: ${applied.join(', ')}`);
  const appUrl = await applicationUrl(url, config.DATABASE_APP_URL, !config.DATABASE_URL);
  const app = await createApp({ databaseUrl: appUrl, logSql: config.LOG_SQL === 'true', logLevel: config.LOG_LEVEL, timeouts: config.timeouts });
  if (config.SEED_DEMO !== 'false' && (await isEmpty(app.get(UnitOfWork)))) {
    await seedDemo(app).catch((e) => {
      throw new Error(`Seeding the demo failed (${e instanceof Error ? e.message : e}); with the embedded database, delete ${join(config.DATA_DIR, 'postgres')} and start again`);
    });
    log.info('Demo data seeded (CCPL, sessions of 30 September 2019 and 14 October 2019; Valmorin-les-Sources, session of 12 March 2026, acts e-signed and sealed)');
    for (const line of demoAccountLines()) log.info(line);
  }
  let stopping = false;
  const stop = async (why: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    log.info(`${why}: shutting down`);
    // Requests still running get a few seconds; then PostgreSQL is stopped whatever they do.
    setTimeout(() => void stopDatabase().finally(() => process.exit(code || 1)), STOP_DEADLINE_MS).unref();
    await Promise.race([app.close(), new Promise((r) => setTimeout(r, STOP_DEADLINE_MS / 2))]).catch((e) => log.error({ err: e }, 'closing the app failed'));
    await stopDatabase();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  embedded?.supervise({
    down: (why) => log.error(`${why} unexpectedly: restarting it; database routes answer 503 meanwhile`),
    up: () => log.warn('Embedded PostgreSQL restarted after its crash; the pool reconnects'),
    gaveUp: (why) => void stop(`Embedded PostgreSQL could not be restarted (${why})`, 1),
  });
  watchParent(() => void stop('npm, our parent process, is gone'));
  await app.listen(config.PORT);
  log.info(`Registre listening on http://localhost:${config.PORT} — API docs at http://localhost:${config.PORT}/docs`);
}

const stopDatabase = () => (embedded ? embedded.stop().catch((e) => log.error({ err: e }, 'stopping PostgreSQL failed')) : Promise.resolve());

/**
 * Under `npm start`, npm is our parent: if it is killed outright (it cannot forward anything then), we go too,
 * rather than serve on as an orphan that the process manager no longer sees.
 */
function watchParent(onGone: () => void): void {
  if (!process.env.npm_lifecycle_event) return;
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && onGone(), 1_000).unref();
}

main().catch(async (e) => {
  log.error(e instanceof Error ? e.message : String(e));
  // Leave no PostgreSQL running behind a failed start (a port taken, a bad migration...).
  await stopDatabase();
  process.exit(1);
});
