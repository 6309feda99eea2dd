// `npm start` on a fresh data folder: embedded PostgreSQL, migrations, demo seed, HTTP, clean stop.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { projectRoot } from '../src/config/project-root';
import { embeddedUrl } from '../src/database/embedded-postgres';
import { build, startBuiltApp as start } from './setup/built-app';
import { freePort } from './setup/free-port';

const root = projectRoot();
const facts = require('./fixtures/extrait-ccpl-19-09-107.facts.json');

/** Signs in as a demo account with the password the first start printed; returns the cookie header to send. */
async function signIn(base: string, output: string, email: string): Promise<string> {
  const password = new RegExp(`${email.replace(/[.]/g, '\\.')}\\s+(\\S+)`).exec(output)?.[1];
  if (!password) throw new Error(`the first start did not print the password of ${email}:\n${output}`);
  const res = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}


describe('npm start: the app with its demo on an embedded PostgreSQL', () => {
  const dataDir = join(root, 'data', 'test-runs', `start-${process.pid}`);
  let env: NodeJS.ProcessEnv;
  let base: string;
  let firstOutput = '';

  beforeAll(async () => {
    // What `npm start` runs first (prestart): the build.
    build();
    const port = await freePort();
    env = { ...process.env, PORT: String(port), EMBEDDED_PG_PORT: String(await freePort()), DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    base = `http://127.0.0.1:${port}`;
  }, 180_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves the demo, whose 19-09-107 matches the reference, then stops the database cleanly on SIGTERM', async () => {
    const app = await start(env);
    try {
      expect(app.output()).toMatch(/Demo data seeded/);
      firstOutput = app.output();
      expect((await fetch(`${base}/api/collectivities`)).status).toBe(401);
      const headers = { cookie: await signIn(base, firstOutput, 'secretaire@ccpl.demo') };
      const list = (await (await fetch(`${base}/api/collectivities`, { headers })).json()) as any;
      const ccpl = list.items.find((c: { siren: string }) => c.siren === '246200364');
      const state = (await (await fetch(`${base}/api/collectivities/${ccpl.id}/deliberations/state?number=19-09-107`, { headers })).json()) as any;
      expect(state.attendance).toMatchObject({ inOffice: facts.counts.in_office, voters: facts.counts.voters });
      expect(state.attendance.present).toHaveLength(facts.counts.present);
      expect(state.attendance.represented).toHaveLength(facts.counts.proxies);
      expect(state.attendance.quorum).toMatchObject({ needed: facts.counts.quorum_needed, met: true });
      expect(state.vote).toMatchObject({ outcome: 'adopted', unanimous: true, pour: 44 });
      expect((await fetch(`${base}/docs`)).status).toBe(200);
      expect((await fetch(`${base}/`, { headers })).status).toBe(200);
      expect((await fetch(`${base}/connexion`)).status).toBe(200);
      // The app reaches its embedded server through the socket of the data folder, not loopback TCP.
      const url = embeddedUrl(join(dataDir, 'postgres'), Number(env.EMBEDDED_PG_PORT));
      expect(url).toMatch(/^postgres:\/\/registre:registre@%2F.+%2Fpostgres:\d+\/registre$/);
      const db = new Client({ connectionString: url });
      await db.connect();
      try {
        const [mine] = (await db.query('SELECT inet_client_addr() AS addr')).rows;
        expect(mine.addr).toBeNull();
        const pool = (await db.query(`SELECT client_addr FROM pg_stat_activity WHERE application_name = 'registre'`)).rows;
        expect(pool.length).toBeGreaterThan(0);
        expect(pool.filter((r) => r.client_addr !== null)).toEqual([]);
      } finally {
        await db.end();
      }
    } finally {
      app.child.kill('SIGTERM');
    }
    expect(await app.exited).toBe(0);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 180_000);

  it('starts again on the same data without seeding twice, and stops on SIGINT', async () => {
    const app = await start(env);
    try {
      expect(app.output()).not.toMatch(/Demo data seeded/);
      const headers = { cookie: await signIn(base, firstOutput, 'operateur@registre.demo') };
      const list = (await (await fetch(`${base}/api/collectivities`, { headers })).json()) as any;
      // The CCPL and the demo commune (Valmorin-les-Sources), once each.
      expect(list.total).toBe(2);
    } finally {
      app.child.kill('SIGINT');
    }
    expect(await app.exited).toBe(0);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 180_000);
});
