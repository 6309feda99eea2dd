// Batch work from the database: `npm run cli -- extract 19-09-107 --out extrait.pdf`.
import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { runInContext, systemActor } from './auth/actor';
import { AppModule } from './app.module';
import { loadConfig } from './config/app-config';
import { EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres';
import { UnitOfWork } from './database/unit-of-work';
import { runMigrations } from './database/migrate';
import { isDomainError } from './domain/errors';
import { ExtractsService } from './extracts/extracts.service';
import { RegisterService } from './register/register.service';

const USAGE = `Usage:
  npm run cli -- extract <number> [--collectivity <siren>] [--body <body-id>] --out <file.pdf> [--pdfa]
  npm run cli -- minutes <YYYY-MM-DD|session-id> [--collectivity <siren>] --out <file.pdf> [--pdfa]
  npm run cli -- list <YYYY-MM-DD|session-id> [--collectivity <siren>] --out <file.pdf>`;

async function database(): Promise<{ url: string; embedded: EmbeddedDatabase | null }> {
  const config = loadConfig();
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, embedded: null };
  // Reuse the embedded server of a running `npm start`, else start it for the duration of the command.
  const url = `postgres://registre:registre@127.0.0.1:${config.EMBEDDED_PG_PORT}/registre`;
  const probe = new Client({ connectionString: url });
  try {
    await probe.connect();
    await probe.end();
    return { url, embedded: null };
  } catch {
    const embedded = await startEmbeddedPostgres(join(config.DATA_DIR, 'postgres'), config.EMBEDDED_PG_PORT);
    return { url: embedded.url, embedded };
  }
}

/** Runs one command; returns the exit code. Exported for the tests, which run it in-process. */
export async function runCli(argv: string[], log: (line: string) => void = console.log): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { collectivity: { type: 'string' }, body: { type: 'string' }, out: { type: 'string' }, pdfa: { type: 'boolean', default: false }, help: { type: 'boolean' } },
  });
  const [command, target] = positionals;
  if (values.help || !command || !target || !values.out || !['extract', 'minutes', 'list'].includes(command)) {
    log(USAGE);
    return 2;
  }
  const { url, embedded } = await database();
  await runMigrations(url);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ databaseUrl: url }), { logger: ['error'] });
  try {
    // What the command writes (the render log) is recorded as the command line's.
    const ctx = { actor: systemActor('cli'), requestId: `cli-${process.pid}`, useCase: `cli.${command}` };
    const pdf = await runInContext(ctx, () => renderDocument(app, command, target, values));
    writeFileSync(values.out, pdf);
    log(`${values.out}: ${pdf.length} bytes`);
    return 0;
  } finally {
    await app.close();
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
