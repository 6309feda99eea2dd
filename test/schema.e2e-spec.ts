// The entities and the migrated schema agree (synchronize is never used, so nothing else would tell),
// and the migrations are reversible: down to nothing, then up again to the same schema.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { createDataSource } from '../src/database/data-source';
import { MIGRATIONS } from '../migrations';
import { tenantTables } from './setup/factory';
import { bootTestApp, TestApp } from './setup/test-app';

interface DbColumn { table_name: string; column_name: string; data_type: string; is_nullable: 'YES' | 'NO'; column_default: string | null }

const COLUMNS_SQL = `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
  WHERE table_schema = current_schema() ORDER BY table_name, column_name`;
const TABLES_SQL = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`;

/** PostgreSQL's own name for the type an entity column declares. */
function declaredType(db: DataSource, col: ColumnMetadata): string {
  const normalized = db.driver.normalizeType(col);
  const aliases: Record<string, string> = {
    timestamptz: 'timestamp with time zone', timestamp: 'timestamp without time zone', int: 'integer', int4: 'integer', int8: 'bigint',
    bool: 'boolean', varchar: 'character varying', char: 'character', float8: 'double precision', decimal: 'numeric',
  };
  // information_schema names every array type ARRAY.
  return col.isArray ? 'ARRAY' : (aliases[normalized] ?? normalized);
}

let t: TestApp;
let columns: DbColumn[];
beforeAll(async () => {
  t = await bootTestApp();
  columns = await t.db.query(COLUMNS_SQL);
});
afterAll(() => t.close());

describe('entities and migrated schema', () => {
  it('every entity has its table in the e2e schema', async () => {
    const tables = (await t.db.query(TABLES_SQL)).map((r: { table_name: string }) => r.table_name);
    expect(t.db.entityMetadatas.length).toBeGreaterThanOrEqual(18);
    const missing = t.db.entityMetadatas.map((m) => m.tableName).filter((name) => !tables.includes(name));
    expect(missing).toEqual([]);
    // And no table is left without an entity, but TypeORM's own bookkeeping.
    const mapped = new Set(t.db.entityMetadatas.map((m) => m.tableName));
    expect(tables.filter((name: string) => !mapped.has(name))).toEqual(['typeorm_migrations']);
  });

  it('every entity column exists with a compatible type and the same nullability', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const meta of t.db.entityMetadatas) {
      for (const col of meta.columns) {
        const db = columns.find((c) => c.table_name === meta.tableName && c.column_name === col.databaseName);
        const at = `${meta.tableName}.${col.databaseName}`;
        if (!db) { problems.push(`${at}: no such column`); continue; }
        checked++;
        const type = declaredType(t.db, col);
        if (type !== db.data_type) problems.push(`${at}: entity ${type}, schema ${db.data_type}`);
        if (col.isNullable !== (db.is_nullable === 'YES')) problems.push(`${at}: entity nullable=${col.isNullable}, schema ${db.is_nullable}`);
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it('schema columns the entities do not map can be left out of an insert (nullable or defaulted)', () => {
    const mapped = new Set(t.db.entityMetadatas.flatMap((m) => m.columns.map((c) => `${m.tableName}.${c.databaseName}`)));
    const unmapped = columns.filter((c) => c.table_name !== 'typeorm_migrations' && !mapped.has(`${c.table_name}.${c.column_name}`));
    expect(unmapped.filter((c) => c.is_nullable === 'NO' && c.column_default === null).map((c) => `${c.table_name}.${c.column_name}`)).toEqual([]);
  });

  it('every table but the collectivities carries the collectivity id (tenant-owned)', async () => {
    // Platform tables: an account, its console sessions and sign-in attempts belong to no one collectivity, nor does the development signing certificate.
    const platform = ['typeorm_migrations', 'account', 'auth_session', 'sign_in_attempt', 'signing_certificate'];
    const tables = (await t.db.query(TABLES_SQL)).map((r: { table_name: string }) => r.table_name).filter((n: string) => !platform.includes(n));
    expect((await tenantTables(t)).sort()).toEqual([...tables].sort());
  });
});

describe('migrations are reversible', () => {
  const schema = `e2e_rev_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const base = () => {
    const b = process.env.TEST_DATABASE_BASE_URL;
    if (!b) throw new Error('TEST_DATABASE_BASE_URL is not set: run through jest (global-setup)');
    return b;
  };
  let admin: Client;
  let ds: DataSource;

  beforeAll(async () => {
    admin = new Client({ connectionString: base() });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const url = new URL(base());
    url.searchParams.set('options', `-c search_path=${schema}`);
    ds = createDataSource(url.toString());
    await ds.initialize();
  });
  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  const tables = async () => (await ds.query(TABLES_SQL)).map((r: { table_name: string }) => r.table_name).filter((n: string) => n !== 'typeorm_migrations');
  const objects = async () => ({
    functions: (await ds.query(`SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = current_schema() ORDER BY 1`)).map((r: { proname: string }) => r.proname),
    types: (await ds.query(`SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = current_schema() AND t.typtype IN ('e','d') ORDER BY 1`)).map((r: { typname: string }) => r.typname),
    sequences: (await ds.query(`SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = current_schema() AND sequence_name <> 'typeorm_migrations_id_seq'`)).map((r: { sequence_name: string }) => r.sequence_name),
  });
  const executed = async () => (await ds.query(`SELECT name FROM typeorm_migrations ORDER BY id`)).map((r: { name: string }) => r.name);

  it('goes up, down to nothing, and up again to the same schema', async () => {
    expect(await ds.query(`SELECT current_schema() AS s`)).toEqual([{ s: schema }]);
    await ds.runMigrations({ transaction: 'each' });
    expect(await executed()).toEqual(MIGRATIONS.map((M) => new M().name ?? M.name));
    const upTables = await tables();
    const upColumns = await ds.query(COLUMNS_SQL);
    // The same as the e2e schema that global-setup migrated.
    expect(upTables).toEqual((await t.db.query(TABLES_SQL)).map((r: { table_name: string }) => r.table_name).filter((n: string) => n !== 'typeorm_migrations'));
    expect(upColumns.filter((c: DbColumn) => c.table_name !== 'typeorm_migrations')).toEqual(columns.filter((c) => c.table_name !== 'typeorm_migrations'));
    const up = await objects();
    expect(up.functions.length).toBeGreaterThan(0);

    for (let i = MIGRATIONS.length; i > 0; i--) {
      await ds.undoLastMigration({ transaction: 'each' });
      expect(await executed()).toHaveLength(i - 1);
    }
    expect(await tables()).toEqual([]);
    expect(await objects()).toEqual({ functions: [], types: [], sequences: [] });

    await ds.runMigrations({ transaction: 'each' });
    expect(await tables()).toEqual(upTables);
    expect(await ds.query(COLUMNS_SQL)).toEqual(upColumns);
    expect(await objects()).toEqual(up);
  });
});
