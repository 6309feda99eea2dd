// Load on the live path (issue 7, point 6; issue 6's cost of authentication and row-level security), in one run:
// the real app (dist/src/main.js, embedded PostgreSQL, demo seeded) holds the database; the measured server is
// bench/live-load-server.ts (createApp as in production, plus a bench-only bare-INSERT route). 50 clients, each
// on its own open session, send gestures: a GET of the item's state, then a write (an arrival or a departure).
// The load generator is this process: it shares the machine's two cores with the server and PostgreSQL.
import { ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { projectRoot } from '../src/config/project-root';
import { secretaryToken, startApp } from './crash.bench';

const root = projectRoot();
const CLIENTS = 50;
const ITEMS = 20;
const SECONDS = Number(process.env.LIVE_BENCH_SECONDS ?? 20);
const RATE = 500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const port = (base: number) => base + Math.floor(Math.random() * 500);
const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

interface Live { sid: string; items: string[]; members: string[]; n: number }
interface Stats { ok: number; failed: Record<string, number>; ms: number[]; seconds: number }

let bearer = '';
async function call<T>(base: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}${path}`, {
    method, signal: AbortSignal.timeout(15_000),
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as T };
}
const list = <T>(b: T[] | { items: T[] }): T[] => (Array.isArray(b) ? b : b.items);
async function must<T>(p: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const r = await p;
  if (r.status >= 300) throw new Error(`${what} answered ${r.status}: ${JSON.stringify(r.body).slice(0, 500)}`);
  return r.body;
}

/** One open session per client: the demo body's members present at the opening, ITEMS items. */
async function openSession(base: string, cid: string, bodyId: string, titulaires: string[], everyone: { id: string; present: boolean }[], k: number): Promise<Live> {
  const day = String(1 + (k % 28)).padStart(2, '0');
  const s = await must(call<{ id: string }>(base, 'POST', `/api/collectivities/${cid}/sessions`, { bodyId, startsAt: `2032-${String(1 + Math.floor(k / 28)).padStart(2, '0')}-${day}T18:30:00+01:00`, place: 'Lumbres', presidentId: titulaires[0] }), 'creating a session');
  const items: string[] = [];
  for (let i = 0; i < ITEMS; i++) items.push((await must(call<{ id: string }>(base, 'POST', `/api/collectivities/${cid}/sessions/${s.id}/items`, { object: `LIVE BENCH ${k} POINT ${i + 1}` }), 'creating an item')).id);
  const version = async () => (await must(call<{ version: number }>(base, 'GET', `/api/collectivities/${cid}/sessions/${s.id}`), 'reading a session')).version;
  await must(call(base, 'PUT', `/api/collectivities/${cid}/sessions/${s.id}/attendance`, { version: await version(), entries: everyone.map((m) => ({ memberId: m.id, status: m.present ? 'present' : 'absent' })) }), 'the opening roll call');
  await must(call(base, 'POST', `/api/collectivities/${cid}/sessions/${s.id}/transitions`, { to: 'convened', version: await version() }), 'convening');
  await must(call(base, 'POST', `/api/collectivities/${cid}/sessions/${s.id}/transitions`, { to: 'open', version: await version() }), 'opening');
  return { sid: s.id, items, members: titulaires, n: 0 };
}

/** The n-th gesture of a session: member n mod M leaves at item ⌊n/M⌋+1 if even, comes back if odd (one change per member and item). */
async function gesture(base: string, cid: string, s: Live, st: Stats): Promise<void> {
  const n = s.n++;
  const m = s.members[n % s.members.length];
  const at = Math.floor(n / s.members.length) % s.items.length;
  const t0 = performance.now();
  try {
    const g = await call(base, 'GET', `/api/collectivities/${cid}/items/${s.items[at]}/state`);
    const w = g.status === 200 ? await call(base, 'POST', `/api/collectivities/${cid}/sessions/${s.sid}/attendance-changes`, { memberId: m, kind: at % 2 === 0 ? 'departure' : 'arrival', fromItemId: s.items[at] }) : g;
    if (w.status < 300) (st.ok++, st.ms.push(performance.now() - t0));
    else st.failed[w.status] = (st.failed[w.status] ?? 0) + 1;
  } catch (e) {
    st.failed[(e as Error).name] = (st.failed[(e as Error).name] ?? 0) + 1;
  }
}

const fresh = (): Stats => ({ ok: 0, failed: {}, ms: [], seconds: 0 });
/** Closed loop: each client sends its next request as soon as the last returns. */
async function closedLoop(seconds: number, one: (k: number, st: Stats) => Promise<void>): Promise<Stats> {
  const st = fresh();
  const end = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, async (_, k) => { while (performance.now() < end) await one(k, st); }));
  st.seconds = (performance.now() - t0) / 1000;
  return st;
}
/** Open loop: RATE gestures per second in all, round-robin over the sessions, sent on schedule whatever the answers. */
async function openLoop(seconds: number, one: (k: number, st: Stats) => Promise<void>): Promise<Stats> {
  const st = fresh();
  const inflight: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < RATE * seconds; i++) {
    const due = t0 + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    inflight.push(one(i % CLIENTS, st));
  }
  await Promise.all(inflight);
  st.seconds = (performance.now() - t0) / 1000;
  return st;
}
const rate = (st: Stats) => st.ok / st.seconds;
const show = (st: Stats) => {
  const s = [...st.ms].sort((a, b) => a - b);
  const failed = Object.entries(st.failed).map(([k, v]) => `${v}×${k}`).join(', ') || 'none';
  return `${rate(st).toFixed(0)}/s, p50 ${pct(s, 50)?.toFixed(0)} ms, p95 ${pct(s, 95)?.toFixed(0)} ms, p99 ${pct(s, 99)?.toFixed(0)} ms (${st.ok} ok, failed: ${failed})`;
};

function startServer(env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [join(root, 'dist', 'bench', 'live-load-server.js')], { env, cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr!.on('data', (c: Buffer) => process.stderr.write(c));
  return child;
}
async function up(urls: string[], child: ChildProcess, ms = 60_000): Promise<void> {
  const t0 = performance.now();
  for (const u of urls) {
    for (;;) {
      const s = await fetch(u, { method: u.endsWith('/bare') ? 'POST' : 'GET', signal: AbortSignal.timeout(2_000) }).then((r) => r.status, () => 0);
      if (s >= 200 && s < 300) break;
      if (child.exitCode !== null) throw new Error(`bench server exited ${child.exitCode}`);
      if (performance.now() - t0 > ms) throw new Error(`bench server did not answer on ${u}`);
      await sleep(200);
    }
  }
}
async function stopChild(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode) return;
  child.kill('SIGTERM');
  const done = new Promise((r) => child.once('exit', r));
  if (!(await Promise.race([done.then(() => true), sleep(10_000).then(() => false)]))) child.kill('SIGKILL');
}

export async function benchLiveLoad(): Promise<Record<string, number | string>> {
  const dataDir = join(root, 'data', 'bench-live-load');
  rmSync(dataDir, { recursive: true, force: true });
  const appPort = port(43000);
  const pgPort = port(44000);
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(appPort), EMBEDDED_PG_PORT: String(pgPort), DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.DATABASE_APP_URL;
  const ownerUrl = `postgres://registre:registre@127.0.0.1:${pgPort}/registre`;
  const appUrl = `postgres://registre_app:registre_app@127.0.0.1:${pgPort}/registre`;
  const app = startApp(env);
  let server: ChildProcess | null = null;
  const owner = new Client({ connectionString: ownerUrl });
  let ownerConnected = false;
  try {
    await app.up;
    bearer = secretaryToken(env) ?? '';
    const main = `http://127.0.0.1:${appPort}`;
    const cid = list((await must(call<{ items: { id: string; siren: string }[] }>(main, 'GET', '/api/collectivities'), 'collectivities')) as { id: string; siren: string }[] | { items: { id: string; siren: string }[] }).find((c) => c.siren === '246200364')!.id;
    const bodyId = list(await must(call<{ id: string }[] | { items: { id: string }[] }>(main, 'GET', `/api/collectivities/${cid}/bodies`), 'bodies'))[0].id;
    type M = { id?: string; memberId?: string; seat?: string };
    const { members: ms } = await must(call<{ members: M[] }>(main, 'GET', `/api/collectivities/${cid}/bodies/${bodyId}/members?date=2032-01-15`), 'members');
    if (!ms.some((m) => m.seat !== 'suppleant')) throw new Error('the demo body has no member in office in 2032');
    const everyone = ms.map((m) => ({ id: (m.memberId ?? m.id)!, present: m.seat !== 'suppleant' }));
    const titulaires = everyone.filter((m) => m.present).map((m) => m.id);
    const sessions: Live[] = [];
    for (let k = 0; k < CLIENTS; k += 5) sessions.push(...(await Promise.all([0, 1, 2, 3, 4].map((j) => openSession(main, cid, bodyId, titulaires, everyone, k + j)))));
    await owner.connect();
    ownerConnected = true;
    await owner.query('CREATE TABLE bench_bare (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), payload text NOT NULL)');

    // Random ports: another process may hold one (other benches, tests); a server that cannot listen is retried.
    const measured = async (mode: 'as is' | 'bypass', tries = 3): Promise<{ base: string; bare: string }> => {
      try {
        return await measuredOnce(mode);
      } catch (e) {
        await stopChild(server);
        if (tries <= 1) throw e;
        return measured(mode, tries - 1);
      }
    };
    const measuredOnce = async (mode: 'as is' | 'bypass') => {
      const p = port(45000);
      const bp = port(46000);
      server = startServer({ ...env, PORT: String(p), BENCH_BARE_PORT: String(bp), BENCH_MODE: mode === 'bypass' ? 'bypass' : 'real', BENCH_OWNER_URL: ownerUrl, BENCH_APP_URL: appUrl });
      const base = `http://127.0.0.1:${p}`;
      await up([`${base}/health`, `http://127.0.0.1:${bp}/bare`], server);
      return { base, bare: `http://127.0.0.1:${bp}/bare` };
    };
    const cores = `${availableParallelism()} cores shared by the load generator, the server and PostgreSQL; load average before ${loadavg()[0].toFixed(1)}`;
    let { base, bare } = await measured('as is');
    const warm = await closedLoop(2, (k, st) => gesture(base, cid, sessions[k], st));
    const live = await closedLoop(SECONDS, (k, st) => gesture(base, cid, sessions[k], st));
    const bareSt = await closedLoop(SECONDS, async (_k, st) => {
      const t0 = performance.now();
      const r = await fetch(bare, { method: 'POST', signal: AbortSignal.timeout(15_000) }).then((x) => x.status, () => 0);
      if (r === 201 || r === 200) (st.ok++, st.ms.push(performance.now() - t0));
      else st.failed[r] = (st.failed[r] ?? 0) + 1;
    });
    const fixed = await openLoop(Math.max(5, SECONDS / 2), (k, st) => gesture(base, cid, sessions[k], st));
    await sleep(5_000); // the backlog of the fixed-rate phase drains before the reads are timed
    const reads = await closedLoop(Math.max(5, SECONDS / 2), async (k, st) => {
      const t0 = performance.now();
      const r = await call(base, 'GET', `/api/collectivities/${cid}/items/${sessions[k].items[ITEMS - 1]}/state`).then((x) => x.status, () => 0);
      if (r === 200) (st.ok++, st.ms.push(performance.now() - t0));
      else st.failed[r] = (st.failed[r] ?? 0) + 1;
    });
    await stopChild(server);
    ({ base } = await measured('bypass'));
    const bypass = await closedLoop(SECONDS, (k, st) => gesture(base, cid, sessions[k], st));
    await stopChild(server);
    const lat = [...fixed.ms].sort((a, b) => a - b);
    return {
      'machine': cores,
      'clients / sessions / seconds per phase': `${CLIENTS} / ${CLIENTS} / ${SECONDS}`,
      'authenticated (bearer token, app role, RLS)': bearer ? 'yes' : 'no (the API had no accounts)',
      'warm-up gestures': warm.ok,
      '1. gestures (GET state + arrival/departure)': show(live),
      '1. gestures/s (target ≥ 1000)': +rate(live).toFixed(1),
      '1. bare route, one INSERT per request': show(bareSt),
      '1. gestures/s ÷ bare INSERTs/s': +(rate(live) / rate(bareSt)).toFixed(3),
      [`2. gestures at ${RATE}/s over ${CLIENTS} sessions`]: show(fixed),
      '2. p99 ms (target < 50)': +pct(lat, 99).toFixed(1),
      '3. GET of an unchanged item state': show(reads),
      '3. GET/s (target ≥ 2000)': +rate(reads).toFixed(1),
      '4. gestures, fixed actor + owner role (no RLS)': show(bypass),
      '4. as is ÷ without auth and RLS (target ≥ 0.8)': +(rate(live) / rate(bypass)).toFixed(3),
    };
  } finally {
    await stopChild(server);
    if (ownerConnected) await owner.end().catch(() => undefined);
    await stopChild(app.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
