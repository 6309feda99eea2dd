// Crash safety under load (issue 7, point 6): CLIENTS clients, each recording its own open session of the demo
// council through the HTTP API of the real app (dist/src/main.js, embedded PostgreSQL, fresh data folder) with
// the secretary's bearer token: arrivals, departures, proxies, roll-call votes with their ballots
// (bench/crash-clerk.ts). A third of the way in, kill -9 of the app (restarted as a process manager would);
// two thirds in, kill -9 of PostgreSQL (the app restarts it). Afterwards every write the API acknowledged must
// be there, whole and once (bench/crash-check.ts). The load generator shares the machine's two cores.
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { projectRoot } from '../src/config/project-root';
import { postmasterPid } from '../src/database/postgres-process';
import { demoBody, openSession, useBearer } from './bench-api';
import { verify } from './crash-check';
import { Clerk, PHASES, Phase, Tally } from './crash-clerk';

const root = projectRoot();
const CLIENTS = Number(process.env.CRASH_BENCH_CLIENTS ?? 50);
const SECONDS = Number(process.env.CRASH_BENCH_SECONDS ?? 60);
/** Points on each agenda at the start; a clerk who reaches the end adds MORE_ITEMS more. */
const ITEMS = 8;
const MORE_ITEMS = 4;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const port = (base: number) => base + Math.floor(Math.random() * 500);

/** `npm run cli -- token secretaire@ccpl.demo`, against the running app's database; null where the CLI has no accounts. */
export function secretaryToken(env: NodeJS.ProcessEnv): string | null {
  try {
    const out = execFileSync(process.execPath, [join(root, 'dist', 'src', 'cli.js'), 'token', 'secretaire@ccpl.demo', '--collectivity', '246200364'], { env, cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
    return out.toString().trim().split('\n').at(-1) ?? null;
  } catch {
    return null;
  }
}

/** The app as `npm start` runs it; `errors` keeps its log lines of answers 500 (what a 500 was). */
export function startApp(env: NodeJS.ProcessEnv): { child: ChildProcess; up: Promise<void>; errors: string[] } {
  const child = spawn(process.execPath, [join(root, 'dist', 'src', 'main.js')], { env, cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const errors: string[] = [];
  const up = new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`app did not come up:\n${out.slice(-2000)}`)), 120_000);
    const see = (c: Buffer) => {
      out = (out + c).slice(-20_000);
      for (const line of String(c).split('\n')) if (/"status":500/.test(line) && errors.length < 5) errors.push(line.slice(0, 2000));
      if (/Registre listening/.test(out)) (clearTimeout(t), resolve());
    };
    child.stdout!.on('data', see);
    child.stderr!.on('data', see);
    child.on('exit', (code) => (clearTimeout(t), reject(new Error(`app exited ${code}:\n${out.slice(-2000)}`))));
  });
  return { child, up, errors };
}

async function waitHealthy(base: string, ms = 60_000): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    const s = await fetch(`${base}/health`).then((r) => r.status, () => 0);
    if (s === 200) return performance.now() - t0;
    await sleep(100);
  }
  throw new Error('the app did not become healthy again');
}

const ms = (t: number) => +(t / 1000).toFixed(2);

