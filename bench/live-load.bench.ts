// Load on the live path (issue 7, point 6; issue 6's cost of authentication and row-level security), in one run:
// the real app (dist/src/main.js, embedded PostgreSQL, demo seeded) holds the database; the measured server is
// bench/live-load-server.ts (createApp as in production, plus a bench-only bare-INSERT route). 50 clients, each
// on its own open session, send gestures: a GET of the item's state, then a write (an arrival or a departure).
// The load generator is this process: it shares the machine's two cores with the server and PostgreSQL.
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { projectRoot } from '../src/config/project-root';
import { appUrlFor, EMBEDDED_APP_ROLE } from '../src/database/app-role';
import { embeddedUrl } from '../src/database/embedded-postgres';
import { call, demoBody, openSession, send, useBearer } from './bench-api';
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

/** The n-th gesture of a session: member n mod M leaves at item ⌊n/M⌋+1 if even, comes back if odd (one change per member and item). */
async function gesture(base: string, cid: string, s: Live, st: Stats): Promise<void> {
  const n = s.n++;
  const m = s.members[n % s.members.length];
  const at = Math.floor(n / s.members.length) % s.items.length;
  const t0 = performance.now();
  try {
    const g = await call<{ session: { version: number } }>(base, 'GET', `/api/collectivities/${cid}/items/${s.items[at]}/state`);
    // The gesture carries the version of the state it was made on, as the console sends it.
    const w = g.status === 200
      ? await call(base, 'POST', `/api/collectivities/${cid}/sessions/${s.sid}/attendance-changes`, { memberId: m, kind: at % 2 === 0 ? 'departure' : 'arrival', fromItemId: s.items[at], version: g.body.session.version })
      : g;
    if (w.status < 300) (st.ok++, st.ms.push(performance.now() - t0));
    else st.failed[w.status] = (st.failed[w.status] ?? 0) + 1;
  } catch (e) {
    st.failed[(e as Error).name] = (st.failed[(e as Error).name] ?? 0) + 1;
  }
}

const fresh = (): Stats => ({ ok: 0, failed: {}, ms: [], seconds: 0 });

/**
 * CPU time so far (ms, from /proc on Linux) of the measured server, of this load generator, and of the embedded
 * PostgreSQL's processes: where each operation's cost goes, since all three share the machine's cores.
 */
function cpuNow(serverPid: number | undefined): { server: number; generator: number; postgres: Map<string, number> } | null {
  if (!existsSync('/proc/self/stat')) return null;
  const ticks = (pid: number | string) => {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
      return (Number(rest[11]) + Number(rest[12])) * 10; // utime + stime, at 100 ticks a second
    } catch {
      return 0; // gone meanwhile
    }
  };
  const postgres = new Map<string, number>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      // The embedded server's processes: its backends name the database; the machine's own PostgreSQL serves others.
      if (/^postgres: (registre|registre_app) registre |^postgres: (checkpointer|background writer|walwriter)/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))) postgres.set(pid, ticks(pid));
    } catch {
      // gone meanwhile
    }
  }
  return { server: serverPid ? ticks(serverPid) : 0, generator: ticks(process.pid), postgres };
}
/** CPU ms per operation of each process between two readings, e.g. "server 3.1, PostgreSQL 2.0, load generator 0.9". */
function cpuPer(before: ReturnType<typeof cpuNow>, after: ReturnType<typeof cpuNow>, operations: number): string {
  if (!before || !after || !operations) return 'n/a (no /proc)';
  const per = (ms: number) => (ms / operations).toFixed(2);
  // A backend that ended between the readings is left out (its time is lost with it); one that began counts from 0.
  let postgres = 0;
  for (const [pid, ms] of after.postgres) postgres += ms - (before.postgres.get(pid) ?? 0);
  return `server ${per(after.server - before.server)}, PostgreSQL ${per(postgres)}, load generator ${per(after.generator - before.generator)} ms`;
}
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
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the measured server (node refuses it in NODE_OPTIONS).
  const args = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...args, join(root, 'dist', 'bench', 'live-load-server.js')], { env, cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
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
  // As the app connects to its embedded server (main.ts): through the socket in its data folder.
  const ownerUrl = embeddedUrl(join(dataDir, 'postgres'), pgPort);
  const appUrl = appUrlFor(ownerUrl, EMBEDDED_APP_ROLE);
  const app = startApp(env);
  let server: ChildProcess | null = null;
  const owner = new Client({ connectionString: ownerUrl });
  let ownerConnected = false;
  try {
    await app.up;
    const bearer = secretaryToken(env);
    useBearer(bearer);
    const main = `http://127.0.0.1:${appPort}`;
    const demo = await demoBody(main, '2032-01-15');
    const { cid } = demo;
    const open = (k: number) => openSession(main, demo, k, { year: 2032, items: ITEMS, label: 'LIVE BENCH' }).then((s): Live => ({ ...s, members: demo.titulaires, n: 0 }));
    const sessions: Live[] = [];
    for (let k = 0; k < CLIENTS; k += 5) sessions.push(...(await Promise.all([0, 1, 2, 3, 4].map((j) => open(k + j)))));
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
    const cpu0 = cpuNow(server!.pid);
    const live = await closedLoop(SECONDS, (k, st) => gesture(base, cid, sessions[k], st));
    const cpu1 = cpuNow(server!.pid);
    const bareSt = await closedLoop(SECONDS, async (_k, st) => {
      const t0 = performance.now();
      const r = await send(bare, 'POST').then((x) => x.status, () => 0);
      if (r === 201 || r === 200) (st.ok++, st.ms.push(performance.now() - t0));
      else st.failed[r] = (st.failed[r] ?? 0) + 1;
    });
    const fixed = await openLoop(Math.max(5, SECONDS / 2), (k, st) => gesture(base, cid, sessions[k], st));
    await sleep(5_000); // the backlog of the fixed-rate phase drains before the reads are timed
    const cpu2 = cpuNow(server!.pid);
    const reads = await closedLoop(Math.max(5, SECONDS / 2), async (k, st) => {
      const t0 = performance.now();
      const r = await call(base, 'GET', `/api/collectivities/${cid}/items/${sessions[k].items[ITEMS - 1]}/state`).then((x) => x.status, () => 0);
      if (r === 200) (st.ok++, st.ms.push(performance.now() - t0));
      else st.failed[r] = (st.failed[r] ?? 0) + 1;
    });
    const cpu3 = cpuNow(server!.pid);
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
      '1. CPU per gesture': cpuPer(cpu0, cpu1, live.ok + Object.values(live.failed).reduce((a, b) => a + b, 0)),
      '1. gestures/s ÷ bare INSERTs/s': +(rate(live) / rate(bareSt)).toFixed(3),
      [`2. gestures at ${RATE}/s over ${CLIENTS} sessions`]: show(fixed),
      '2. p99 ms (target < 50)': +pct(lat, 99).toFixed(1),
      '3. GET of an unchanged item state': show(reads),
      '3. GET/s (target ≥ 2000)': +rate(reads).toFixed(1),
      '3. CPU per GET': cpuPer(cpu2, cpu3, reads.ok + Object.values(reads.failed).reduce((a, b) => a + b, 0)),
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
