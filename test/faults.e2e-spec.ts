// Faults as an operator meets them: kill -9 of PostgreSQL under load, kill -9 of the app, SIGTERM to npm and to node.
// Like start.e2e-spec, each runs the real built app (dist/src/main.js) on a fresh data folder.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/config/project-root';
import { isAlive, postmasterPid, waitGone as gone } from '../src/database/postgres-process';
import { build, startBuiltApp as start, Started } from './setup/built-app';
import { runCli } from '../src/cli';
import { freePort } from './setup/free-port';

const root = projectRoot();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The API needs an account: one made by `npm run cli -- create-admin` on the running app's embedded database
 * (the CLI reuses the server on EMBEDDED_PG_PORT), then signed in; returns the cookie to send.
 */
async function signedIn(env: NodeJS.ProcessEnv, base: string): Promise<string> {
  const email = `ops-${process.pid}-${Date.now()}@faults.test`;
  const password = 'faults-test-password';
  const saved = { ...process.env };
  Object.assign(process.env, { DATA_DIR: env.DATA_DIR, EMBEDDED_PG_PORT: env.EMBEDDED_PG_PORT, REGISTRE_PASSWORD: password });
  delete process.env.DATABASE_URL;
  delete process.env.DATABASE_APP_URL;
  try {
    expect(await runCli(['create-admin', '--email', email], () => undefined)).toBe(0);
  } finally {
    process.env = saved;
  }
  const res = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}


/** The pid of node itself: under npm, the child of npm (npm start execs node in place of its shell). */
function nodePid(app: Started): number {
  const line = app.output().split('\n').find((l) => l.includes('Registre listening'))!;
  return JSON.parse(line).pid;
}


describe('faults: the app and its embedded PostgreSQL', () => {
  const dataDir = join(root, 'data', 'test-runs', `faults-${process.pid}`);
  const pgDir = join(dataDir, 'postgres');
  let env: NodeJS.ProcessEnv;
  let base: string;

  beforeAll(async () => {
    build();
    const port = await freePort();
    env = { ...process.env, PORT: String(port), EMBEDDED_PG_PORT: String(await freePort()), DATA_DIR: dataDir, SEED_DEMO: 'false' };
    delete env.DATABASE_URL;
    base = `http://127.0.0.1:${port}`;
  }, 180_000);
  afterAll(async () => {
    const pg = postmasterPid(pgDir);
    if (pg && isAlive(pg.pid)) process.kill(pg.pid, 'SIGQUIT');
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('kill -9 of PostgreSQL under load: a few 503s while it restarts, never a 500, then 200 again; /health says so', async () => {
    const app = await start(env);
    try {
      expect((await fetch(`${base}/health`)).status).toBe(200);
      const headers = { cookie: await signedIn(env, base) };
      const codes: number[] = [];
      let running = true;
      const clients = Array.from({ length: 8 }, async () => {
        while (running) codes.push((await fetch(`${base}/api/collectivities`, { headers }).catch(() => ({ status: 0 }))).status);
      });
      await sleep(500);
      process.kill(postmasterPid(pgDir)!.pid, 'SIGKILL');
      let health = 0;
      for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(200)) {
        // A poll refused while the app reconnects counts as not healthy yet; an app that died stays at 0 and fails below.
        // Backends busy when the postmaster died may still answer a moment: healthy counts only once the app has
        // restarted PostgreSQL, else a probe in that moment would end the outage before it began.
        health = (await fetch(`${base}/health`).catch(() => ({ status: 0 }))).status;
        if (health === 200 && /PostgreSQL restarted after its crash/.test(app.output()) && codes.filter((c) => c === 503).length) break;
      }
      await sleep(500);
      running = false;
      await Promise.all(clients);
      expect(health).toBe(200);
      // With the causes the app logged, so that a failure says which error was not taken for an outage.
      const causes = () => app.output().split('\n').filter((l) => l.includes('"context":"Errors"')).map((l) => JSON.parse(l).cause);
      expect({ fiveHundreds: codes.filter((c) => c === 500), causes: causes() }).toMatchObject({ fiveHundreds: [] });
      expect(codes.filter((c) => c !== 200 && c !== 503)).toEqual([]);
      // Once healthy, every new request is served (requests begun during the outage may end after it, as 503s).
      const after: number[] = [];
      for (let i = 0; i < 10; i++) after.push((await fetch(`${base}/api/collectivities`, { headers })).status);
      expect({ after, errors: app.output().split('\n').filter((l) => l.includes('"context":"Errors"')).map((l) => JSON.parse(l).cause) }).toMatchObject({ after: Array(10).fill(200) });
      // Errors are JSON lines, one per cause, not a stack trace per request.
      const errors = app.output().split('\n').filter((l) => l.includes('"context":"Errors"'));
      expect(errors.length).toBeLessThan(10);
      expect(errors.length).toBeLessThan(codes.filter((c) => c === 503).length + 1);
      for (const l of errors) expect(JSON.parse(l)).toMatchObject({ level: 50, cause: expect.any(String) });
      const request = app.output().split('\n').find((l) => l.includes('"msg":"request"') && l.includes('/api/collectivities'))!;
      expect(JSON.parse(request)).toMatchObject({ req: { id: expect.any(String), method: 'GET' }, res: { status: expect.any(Number) }, responseTime: expect.any(Number), account: expect.any(String), route: '/api/collectivities' });
    } finally {
      app.child.kill('SIGTERM');
    }
    expect(await app.exited).toBe(0);
  }, 180_000);

  it('kill -9 of the app: its watchdog stops PostgreSQL, and npm start comes up again', async () => {
    const app = await start(env);
    const pg = postmasterPid(pgDir)!.pid;
    app.child.kill('SIGKILL');
    await app.exited;
    expect(await gone(pg, 10_000)).toBe(true);
    const again = await start(env);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  }, 180_000);

  it('kill -9 of the app and of its watchdog: the next start stops the PostgreSQL left running and comes up', async () => {
    const app = await start(env);
    const pg = postmasterPid(pgDir)!.pid;
    // The watchdog is the shell waiting on node's pid: kill it first, as a kill of everything at once would.
    const watchdogs = execFileSync('pgrep', ['-f', `registre-pg-watchdog ${nodePid(app)} `]).toString().trim().split('\n').map(Number);
    for (const w of watchdogs) process.kill(w, 'SIGKILL');
    app.child.kill('SIGKILL');
    await app.exited;
    await sleep(1500);
    expect(isAlive(pg)).toBe(true);
    const again = await start(env);
    try {
      expect(again.output()).toMatch(/left running .* stopping it/);
      expect(isAlive(pg)).toBe(false);
      expect((await fetch(`${base}/health`)).status).toBe(200);
    } finally {
      again.child.kill('SIGTERM');
    }
    expect(await again.exited).toBe(0);
  }, 180_000);

  it.each([
    ['npm', true],
    ['node', false],
  ])('SIGTERM to %s stops node and PostgreSQL within 10 s', async (_name, viaNpm) => {
    const app = await start(env, viaNpm);
    const node = nodePid(app);
    const pg = postmasterPid(pgDir)!.pid;
    const t0 = Date.now();
    app.child.kill('SIGTERM');
    expect(await gone(node, 10_000)).toBe(true);
    expect(await gone(pg, 10_000 - (Date.now() - t0))).toBe(true);
    await app.exited;
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(existsSync(join(pgDir, 'postmaster.pid')) ? readFileSync(join(pgDir, 'postmaster.pid'), 'utf8') : 'none').toBe('none');
  }, 180_000);
});
