import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { Entry, open as openZip, ZipFile } from 'yauzl';
import { MIGRATIONS } from '../../migrations';
import { copyOutQuery, Digest, ForeignKey, ident, listForeignKeys, listTables, MIGRATIONS_TABLE, SESSION_SETTINGS, TableInfo } from './backup-catalog';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, Manifest, TableManifest } from './backup';
import { DataSource, DataSourceOptions } from 'typeorm';
import { createDataSource, dataSourceOptions } from './data-source';
import { runMigrations } from './migrate';

export interface RestoreOptions {
  /** Empty a database that holds data first (else it is refused). */
  replace?: boolean;
  log?: (line: string) => void;
}

export interface RestoreResult {
  manifest: Manifest;
  rows: number;
  /** Migrations newer than the backup, applied after its data. */
  upgraded: string[];
}

/**
 * Restores a backup into an empty database (a fresh data folder, or `replace`): the schema is brought to the
 * backup's version by the migrations, every table is filled by COPY in one transaction as the owner with
 * session_replication_role = replica (triggers, sealing ones included, and foreign-key checks off while
 * loading: the rows were valid when read in one snapshot), then checked — checksums of what was read,
 * every foreign key, and each table read back equal to the backup — before COMMIT. Newer migrations run last.
 */
export async function restore(url: string, file: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const log = options.log ?? (() => undefined);
  const zip = await openArchive(file);
  try {
    const manifest = JSON.parse((await readAll(zip.stream('manifest.json'))).toString('utf8')) as Manifest;
    if (manifest.format !== BACKUP_FORMAT || manifest.formatVersion > BACKUP_FORMAT_VERSION) throw new Error(`${file} is not a Registre backup this version can read`);
    const known = MIGRATIONS.map((m) => m.name);
    const unknown = manifest.migrations.filter((m) => !known.includes(m));
    if (unknown.length) throw new Error(`The backup was made by a newer Registre (migrations ${unknown.join(', ')} unknown here): restore it with that version`);

    await schemaAt(url, manifest.migrations, log);
    const client = new Client({ connectionString: url, application_name: 'registre-restore' });
    await client.connect();
    try {
      await client.query('BEGIN');
      for (const s of SESSION_SETTINGS) await client.query(s);
      const tables = new Map((await listTables(client)).map((t) => [t.name, t]));
      const fks = await listForeignKeys(client);
      const bypass = await bypassTriggers(client);
      const order = bypass ? manifest.tables : dependencyOrder(manifest.tables, fks);
      if (!bypass) for (const t of manifest.tables) await client.query(`ALTER TABLE ${ident(t.name)} DISABLE TRIGGER USER`);
      // Triggers are off first: --replace empties the audit trail too, which refuses TRUNCATE to anyone else.
      await refuseNonEmpty(client, [...tables.values()], options.replace ?? false);
      let rows = 0;
      for (const t of order) {
        const target = tables.get(t.name);
        if (!target || target.columns.join() !== t.columns.join()) throw new Error(`Table ${t.name} differs from the backup's (columns ${target?.columns.join(', ') ?? 'none'} here, ${t.columns.join(', ')} there)`);
        if (t.name === MIGRATIONS_TABLE) continue; // made by the migrations above, checked below
        rows += await load(client, zip, t);
      }
      for (const s of manifest.sequences) await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [ident(s.name), s.lastValue, s.isCalled]);
      if (bypass) await client.query('SET LOCAL session_replication_role = origin');
      else for (const t of manifest.tables) await client.query(`ALTER TABLE ${ident(t.name)} ENABLE TRIGGER USER`);
      await checkForeignKeys(client, fks);
      for (const t of manifest.tables) await readBack(client, tables.get(t.name)!, t);
      // Loaded with triggers off: an app already serving this database forgets who its callers were (AuthChanges).
      await client.query(`SELECT pg_notify('registre_auth', 'restore')`);
      await client.query('COMMIT');
      log(`Restored ${rows} rows in ${manifest.tables.length - 1} tables, schema ${manifest.schemaVersion}`);
      const upgraded = await runMigrations(url);
      if (upgraded.length) log(`Then applied the newer migrations: ${upgraded.join(', ')}`);
      return { manifest, rows, upgraded };
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      await client.end();
    }
  } finally {
    zip.close();
  }
}

/** Applies the backup's migrations, or undoes newer ones a fresh start applied, so that its tables match the backup's. */
async function schemaAt(url: string, wanted: string[], log: (l: string) => void): Promise<void> {
  const ds = new DataSource({ ...dataSourceOptions(url), migrations: MIGRATIONS.filter((m) => wanted.includes(m.name)) } as DataSourceOptions);
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    // eslint-disable-next-line no-constant-condition
    while (true) {
      const applied: { name: string }[] = await ds.query(`SELECT name FROM ${ident(MIGRATIONS_TABLE)} ORDER BY timestamp, id`);
      const extra = applied.at(-1);
      if (!extra || wanted.includes(extra.name)) break;
      log(`Undoing ${extra.name} (newer than the backup) before loading`);
      const all = createDataSource(url);
      await all.initialize();
      try {
        await all.undoLastMigration({ transaction: 'each' });
      } finally {
        await all.destroy();
      }
    }
  } finally {
    await ds.destroy();
  }
}

