// A runaway template against the built server (`npm start`'s dist/, so the compiled worker is the one
// tested), measured from outside like an operator would: 422 within 5 s, a light route answering all
// along, and the server process's resident memory back under 400 MB a few seconds later.
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/config/project-root';
import { freePort } from './setup/free-port';

const root = projectRoot();
const FIVE_LOOPS = `${'{{#each @root.attendance.present.[1].names}}'.repeat(5)}{{this}} ${'{{/each}}'.repeat(5)}`;
// Three loops pass the static check; 3,000 names in the innermost one make 81 million: only running it shows it.
const WIDE = `${'{{#each @root.attendance.present.[1].names}}'.repeat(3)}${'{{this}} '.repeat(3000)}${'{{/each}}'.repeat(3)}`;

/** Resident memory of a process, from /proc (Linux). */
const rssMb = (pid: number): number => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let child: ChildProcess;
let output = '';
let base: string;
let cid: string;
let light: string;
/** Session cookie and CSRF header of the test account, once accounts exist (global-setup makes one). */
let auth: Record<string, string> = {};

async function signIn(): Promise<Record<string, string>> {
  const email = process.env.TEST_ACCOUNT_EMAIL;
  const password = process.env.TEST_ACCOUNT_PASSWORD;
  if (!email || !password) return {};
  const res = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), 'x-csrf-token': csrfToken };
}

beforeAll(async () => {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // The e2e schema, already migrated and seeded by global-setup.
  const env = { ...process.env, PORT: String(port), DATABASE_URL: process.env.TEST_DATABASE_URL!, DATABASE_APP_URL: process.env.TEST_DATABASE_APP_URL!, SEED_DEMO: 'false', RENDER_THREADS: '2', LOG_LEVEL: 'info' };
  child = spawn(process.execPath, [join(root, 'dist', 'src', 'main.js')], { env, cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const deadline = Date.now() + 90_000;
  while (!/Registre listening/.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the server did not come up:\n${output}`);
    await sleep(200);
  }
  auth = await signIn();
  const list = (await (await fetch(`${base}/api/collectivities`, { headers: auth })).json()) as { items: { id: string; siren: string }[] };
  cid = list.items.find((c) => c.siren === '246200364')!.id;
  // GET /health where it exists, else the lightest route there is.
  light = (await fetch(`${base}/health`, { headers: auth })).status === 200 ? '/health' : '/api/collectivities';
  // A server in use: its render workers are up (a cold start is not what the 5 s measure).
  expect((await preview('{{item.number}}')).status).toBe(201);
}, 240_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 15_000)))]);
    clearTimeout(timer);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}, 30_000);

const preview = (source: string) =>
  fetch(`${base}/api/collectivities/${cid}/templates/extract/preview`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ source }) });

/** Sends the preview while a light route is polled and the server's memory sampled. */
async function runaway(source: string) {
  let done = false;
  const lightTimes: number[] = [];
  const lightStatuses: number[] = [];
  let peakMb = 0;
  const poll = (async () => {
    while (!done) {
      const t0 = Date.now();
      const res = await fetch(`${base}${light}`, { headers: auth, signal: AbortSignal.timeout(10_000) });
      await res.arrayBuffer();
      lightTimes.push(Date.now() - t0);
      lightStatuses.push(res.status);
      peakMb = Math.max(peakMb, rssMb(child.pid!));
      await sleep(100);
    }
  })();
  const t0 = Date.now();
  const res = await preview(source);
  const body = (await res.json()) as { code: string; message: string };
  const elapsed = Date.now() - t0;
  done = true;
  await poll;
  return { status: res.status, body, elapsed, lightTimes, lightStatuses, peakMb };
}

/** Waits up to `ms` for the server's resident memory to go under `limitMb`; returns the last reading. */
async function rssSettles(limitMb: number, ms: number): Promise<number> {
  const until = Date.now() + ms;
  let mb = rssMb(child.pid!);
  while (mb >= limitMb && Date.now() < until) {
    await sleep(250);
    mb = rssMb(child.pid!);
  }
  return mb;
}

describe('a runaway template against the running server', () => {
  it('five nested {{#each}}: 422 TEMPLATE_TOO_EXPENSIVE within 5 s, the light route answering meanwhile', async () => {
    const r = await runaway(FIVE_LOOPS);
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 422, code: 'TEMPLATE_TOO_EXPENSIVE' });
    expect(r.elapsed).toBeLessThan(5000);
    expect(r.lightStatuses.filter((s) => s !== 200)).toEqual([]);
    expect(await rssSettles(400, 10_000)).toBeLessThan(400);
  }, 60_000);

  it('a template that only running shows to be runaway: its worker is stopped at its budget, 422 within 5 s, the light route answering all along, memory back under 400 MB', async () => {
    const r = await runaway(WIDE);
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 422, code: 'TEMPLATE_TOO_EXPENSIVE' });
    expect(r.body.message).toMatch(/budget/);
    expect(r.elapsed).toBeLessThan(5000);
    expect(r.lightStatuses.length).toBeGreaterThanOrEqual(3);
    expect(r.lightStatuses.filter((s) => s !== 200)).toEqual([]);
    // The event loop is never the template's: a busy machine makes a light request slow, not seconds slow.
    expect(Math.max(...r.lightTimes)).toBeLessThan(1500);
    const settled = await rssSettles(400, 10_000);
    process.stdout.write(`runaway template: 422 after ${r.elapsed} ms, light route max ${Math.max(...r.lightTimes)} ms over ${r.lightTimes.length} requests, peak RSS ${Math.round(r.peakMb)} MB, then ${Math.round(settled)} MB\n`);
    expect(settled).toBeLessThan(400);
    // And the server renders the demo extract again.
    const ok = await preview('{{item.number}}');
    expect(ok.status).toBe(201);
  }, 90_000);
});
