// Crash safety under load: concurrent clients record deliberation items through the HTTP API of the real
// app (dist/src/main.js, embedded PostgreSQL, fresh data folder); in the middle, kill -9 of the app (restarted
// as a process manager would), then kill -9 of PostgreSQL (the app restarts it). Afterwards, every write the
// API acknowledged must be there, whole and once. The load generator shares the machine's two cores.
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { projectRoot } from '../src/config/project-root';
import { postmasterPid } from '../src/database/postgres-process';

const root = projectRoot();
const CLIENTS = Number(process.env.CRASH_CLIENTS ?? 20);
const PHASE_MS = Number(process.env.CRASH_PHASE_MS ?? 8_000);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let bearer: string | null = null;
/** Every request's headers, with the secretary's bearer token when the API has accounts. */
const headers = (): Record<string, string> => ({ 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) });

/** `npm run cli -- token secretaire@ccpl.demo`, against the running app's database; null where the CLI has no accounts. */
export function secretaryToken(env: NodeJS.ProcessEnv): string | null {
  try {
    const out = execFileSync(process.execPath, [join(root, 'dist', 'src', 'cli.js'), 'token', 'secretaire@ccpl.demo', '--collectivity', '246200364'], { env, cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
    return out.toString().trim().split('\n').at(-1) ?? null;
  } catch {
    return null;
  }
}

interface Ack { id: string; number: string; object: string }

function freePortSync(base: number): number {
  return base + Math.floor(Math.random() * 500);
}

export function startApp(env: NodeJS.ProcessEnv): { child: ChildProcess; up: Promise<void> } {
  const child = spawn(process.execPath, [join(root, 'dist', 'src', 'main.js')], { env, cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const up = new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`app did not come up:\n${out.slice(-2000)}`)), 120_000);
    const see = (c: Buffer) => {
      out = (out + c).slice(-20_000);
      if (/Registre listening/.test(out)) (clearTimeout(t), resolve());
    };
    child.stdout!.on('data', see);
    child.stderr!.on('data', see);
    child.on('exit', (code) => (clearTimeout(t), reject(new Error(`app exited ${code}:\n${out.slice(-2000)}`))));
  });
  return { child, up };
}

