import { createHash } from 'node:crypto';
import { Transform, TransformCallback } from 'node:stream';
import { Client } from 'pg';

/**
 * What backup and restore read from PostgreSQL's catalog, so that they follow the schema whatever tables,
 * triggers or row-level security the migrations add: every table of the current schema, its columns
 * (generated ones excluded: PostgreSQL computes them), its primary key (the order rows are written in).
 */
export interface TableInfo {
  name: string;
  columns: string[];
  primaryKey: string[];
}

export interface ForeignKey {
  name: string;
  child: string;
  parent: string;
  columns: string[];
  refColumns: string[];
}

export const MIGRATIONS_TABLE = 'typeorm_migrations';

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The text COPY output depends on these: both ends use the same, so checksums compare. */
export const SESSION_SETTINGS = [`SET LOCAL TimeZone = 'UTC'`, `SET LOCAL DateStyle = 'ISO, YMD'`, `SET LOCAL IntervalStyle = 'postgres'`, `SET LOCAL extra_float_digits = 3`, `SET LOCAL statement_timeout = 0`];

export async function listTables(client: Client): Promise<TableInfo[]> {
  const { rows } = await client.query<{ name: string; columns: string[]; pk: string[] | null }>(`
    SELECT c.relname AS name,
      (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns,
      (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM pg_index i
        CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
        WHERE i.indrelid = c.oid AND i.indisprimary) AS pk
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
    ORDER BY c.relname`);
  return rows.map((r) => ({ name: r.name, columns: r.columns ?? [], primaryKey: r.pk ?? [] }));
}

export async function listSequences(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind = 'S' ORDER BY c.relname`);
  return rows.map((r) => r.name);
}

export async function listForeignKeys(client: Client): Promise<ForeignKey[]> {
  const { rows } = await client.query<ForeignKey>(`
    SELECT con.conname AS name, cr.relname AS child, pr.relname AS parent,
      (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY AS k(n, ord)
        JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n) AS "columns",
      (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY AS k(n, ord)
        JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n) AS "refColumns"
    FROM pg_constraint con
    JOIN pg_class cr ON cr.oid = con.conrelid JOIN pg_namespace n ON n.oid = cr.relnamespace
    JOIN pg_class pr ON pr.oid = con.confrelid
    WHERE con.contype = 'f' AND n.nspname = current_schema()
    ORDER BY con.conname`);
  return rows;
}

/** The query whose text COPY output is a table's content in the backup, rows in primary-key order. */
export function copyOutQuery(t: TableInfo): string {
  const order = t.primaryKey.length ? ` ORDER BY ${t.primaryKey.map(ident).join(', ')}` : '';
  return `COPY (SELECT ${t.columns.map(ident).join(', ')} FROM ${ident(t.name)}${order}) TO STDOUT`;
}

/** Passes bytes through, counting rows (text COPY ends each row with a newline, escaping those inside values) and hashing them. */
export class Digest extends Transform {
  private readonly hash = createHash('sha256');
  rows = 0;
  bytes = 0;
  sha256 = '';

  /** `onEnd` runs once the last byte is through and before the stream ends downstream. */
  constructor(private readonly onEnd: (d: Digest) => void = () => undefined) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) this.rows++;
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    this.sha256 = this.hash.digest('hex');
    this.onEnd(this);
    done();
  }
}