async function refuseNonEmpty(client: Client, tables: TableInfo[], replace: boolean): Promise<void> {
  const full: string[] = [];
  for (const t of tables) {
    if (t.name === MIGRATIONS_TABLE) continue;
    const { rows } = await client.query(`SELECT EXISTS (SELECT 1 FROM ${ident(t.name)}) AS any`);
    if (rows[0].any) full.push(t.name);
  }
  if (!full.length) return;
  if (!replace) throw new Error(`The database is not empty (${full.slice(0, 5).join(', ')}${full.length > 5 ? '...' : ''} hold rows): restore into a fresh data folder or an empty database, or pass --replace to empty it first`);
  const names = tables.filter((t) => t.name !== MIGRATIONS_TABLE).map((t) => ident(t.name));
  await client.query(`TRUNCATE ${names.join(', ')} CASCADE`);
}

/** As a superuser (the embedded server's owner), triggers and foreign-key checks are off while loading; else false. */
async function bypassTriggers(client: Client): Promise<boolean> {
  await client.query('SAVEPOINT replica');
  try {
    await client.query('SET LOCAL session_replication_role = replica');
    return true;
  } catch {
    await client.query('ROLLBACK TO SAVEPOINT replica');
    return false;
  }
}

/** Parents before children, for an owner who may not turn foreign-key checks off. */
function dependencyOrder(tables: TableManifest[], fks: ForeignKey[]): TableManifest[] {
  const done = new Set<string>();
  const out: TableManifest[] = [];
  const visit = (t: TableManifest, path: Set<string>) => {
    if (done.has(t.name) || path.has(t.name)) return;
    path.add(t.name);
    for (const fk of fks) if (fk.child === t.name && fk.parent !== t.name) {
      const parent = tables.find((p) => p.name === fk.parent);
      if (parent) visit(parent, path);
    }
    done.add(t.name);
    out.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return out;
}

async function load(client: Client, zip: Archive, t: TableManifest): Promise<number> {
  const digest = new Digest();
  const cols = t.columns.map(ident).join(', ');
  await pipeline(await zip.stream(t.file), digest, client.query(copyFrom(`COPY ${ident(t.name)} (${cols}) FROM STDIN`)));
  if (digest.sha256 !== t.sha256 || digest.rows !== t.rows) throw new Error(`${t.file} is damaged: ${digest.rows} rows, SHA-256 ${digest.sha256}; the manifest says ${t.rows} rows, ${t.sha256}`);
  return digest.rows;
}

async function checkForeignKeys(client: Client, fks: ForeignKey[]): Promise<void> {
  for (const fk of fks) {
    const set = fk.columns.map((c) => `c.${ident(c)} IS NOT NULL`).join(' AND ');
    const match = fk.columns.map((c, i) => `p.${ident(fk.refColumns[i])} = c.${ident(c)}`).join(' AND ');
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${ident(fk.child)} c WHERE ${set} AND NOT EXISTS (SELECT 1 FROM ${ident(fk.parent)} p WHERE ${match})`);
    if (rows[0].n) throw new Error(`Foreign key ${fk.name}: ${rows[0].n} rows of ${fk.child} point to no ${fk.parent}`);
  }
}

/** The table as stored now, written out as the backup wrote it, must be the backup's bytes. */
async function readBack(client: Client, table: TableInfo, t: TableManifest): Promise<void> {
  const digest = new Digest();
  const sink = new Writable({ write: (_c, _e, cb) => cb() });
  await pipeline(client.query(copyTo(copyOutQuery({ ...table, primaryKey: t.primaryKey }))), digest, sink);
  if (t.name === MIGRATIONS_TABLE) return void (digest.rows === t.rows || fail(`the migrations applied (${digest.rows}) are not the backup's (${t.rows})`));
  if (digest.sha256 !== t.sha256) fail(`table ${t.name} reads back differently from the backup (${digest.rows} rows, ${t.rows} expected)`);
}

const fail = (why: string): never => {
  throw new Error(`Restore check failed: ${why}`);
};

interface Archive {
  stream(name: string): Promise<Readable>;
  close(): void;
}

async function openArchive(file: string): Promise<Archive> {
  const zip = await new Promise<ZipFile>((resolve, reject) => openZip(file, { lazyEntries: true, autoClose: false }, (e, z) => (e ? reject(e) : resolve(z))));
  const entries = new Map<string, Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (e: Entry) => (entries.set(e.fileName, e), zip.readEntry()));
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return {
    stream: (name) => {
      const entry = entries.get(name);
      if (!entry) return Promise.reject(new Error(`${file} has no ${name}: not a Registre backup, or damaged`));
      return new Promise((resolve, reject) => zip.openReadStream(entry, (e, s) => (e ? reject(e) : resolve(s))));
    },
    close: () => zip.close(),
  };
}

async function readAll(s: Promise<Readable>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await s) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
