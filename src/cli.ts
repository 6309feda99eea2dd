// Batch work from the database: `npm run cli -- extract 19-09-107 --out extrait.pdf`.
import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { runInContext, systemActor } from './auth/actor';
import { ACCOUNT_COMMANDS, ACCOUNT_USAGE, runAccountCommand } from './auth/cli-accounts';
import { AppModule } from './app.module';
import { loadConfig } from './config/app-config';
import { backup } from './database/backup';
import { applicationUrl } from './database/app-role';
import { EmbeddedDatabase, embeddedUrl, startEmbeddedPostgres } from './database/embedded-postgres';
import { restore } from './database/restore';
import { UnitOfWork } from './database/unit-of-work';
import { runMigrations } from './database/migrate';
import { isDomainError } from './domain/errors';
import { ExtractsService } from './extracts/extracts.service';
import { SealedChainService } from './issuing/sealed-chain.service';
import { RegisterService } from './register/register.service';

const USAGE = `Usage:
  npm run cli -- extract <number> [--collectivity <siren>] [--body <body-id>] --out <file.pdf> [--pdfa]
  npm run cli -- minutes <YYYY-MM-DD|session-id> [--collectivity <siren>] --out <file.pdf> [--pdfa]
  npm run cli -- list <YYYY-MM-DD|session-id> [--collectivity <siren>] --out <file.pdf>
  npm run cli -- backup <file.zip>             (online: one consistent snapshot while the app serves)
  npm run cli -- restore <file.zip> [--replace] (into an empty database; --replace empties it first)
  npm run cli -- verify [--collectivity <siren>]  (recompute the sealed chains; exit 1 naming each act that differs)
${ACCOUNT_USAGE}`;

async function database(): Promise<{ url: string; embedded: EmbeddedDatabase | null }> {
  const config = loadConfig();
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, embedded: null };
  // Reuse the embedded server of a running `npm start`, else start it for the duration of the command.
  const dir = join(config.DATA_DIR, 'postgres');
  // The probe goes by TCP: it asks whichever server holds the port which folder it serves.
  const probe = new Client({ connectionString: `postgres://registre:registre@127.0.0.1:${config.EMBEDDED_PG_PORT}/registre` });
  let served: string;
  try {
    await probe.connect();
    served = (await probe.query('SHOW data_directory')).rows[0].data_directory;
    await probe.end();
  } catch {
    const embedded = await startEmbeddedPostgres(dir, config.EMBEDDED_PG_PORT);
    return { url: embedded.url, embedded };
  }
  // Never work on another folder's server (a restore into a fresh DATA_DIR while the demo runs on the same port).
  if (resolve(served) !== resolve(dir)) throw new Error(`Port ${config.EMBEDDED_PG_PORT} serves the PostgreSQL of ${served}, not of ${dir}: set EMBEDDED_PG_PORT to a free port`);
  return { url: embeddedUrl(dir, config.EMBEDDED_PG_PORT), embedded: null };
}

/** Runs one command; returns the exit code. Exported for the tests, which run it in-process. */
export async function runCli(argv: string[], log: (line: string) => void = console.log): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: {
      collectivity: { type: 'string' }, body: { type: 'string' }, out: { type: 'string' }, pdfa: { type: 'boolean', default: false }, replace: { type: 'boolean', default: false }, help: { type: 'boolean' },
      email: { type: 'string' }, roles: { type: 'string' }, role: { type: 'string' }, operator: { type: 'boolean' }, days: { type: 'string' }, label: { type: 'string' },
    },
  });
  const [command, target] = positionals;
  if ((command === 'backup' || command === 'restore') && target && !values.help) return backupCommand(command, target, values.replace ?? false, log);
  if ((ACCOUNT_COMMANDS as readonly string[]).includes(command) && !values.help) {
    return withApp(async (app) => runInContext(
      { actor: systemActor('cli'), requestId: `cli-${process.pid}`, useCase: `cli.${command}` },
      () => runAccountCommand(app, command, target, values, log, (siren) => collectivityId(app.get(UnitOfWork), siren)),
    ));
  }
  if (command === 'verify' && !values.help) return verifyCommand(values.collectivity, log);
  if (values.help || !command || !target || !values.out || !['extract', 'minutes', 'list'].includes(command)) {
    log(USAGE);
    return 2;
  }
  const out = values.out;
  return withApp(async (app) => {
    // What the command writes (the render log) is recorded as the command line's.
    const ctx = { actor: systemActor('cli'), requestId: `cli-${process.pid}`, useCase: `cli.${command}` };
    const pdf = await runInContext(ctx, () => renderDocument(app, command, target, values));
    writeFileSync(out, pdf);
    log(`${out}: ${pdf.length} bytes`);
    return 0;
  });
}

