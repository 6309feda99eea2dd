import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { ZipFile } from 'yazl';
import { copyOutQuery, Digest, ident, listSequences, listTables, MIGRATIONS_TABLE, SESSION_SETTINGS } from './backup-catalog';

/**
 * A backup is a ZIP: one file per table in PostgreSQL's text COPY format (`tables/<name>.copy`) and
 * `manifest.json`, written last, naming the schema version (the migrations applied) and, per table,
 * its columns, row count and SHA-256, with the sequences' values. Everything is read in ONE
 * REPEATABLE READ READ ONLY transaction: a consistent snapshot, while the app keeps writing.
 * It needs no pg_dump (the embedded server ships none), so it works on the embedded and an external server alike.
 */
export const BACKUP_FORMAT = 'registre-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface TableManifest {
  name: string;
  file: string;
  columns: string[];
  primaryKey: string[];
  rows: number;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  server: string;
  /** The last migration applied: the schema version the tables are in. */
  schemaVersion: string | null;
  migrations: string[];
  tables: TableManifest[];
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
}

export interface BackupResult {
  file: string;
  manifest: Manifest;
}

export async function backup(url: string, file: string): Promise<BackupResult> {
  const client = new Client({ connectionString: url, application_name: 'registre-backup' });
  await client.connect();
  const partial = `${file}.partial`;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    for (const s of SESSION_SETTINGS) await client.query(s);
    // Row-level security must not silently filter a backup: with it off, a table it would filter is an error instead.
    await client.query('SET LOCAL row_security = off');
    const tables = await listTables(client);
    if (!tables.some((t) => t.name === MIGRATIONS_TABLE)) throw new Error(`No ${MIGRATIONS_TABLE} table in the schema: is this Registre's database?`);
    const { rows: migrations } = await client.query<{ name: string }>(`SELECT name FROM ${ident(MIGRATIONS_TABLE)} ORDER BY timestamp, id`);
    const sequences = [];
    for (const name of await listSequences(client)) {
      const { rows } = await client.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text, is_called FROM ${ident(name)}`);
      sequences.push({ name, lastValue: rows[0].last_value, isCalled: rows[0].is_called });
    }
    const { rows: version } = await client.query<{ v: string }>(`SELECT version() AS v`);
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      server: version[0].v,
      schemaVersion: migrations.at(-1)?.name ?? null,
      migrations: migrations.map((m) => m.name),
      tables: [],
      sequences,
    };

    const zip = new ZipFile();
    const written = pipeline(zip.outputStream, createWriteStream(partial));
    let failure: Error | null = null;
    // yazl asks for each entry's stream when it reaches it: the COPYs run one after the other on the one connection.
    for (const t of tables) {
      const entry: TableManifest = { name: t.name, file: `tables/${t.name}.copy`, columns: t.columns, primaryKey: t.primaryKey, rows: 0, bytes: 0, sha256: '' };
      manifest.tables.push(entry);
      zip.addReadStreamLazy(entry.file, (cb) => {
        const digest = new Digest((d) => Object.assign(entry, { rows: d.rows, bytes: d.bytes, sha256: d.sha256 }));
        const out = new PassThrough();
        pipeline(client.query(copyTo(copyOutQuery(t))), digest, out).catch((e) => {
          failure = e;
          out.destroy(e);
        });
        cb(null, out);
      });
    }
    zip.addReadStreamLazy('manifest.json', (cb) => cb(null, Readable.from([JSON.stringify(manifest, null, 2)])));
    zip.end();
    await written;
    if (failure) throw failure;
    await client.query('COMMIT');
    renameSync(partial, file);
    return { file, manifest };
  } catch (e) {
    rmSync(partial, { force: true });
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await client.end();
  }
}