export async function benchCrash(): Promise<Record<string, number | string>> {
  const dataDir = join(root, 'data', 'bench-crash');
  rmSync(dataDir, { recursive: true, force: true });
  const pgPort = port(42000);
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port(41000)), EMBEDDED_PG_PORT: String(pgPort), DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.DATABASE_APP_URL;
  const base = `http://127.0.0.1:${env.PORT}`;
  const errors: string[] = [];
  let app = startApp(env);
  try {
    await app.up;
    const bearer = secretaryToken(env);
    useBearer(bearer);
    const demo = await demoBody(base, '2031-01-15');
    const sessions: { sid: string; items: string[] }[] = [];
    for (let k = 0; k < CLIENTS; k += 5) {
      const batch = Array.from({ length: Math.min(5, CLIENTS - k) }, (_, j) => openSession(base, demo, k + j, { year: 2031, items: ITEMS, label: 'CRASH BENCH' }));
      sessions.push(...(await Promise.all(batch)));
    }
    const [, ...members] = demo.titulaires; // the first presides: he stays
    const loadBefore = loadavg()[0];

    const t = new Tally();
    const t0 = performance.now();
    const at = (share: number, after: number) => sleep(Math.max(t0 + share * SECONDS * 1000, after + 2_000) - performance.now());
    const load = sessions.map((s) => new Clerk(base, demo.cid, s, members, t, MORE_ITEMS).run());

    await at(1 / 3, t0);
    const tAppKill = performance.now();
    app.child.kill('SIGKILL');
    t.phase = PHASES[1];
    errors.push(...app.errors);
    await sleep(300);
    app = startApp(env); // what a process manager does
    await app.up;
    await waitHealthy(base);
    const appRestart = performance.now() - tAppKill;

    await at(2 / 3, performance.now());
    const pg = postmasterPid(join(dataDir, 'postgres'))!.pid;
    const tPgKill = performance.now();
    process.kill(pg, 'SIGKILL');
    t.phase = PHASES[2];
    await sleep(200);
    await waitHealthy(base);
    const pgRecovery = performance.now() - tPgKill;

    await at(1, performance.now());
    t.running = false;
    await Promise.all(load);
    const elapsed = (performance.now() - t0) / 1000;
    const loadAfter = loadavg()[0];

    // A clean stop and start: what is read back is what is on disk.
    errors.push(...app.errors);
    app.child.kill('SIGTERM');
    await new Promise((r) => app.child.once('exit', r));
    app = startApp(env);
    await app.up;
    const db = new Client({ connectionString: `postgres://registre:registre@127.0.0.1:${pgPort}/registre` });
    await db.connect();
    const v = await verify(db, sessions.map((s) => s.sid), t).finally(() => db.end());

    const acked = (p: Phase) => {
      const c = t.changes.filter((a) => a.phase === p).length;
      const x = t.proxies.filter((a) => a.phase === p).length;
      const vs = t.votes.filter((a) => a.phase === p);
      const b = vs.reduce((n, a) => n + a.ballots, 0);
      return `${c + x + vs.length} (${c} arrivals and departures, ${x} proxies, ${vs.length} votes with ${b} ballots), found after restart ${v.perPhase[p].found}`;
    };
    const total = t.changes.length + t.proxies.length + t.votes.length;
    const list = (xs: string[]) => (xs.length ? `${xs.length}: ${xs.slice(0, 5).join('; ')}` : 0);
    const u = v.storedUnacknowledged;
    return {
      machine: `${availableParallelism()} cores shared by the load generator (this process), the app and PostgreSQL; load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after`,
      'clients (sessions) / seconds': `${CLIENTS} / ${SECONDS}`,
      'authenticated (bearer token)': bearer ? 'yes' : 'no (the API had no accounts)',
      'gestures carry the session version': t.withVersion ? 'yes' : 'no (this API takes none)',
      'acknowledged before kill -9 of the app': acked(PHASES[0]),
      'acknowledged between the kills': acked(PHASES[1]),
      'acknowledged after kill -9 of PostgreSQL': acked(PHASES[2]),
      'acknowledged writes': total,
      'found after restart': total - v.lost.length,
      'lost (target 0)': list(v.lost),
      'changed after acknowledgement': list(v.changed),
      'duplicated': v.duplicated,
      'half-written': list(v.halfWritten),
      'unacknowledged writes stored anyway': `${u.changes + u.proxies + u.votes} (${u.changes} changes, ${u.proxies} proxies, ${u.votes} votes)`,
      'answers 500 (must be 0)': t.answers['500'] ?? 0,
      'answers 500, as logged': errors.length ? errors.join('\n') : '-',
      'answers 503 (database restarting)': t.answers['503'] ?? 0,
      'requests without an answer (app down)': t.answers['no answer'] ?? 0,
      'answers by status': Object.entries(t.answers).map(([k, n]) => `${n}×${k}`).join(', '),
      'refusals (4xx) by code': Object.entries(t.refusals).map(([k, n]) => `${n}×${k}`).join(', ') || 'none',
      'app kill -9 to healthy s': ms(appRestart),
      'PostgreSQL kill -9 to healthy s': ms(pgRecovery),
      'acknowledged writes/s (whole run)': +(total / elapsed).toFixed(1),
    };
  } finally {
    app.child.kill('SIGTERM');
    await new Promise((r) => (app.child.exitCode !== null ? r(null) : app.child.once('exit', r)));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
