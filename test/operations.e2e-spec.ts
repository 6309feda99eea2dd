// Operations: connections cut under the app, request ids shared by the logs and the audit trail.
// The pool reconnects by itself when its connections are cut (a restarted or failed-over external server,
// an administrator's pg_terminate_backend): answers stay 200 or 503, never 500, and /health follows.
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { bootTestApp, TestApp } from './setup/test-app';

describe('database connections cut under the app', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await bootTestApp();
    admin = new Client({ connectionString: process.env.TEST_DATABASE_BASE_URL });
    await admin.connect();
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await admin?.end();
  }, 60_000);

  it('every connection of the pool terminated: the next requests reconnect, without a 500', async () => {
    // Only this app's connections: the test server may be shared with other runs.
    const ds = t.app.get(DataSource);
    const held = await Promise.all(Array.from({ length: 10 }, () => ds.query(`SELECT pg_backend_pid() AS pid, pg_sleep(0.1)`)));
    const pids = [...new Set(held.map((r: { pid: number }[]) => r[0].pid))];
    expect(pids.length).toBeGreaterThan(1);
    await admin.query(`SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid`, [pids]);
    const codes: number[] = [];
    for (let i = 0; i < 20; i++) codes.push((await t.http.get('/api/collectivities')).status);
    expect(codes.filter((c) => c !== 200 && c !== 503)).toEqual([]);
    expect(codes.at(-1)).toBe(200);
    const health = await t.http.get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', database: { status: 'up' } });
  }, 60_000);
});

describe('request ids', () => {
  let t: TestApp;
  beforeAll(async () => (t = await bootTestApp()), 60_000);
  afterAll(async () => t?.close(), 60_000);

  it("a load balancer's X-Request-Id is sent back and recorded with the audited write, as in the request's log line", async () => {
    const id = `lb-${Date.now()}`;
    const res = await t.http.post('/api/collectivities').set('X-Request-Id', id).send({ name: `Commune ${id}`, siren: String(Date.now()).slice(-9), kind: 'commune', departementCode: '62' });
    expect(res.headers['x-request-id']).toBe(id);
    if (res.status !== 201) return expect(res.body).toBeUndefined();
    const rows = await t.db.query(`SELECT DISTINCT request_id FROM audit_log WHERE request_id = $1`, [id]);
    expect(rows).toEqual([{ request_id: id }]);
  }, 60_000);
});