async function api<T>(base: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}${path}`, { method, headers: headers(), body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(15_000) });
  return { status: res.status, body: (await res.json().catch(() => null)) as T };
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

export async function benchCrash(): Promise<Record<string, number | string>> {
  const dataDir = join(root, 'data', 'bench-crash');
  rmSync(dataDir, { recursive: true, force: true });
  const port = freePortSync(41000);
  const pgPort = freePortSync(42000);
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const base = `http://127.0.0.1:${port}`;
  let app = startApp(env);
  try {
    await app.up;
    bearer = secretaryToken(env);
    // The demo's collectivity and body; one planned session per client, so that clients contend on the
    // body's deliberation numbers (one sequence per body and year) but not on one agenda.
    const { body: list } = await api<{ items: { id: string; siren: string }[] }>(base, 'GET', '/api/collectivities');
    const cid = list.items.find((c) => c.siren === '246200364')!.id;
    const { body: bodies } = await api<{ items: { id: string }[] } | { id: string }[]>(base, 'GET', `/api/collectivities/${cid}/bodies`);
    const bodyId = (Array.isArray(bodies) ? bodies : bodies.items)[0].id;
    const sessions: string[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const r = await api<{ id: string }>(base, 'POST', `/api/collectivities/${cid}/sessions`, { bodyId, startsAt: `2031-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${day}T18:30:00+01:00`, place: 'Lumbres' });
      if (r.status !== 201) throw new Error(`creating a session answered ${r.status}: ${JSON.stringify(r.body)}`);
      sessions.push(r.body.id);
    }

    const acks: Ack[] = [];
    const statuses: Record<string, number> = {};
    let inFlightLost = 0;
    let running = true;
    let phase = 'before the kill of the app';
    const ackedAt: Record<string, number> = {};
    const client = async (k: number) => {
      for (let n = 0; running; n++) {
        const object = `CRASH client ${k} write ${n}`;
        try {
          const r = await api<Ack>(base, 'POST', `/api/collectivities/${cid}/sessions/${sessions[k]}/items`, { object });
          statuses[r.status] = (statuses[r.status] ?? 0) + 1;
          if (r.status === 201) {
            acks.push({ id: r.body.id, number: r.body.number, object });
            ackedAt[phase] = (ackedAt[phase] ?? 0) + 1;
          } else await sleep(50);
        } catch {
          // No answer (the app was killed mid-request): not acknowledged, may or may not be stored.
          inFlightLost++;
          await sleep(200);
        }
      }
    };
    const t0 = performance.now();
    const load = Array.from({ length: CLIENTS }, (_, k) => client(k));

    await sleep(PHASE_MS);
    const tAppKill = performance.now();
    app.child.kill('SIGKILL');
    phase = 'between the two kills';
    await sleep(300);
    app = startApp(env); // what a process manager does
    await app.up;
    await waitHealthy(base);
    const appRestart = performance.now() - tAppKill;

    await sleep(PHASE_MS);
    const pg = postmasterPid(join(dataDir, 'postgres'))!.pid;
    const tKill = performance.now();
    process.kill(pg, 'SIGKILL');
    phase = 'after the kill of PostgreSQL';
    await sleep(200);
    await waitHealthy(base);
    const pgRecovery = performance.now() - tKill;

    await sleep(PHASE_MS);
    running = false;
    await Promise.all(load);
    const elapsed = (performance.now() - t0) / 1000;

    // A clean stop and start: what is read back is what is on disk.
    app.child.kill('SIGTERM');
    await new Promise((r) => app.child.once('exit', r));
    app = startApp(env);
    await app.up;
    const db = new Client({ connectionString: `postgres://registre:registre@127.0.0.1:${pgPort}/registre` });
    await db.connect();
    const { rows } = await db.query<{ id: string; number: string; object: string; body_id: string; session_id: string }>(
      `SELECT id, number, object, body_id, session_id FROM item WHERE object LIKE 'CRASH %'`,
    );
    await db.end();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const lost = acks.filter((a) => !byId.has(a.id));
    const changed = acks.filter((a) => byId.has(a.id) && (byId.get(a.id)!.number !== a.number || byId.get(a.id)!.object !== a.object));
    const objects = new Map<string, number>();
    for (const r of rows) objects.set(r.object, (objects.get(r.object) ?? 0) + 1);
    const numbers = new Set(rows.map((r) => r.number));
    const halfWritten = rows.filter((r) => !r.number || !r.body_id || !sessions.includes(r.session_id)).length;
    return {
      clients: CLIENTS,
      'authenticated (bearer token)': bearer ? 'yes' : 'no (the API had no accounts)',
      'acknowledged before kill -9 of the app': ackedAt['before the kill of the app'] ?? 0,
      'acknowledged between the kills': ackedAt['between the two kills'] ?? 0,
      'acknowledged after kill -9 of PostgreSQL': ackedAt['after the kill of PostgreSQL'] ?? 0,
      'acknowledged writes': acks.length,
      'found after restart': acks.length - lost.length,
      'lost (target 0)': lost.length,
      'changed after acknowledgement': changed.length,
      'duplicated (same write twice, same number twice)': [...objects.values()].filter((n) => n > 1).length + (rows.length - numbers.size),
      'half-written': halfWritten,
      'requests without an answer (app down; not acknowledged)': inFlightLost,
      'unacknowledged writes stored anyway': rows.length - (acks.length - lost.length),
      'answers 503 (database restarting)': statuses[503] ?? 0,
      'answers 500': statuses[500] ?? 0,
      'app restart after kill -9, to healthy s': +(appRestart / 1000).toFixed(2),
      'PostgreSQL kill -9 to healthy s': +(pgRecovery / 1000).toFixed(2),
      'acknowledged writes/s (whole run)': +(acks.length / elapsed).toFixed(1),
    };
  } finally {
    app.child.kill('SIGTERM');
    await new Promise((r) => (app.child.exitCode !== null ? r(null) : app.child.once('exit', r)));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
