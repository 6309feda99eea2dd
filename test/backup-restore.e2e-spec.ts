// Backup and restore through COPY: one snapshot while the app writes, restored into an empty schema, checked.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createApp } from '../src/app.factory';
import { runCli } from '../src/cli';
import { projectRoot } from '../src/config/project-root';
import { backup } from '../src/database/backup';
import { restore } from '../src/database/restore';
import { build, startBuiltApp } from './setup/built-app';
import { freePort } from './setup/free-port';
import { bootTestApp, demoCollectivityId, harnessCredentials, signIn, TestApp } from './setup/test-app';

const dir = mkdtempSync(join(tmpdir(), 'registre-backup-'));
const base = () => process.env.TEST_DATABASE_BASE_URL!;
const schemas: string[] = [];
let admin: Client;

/** A fresh, empty schema on the test server, and the URL that works in it. */
async function emptySchema(): Promise<string> {
  const schema = `e2e_restore_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE SCHEMA ${schema}`);
  schemas.push(schema);
  const url = new URL(base());
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

async function stateOf(url: string): Promise<unknown> {
  const app = await createApp({ databaseUrl: url }, false);
  try {
    // The harness account comes along with the rest of the data.
    const { email, password } = harnessCredentials();
    const { http } = await signIn(app.getHttpServer(), email, password);
    const cid = await demoCollectivityId({ http } as TestApp);
    return (await http.get(`/api/collectivities/${cid}/deliberations/state?number=19-09-107`).expect(200)).body;
  } finally {
    await app.close();
  }
}

/** Runs the command line with these environment variables, as `npm run cli -- ...` would. */
async function cli(env: Record<string, string | undefined>, ...argv: string[]): Promise<string[]> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const lines: string[] = [];
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  try {
    expect(await runCli(argv, (l) => lines.push(l))).toBe(0);
    return lines;
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  }
}

describe('backup and restore (npm run cli -- backup|restore)', () => {
  let t: TestApp;
  const file = join(dir, 'registre.zip');

  beforeAll(async () => {
    admin = new Client({ connectionString: base() });
    await admin.connect();
    t = await bootTestApp();
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    await admin?.end();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('takes one snapshot while a writer holds its transaction open, with a manifest naming the schema version and checksums', async () => {
    const writer = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await writer.connect();
    try {
      // A transaction open across the whole backup, which must neither wait for it nor see its row.
      await writer.query('BEGIN');
      await writer.query(`UPDATE collectivity SET name = name || ' (en cours)' WHERE siren = '246200364'`);
      const { manifest } = await backup(process.env.TEST_DATABASE_URL!, file);
      await writer.query('ROLLBACK');
      expect(manifest.format).toBe('registre-backup');
      expect(manifest.schemaVersion).toBe(manifest.migrations.at(-1));
      const names = manifest.tables.map((x) => x.name);
      expect(names).toEqual(expect.arrayContaining(['collectivity', 'member', 'session', 'item', 'vote', 'typeorm_migrations']));
      for (const x of manifest.tables) expect(x.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(manifest.tables.find((x) => x.name === 'member')!.rows).toBeGreaterThanOrEqual(49);
    } finally {
      await writer.end();
    }
  }, 60_000);

  it('restores into an empty schema that serves the same computed state of 19-09-107', async () => {
    const url = await emptySchema();
    const r = await restore(url, file);
    expect(r.rows).toBeGreaterThan(100);
    const after = await stateOf(url);
    const before = await stateOf(process.env.TEST_DATABASE_URL!);
    expect(after).toEqual(before);
    expect(JSON.stringify(after)).not.toContain('(en cours)');
  }, 120_000);

  it('acceptance: `cli backup` of the demo, `cli restore` into a fresh data folder, where npm start serves the same state of 19-09-107', async () => {
    const zip = join(dir, 'cli.zip');
    expect((await cli({ DATABASE_URL: process.env.TEST_DATABASE_URL }, 'backup', zip)).join()).toMatch(/tables, \d+ rows, schema /);
    // The embedded server is an ES module that Jest's runtime cannot load: the built CLI and app run it, as in production.
    build();
    const fresh = join(projectRoot(), 'data', 'test-runs', `restore-${process.pid}-${randomBytes(3).toString('hex')}`);
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: fresh, EMBEDDED_PG_PORT: String(await freePort()), PORT: String(port) };
    delete env.DATABASE_URL;
    try {
      const out = execFileSync(process.execPath, [join(projectRoot(), 'dist', 'src', 'cli.js'), 'restore', zip], { env, cwd: projectRoot() }).toString();
      expect(out).toMatch(/Restored \d+ rows/);
      const app = await startBuiltApp(env);
      try {
        expect(app.output()).not.toMatch(/Demo data seeded/);
        const base = `http://127.0.0.1:${port}/api/collectivities`;
        const signed = await fetch(`http://127.0.0.1:${port}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(harnessCredentials()) });
        expect(signed.status).toBe(200);
        const headers = { cookie: signed.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') };
        const ccpl = ((await (await fetch(base, { headers })).json()) as { items: { id: string; siren: string }[] }).items.find((c) => c.siren === '246200364')!;
        const restored = await (await fetch(`${base}/${ccpl.id}/deliberations/state?number=19-09-107`, { headers })).json();
        expect(restored).toEqual(await stateOf(process.env.TEST_DATABASE_URL!));
      } finally {
        app.child.kill('SIGTERM');
        await app.exited;
      }
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  }, 240_000);

  it('refuses a database that holds data unless told to replace it', async () => {
    const url = await emptySchema();
    await restore(url, file);
    await expect(restore(url, file)).rejects.toThrow(/not empty.*--replace/);
    await expect(restore(url, file, { replace: true })).resolves.toMatchObject({ rows: expect.any(Number) });
  }, 120_000);

  it('refuses a damaged backup and leaves the database empty', async () => {
    const bytes = readFileSync(file);
    // Flip a byte of the member table's entry (stored, not compressed? whichever: CRC or checksum catches it).
    const at = bytes.indexOf(Buffer.from('tables/member.copy')) + 200;
    const damaged = join(dir, 'damaged.zip');
    writeFileSync(damaged, Buffer.concat([bytes.subarray(0, at), Buffer.from([bytes[at] ^ 0xff]), bytes.subarray(at + 1)]));
    const url = await emptySchema();
    await expect(restore(url, damaged)).rejects.toThrow();
    const c = new Client({ connectionString: url });
    await c.connect();
    try {
      expect((await c.query('SELECT count(*)::int AS n FROM member')).rows[0].n).toBe(0);
    } finally {
      await c.end();
    }
  }, 120_000);
});
