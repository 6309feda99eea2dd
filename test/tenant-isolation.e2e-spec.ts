// Tenant isolation in PostgreSQL itself: raw SQL under the application's role (the run's own, made by
// global-setup) reaches one collectivity's rows only, and the schema gives every tenant table its policy and
// its audit trigger (src/database/tenant-table.ts).
import { Client } from 'pg';
import { api, buildWorld, ok, World } from './setup/factory';
import { bootTestApp, TestApp } from './setup/test-app';

let t: TestApp;
let a: World;
let b: World;
let app: Client;
beforeAll(async () => {
  t = await bootTestApp();
  a = await buildWorld(t);
  b = await buildWorld(t);
  for (const w of [a, b]) ok(await t.http.post(api(w).vote(w.items[0])).send({ mode: 'show_of_hands', counts: { pour: 7, contre: 0, abstention: 0 } }));
  app = new Client({ connectionString: process.env.TEST_DATABASE_APP_URL });
  await app.connect();
}, 60_000);
afterAll(async () => {
  await app?.end();
  await t.close();
});

type Outcome = { rows: number } | { error: string };

/** One statement in a transaction of the application's role scoped to `cid` (as the unit of work opens it), rolled back. */
async function asApp(cid: string | null, sql: string, params: unknown[] = []): Promise<Outcome> {
  await app.query('BEGIN');
  try {
    await app.query(`SELECT set_config('app.collectivity_id', $1, true)`, [cid ?? '']);
    const res = await app.query(sql, params);
    return { rows: res.rowCount ?? 0 };
  } catch (e) {
    return { error: (e as { code?: string }).code ?? 'unknown' };
  } finally {
    await app.query('ROLLBACK');
  }
}