/** `verify`: every link, record and stored PDF of the sealed chains; 0 when all match, 1 otherwise. */
async function verifyCommand(siren: string | undefined, log: (line: string) => void): Promise<number> {
  return withApp(async (app) => runInContext({ actor: systemActor('cli'), requestId: `cli-${process.pid}`, useCase: 'cli.verify' }, async () => {
    const report = await app.get(SealedChainService).verifyChains(siren);
    const directory = await app.get(UnitOfWork).run(null, (em) => em.query(`SELECT id, siren, name FROM collectivity`));
    const names = new Map<string, string>(directory.map((c: { id: string; siren: string; name: string }) => [c.id, `${c.name} (${c.siren})`]));
    for (const p of report.problems) {
      log(`NOT MATCHING: ${names.get(p.collectivityId) ?? p.collectivityId}, act ${p.number ?? p.itemId}${p.seq ? ` (link ${p.seq})` : ''}: ${p.what}`);
    }
    log(`${report.records} sealed records in ${report.collectivities} collectivities, ${(report.pdfBytes / 1e6).toFixed(1)} MB of issued PDFs: ${report.ok ? 'the chains match' : `${report.problems.length} problem(s)`}`);
    return report.ok ? 0 : 1;
  }));
}

/** The app without HTTP, on the migrated database, for the time of one command. */
async function withApp(work: (app: INestApplicationContext) => Promise<number>): Promise<number> {
  const { url, embedded } = await database();
  await runMigrations(url);
  const config = loadConfig();
  const appUrl = await applicationUrl(url, config.DATABASE_APP_URL, !config.DATABASE_URL);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ databaseUrl: appUrl }), { logger: ['error'] });
  try {
    return await work(app);
  } finally {
    await app.close();
    if (embedded) await embedded.stop();
  }
}

async function backupCommand(command: 'backup' | 'restore', file: string, replace: boolean, log: (line: string) => void): Promise<number> {
  const { url, embedded } = await database();
  try {
    if (command === 'backup') {
      const { manifest } = await backup(url, file);
      log(`${file}: ${manifest.tables.length} tables, ${manifest.tables.reduce((n, t) => n + t.rows, 0)} rows, schema ${manifest.schemaVersion}`);
    } else {
      await restore(url, file, { replace, log });
    }
    return 0;
  } finally {
    if (embedded) await embedded.stop();
  }
}

async function renderDocument(app: INestApplicationContext, command: string, target: string, values: { collectivity?: string; body?: string; pdfa?: boolean }): Promise<Buffer> {
  const db = app.get(UnitOfWork);
  const cid = await collectivityId(db, values.collectivity);
  const extracts = app.get(ExtractsService);
  if (command === 'extract') {
    const record = await app.get(RegisterService).itemStateByNumber(cid, target, values.body);
    return (await extracts.renderExtractOf(record, { pdfa: values.pdfa })).pdf;
  }
  const sessionId = await findSession(db, cid, target);
  return (await extracts.renderSession(cid, sessionId, command === 'minutes' ? 'minutes' : 'deliberations-list', { pdfa: values.pdfa })).doc.pdf;
}

async function collectivityId(db: UnitOfWork, siren?: string): Promise<string> {
  // The directory of collectivities: the collectivity-less unit of work reads it.
  const rows: { id: string; siren: string; name: string }[] = await db.run(null, (em) => em.query(`SELECT id, siren, name FROM collectivity ORDER BY name`));
  const found = siren ? rows.filter((r) => r.siren === siren) : rows;
  if (rows.length === 0) throw new Error('No collectivity in the database yet: `npm start` seeds the demo on an empty database');
  if (found.length === 1) return found[0].id;
  const list = rows.map((r) => `  ${r.siren}  ${r.name}`).join('\n');
  throw new Error(siren ? `No collectivity with SIREN ${siren}. Known:\n${list}` : `Several collectivities: pass --collectivity <siren>:\n${list}`);
}

async function findSession(db: UnitOfWork, cid: string, target: string): Promise<string> {
  const byDate = /^\d{4}-\d{2}-\d{2}$/.test(target);
  const rows: { id: string }[] = await db.run(cid, (em) => em.query(
    byDate
      ? `SELECT s.id FROM session s JOIN collectivity c ON c.id = s.collectivity_id
          WHERE s.collectivity_id = $1 AND (s.starts_at AT TIME ZONE c.time_zone)::date = $2::date ORDER BY s.starts_at`
      : `SELECT id FROM session WHERE collectivity_id = $1 AND id::text = $2`,
    [cid, target],
  ));
  if (rows.length !== 1) throw new Error(rows.length ? `Several sessions on ${target}: pass the session id` : `No session ${target}`);
  return rows[0].id;
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(isDomainError(e) ? `${e.code}: ${e.message}` : e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
