import { spawn } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, unlinkSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The life of the embedded PostgreSQL beside the app's process: what a crash of either leaves behind.
 * A kill -9 of node cannot run any handler, so a detached watchdog stops PostgreSQL when node disappears;
 * a start that still finds a PostgreSQL of its data folder (watchdog killed too, power cut of the parent...)
 * stops it before starting its own.
 */

export type Say = (line: string) => void;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid written by the postmaster in its lock file (first line), with the data folder (second line). */
export function postmasterPid(dataDir: string): { pid: number; dir: string } | null {
  const file = resolve(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const [pid, dir] = readFileSync(file, 'utf8').split('\n');
  const n = Number(pid);
  return Number.isInteger(n) && n > 0 ? { pid: n, dir: dir ?? '' } : null;
}

/** Whether `pid` runs a postgres binary on `dataDir` (its command line names `-D <dataDir>`); Linux /proc. */
export function isPostgresOf(pid: number, dataDir: string): boolean {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    if (!/postgres$/.test(args[0] ?? '')) return false;
    const d = args.indexOf('-D');
    return d >= 0 && sameDir(args[d + 1], dataDir);
  } catch {
    return false;
  }
}

function sameDir(a: string | undefined, b: string): boolean {
  if (!a) return false;
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
}

/** Waits until `pid` is gone, at most `ms`; whether it is. */
export async function waitGone(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

/**
 * Stops a PostgreSQL left running on `dataDir` by a crashed app (fast shutdown: SIGINT, then immediate: SIGQUIT).
 * A lock file whose pid is not a postgres of that folder is stale: PostgreSQL would refuse it, so it is removed.
 * Throws, saying what to do, when the server cannot be stopped.
 */
export async function stopLeftover(dataDir: string, say: Say): Promise<void> {
  const found = postmasterPid(dataDir);
  if (!found) return;
  if (!isAlive(found.pid) || !isPostgresOf(found.pid, dataDir)) {
    // PostgreSQL itself ignores a lock file of a dead pid, but not one whose pid was reused by another process.
    if (isAlive(found.pid)) {
      say(`Removing the stale lock file ${resolve(dataDir, 'postmaster.pid')} (pid ${found.pid} is not a PostgreSQL of this folder)`);
      unlinkSync(resolve(dataDir, 'postmaster.pid'));
    }
    return;
  }
  say(`A PostgreSQL (pid ${found.pid}) left running on ${dataDir} by an earlier run: stopping it`);
  for (const [signal, ms] of [['SIGINT', 10_000], ['SIGQUIT', 5_000]] as const) {
    try {
      process.kill(found.pid, signal);
    } catch {
      return;
    }
    if (await waitGone(found.pid, ms)) return;
  }
  throw new Error(`The PostgreSQL left running on ${dataDir} (pid ${found.pid}) does not stop: run \`kill -9 ${found.pid}\`, then start again`);
}

/**
 * Spawns a detached shell that sends PostgreSQL a fast shutdown once `ownerPid` is gone (checked every second),
 * unless that pid is by then no longer a postgres of the folder. It survives kill -9 of node and of its process group.
 * Returns the watchdog's pid.
 */
export function startWatchdog(ownerPid: number, postgresPid: number, dataDir: string): number | undefined {
  const script = [
    'while kill -0 "$1" 2>/dev/null; do sleep 1; done',
    // Only our postgres: its pid may have been reused since.
    'if tr "\\0" "\\n" < "/proc/$2/cmdline" 2>/dev/null | grep -qxF -- "$3"; then kill -INT "$2"; fi',
  ].join('\n');
  const child = spawn('/bin/sh', ['-c', script, 'registre-pg-watchdog', String(ownerPid), String(postgresPid), dataDir], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
  return child.pid;
}