describe("the application's role", () => {
  it('is not a superuser, does not bypass row-level security and owns nothing', async () => {
    const [r] = (await app.query(`SELECT rolsuper, rolbypassrls, (SELECT count(*)::int FROM pg_class WHERE relowner = pg_roles.oid) AS owned
                                   FROM pg_roles WHERE rolname = current_user`)).rows;
    expect(r).toEqual({ rolsuper: false, rolbypassrls: false, owned: 0 });
    expect(process.env.TEST_APP_ROLE).toMatch(/^registre_app_[0-9a-f]{10}$/);
  });

  it("cannot read another collectivity's rows, even naming them", async () => {
    for (const table of ['member', 'session', 'item', 'vote', 'attendance', 'audit_log']) {
      expect({ table, ...(await asApp(a.cid, `SELECT 1 FROM ${table} WHERE collectivity_id = $1`, [b.cid])) }).toEqual({ table, rows: 0 });
      const own = await asApp(a.cid, `SELECT 1 FROM ${table} WHERE collectivity_id = $1`, [a.cid]);
      expect({ table, some: 'rows' in own && own.rows > 0 }).toEqual({ table, some: true });
    }
    expect(await asApp(a.cid, `SELECT 1 FROM collectivity WHERE id = $1`, [b.cid])).toEqual({ rows: 0 });
    // Everything the role can see in a transaction of A is A's.
    expect(await asApp(a.cid, `SELECT 1 FROM member WHERE collectivity_id <> $1`, [a.cid])).toEqual({ rows: 0 });
  });

  it("cannot change or delete another collectivity's rows, nor insert rows for it", async () => {
    expect(await asApp(a.cid, `UPDATE member SET last_name = 'PIRATE' WHERE collectivity_id = $1`, [b.cid])).toEqual({ rows: 0 });
    expect(await asApp(a.cid, `UPDATE collectivity SET name = 'PIRATE' WHERE id = $1`, [b.cid])).toEqual({ rows: 0 });
    expect(await asApp(a.cid, `DELETE FROM attendance WHERE collectivity_id = $1`, [b.cid])).toEqual({ rows: 0 });
    expect(await asApp(a.cid, `DELETE FROM member WHERE id = $1`, [b.m[8]])).toEqual({ rows: 0 });
    // Moving one of A's rows into B is refused by the policy's check.
    expect(await asApp(a.cid, `UPDATE member SET collectivity_id = $1 WHERE id = $2`, [b.cid, a.m[8]])).toEqual({ error: '42501' });
    expect(await asApp(a.cid, `INSERT INTO member (collectivity_id, civility, first_name, last_name) VALUES ($1, 'M.', 'X', 'PIRATE')`, [b.cid]))
      .toEqual({ error: '42501' });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM member WHERE collectivity_id = $1 AND last_name = 'PIRATE'`, [b.cid]);
    expect(n).toBe(0);
  });

  it('sees no tenant row without a collectivity, only the directory of collectivities', async () => {
    for (const table of ['member', 'session', 'item', 'audit_log']) expect({ table, ...(await asApp(null, `SELECT 1 FROM ${table}`)) }).toEqual({ table, rows: 0 });
    const dir = await asApp(null, `SELECT 1 FROM collectivity WHERE id = ANY($1::uuid[])`, [[a.cid, b.cid]]);
    expect(dir).toEqual({ rows: 2 });
    expect(await asApp(null, `UPDATE collectivity SET name = 'PIRATE' WHERE id = $1`, [b.cid])).toEqual({ rows: 0 });
    // Outside any transaction, too.
    expect((await app.query(`SELECT 1 FROM member`)).rowCount).toBe(0);
  });

  it('cannot update or delete sealed rows of its own collectivity, nor the audit trail, nor switch the triggers off', async () => {
    const [vote] = await t.db.query(`SELECT id FROM vote WHERE item_id = $1`, [a.items[0]]);
    expect(await asApp(a.cid, `UPDATE vote SET pour = 1 WHERE id = $1`, [vote.id])).toEqual({ error: 'RG002' });
    expect(await asApp(a.cid, `DELETE FROM vote WHERE id = $1`, [vote.id])).toEqual({ error: 'RG002' });
    expect(await asApp(a.cid, `UPDATE audit_log SET actor_label = 'nobody' WHERE collectivity_id = $1`, [a.cid])).toEqual({ error: '42501' });
    expect(await asApp(a.cid, `DELETE FROM audit_log WHERE collectivity_id = $1`, [a.cid])).toEqual({ error: '42501' });
    expect(await asApp(a.cid, `TRUNCATE audit_log`)).toEqual({ error: '42501' });
    expect(await asApp(a.cid, `ALTER TABLE vote DISABLE TRIGGER USER`)).toEqual({ error: '42501' });
    expect(await asApp(a.cid, `SET session_replication_role = replica`)).toEqual({ error: '42501' });
  });
});

describe('the schema', () => {
  it('gives every table with a collectivity_id row-level security, the tenant policy and the audit trigger', async () => {
    const rows: { table: string; rls: boolean; policy: boolean; audit: boolean }[] = await t.db.query(`
      SELECT c.relname AS table, c.relrowsecurity AS rls,
             EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'tenant_isolation') AS policy,
             EXISTS (SELECT 1 FROM pg_trigger g JOIN pg_proc f ON f.oid = g.tgfoid WHERE g.tgrelid = c.oid AND f.proname = 'registre_audit' AND NOT g.tgisinternal) AS audit
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind = 'r'
         AND (c.relname = 'collectivity' OR EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'collectivity_id' AND NOT a.attisdropped))
       ORDER BY 1`);
    expect(rows.length).toBeGreaterThanOrEqual(23);
    // The audit trail is a tenant table too, but does not audit itself; nor does the journal of session versions,
    // which the triggers derive from rows that are audited (RecordClock1764008000000).
    const expected = rows.map((r) => ({ table: r.table, rls: true, policy: true, audit: !['audit_log', 'session_change'].includes(r.table) }));
    expect(rows).toEqual(expected);
  });

  it('keeps the owner out of the application role and the application role out of the migrations', async () => {
    const role = process.env.TEST_APP_ROLE;
    const [r] = await t.db.query(`SELECT has_table_privilege($1, 'typeorm_migrations', 'SELECT') AS migrations,
                                         has_table_privilege($1, 'audit_log', 'UPDATE') AS audit_update,
                                         has_table_privilege($1, 'audit_log', 'INSERT') AS audit_insert`, [role]);
    expect(r).toEqual({ migrations: false, audit_update: false, audit_insert: true });
  });
});
