import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../src/config/project-root';

const root = projectRoot();

/** What `npm start` runs first (prestart): the build, for tests that run the real dist/src/main.js. */
export function build(): void {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
}

export interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `node dist/src/main.js`, or `npm start` without its build step (`--ignore-scripts` skips prestart only), once it listens. */
export async function startBuiltApp(env: NodeJS.ProcessEnv, viaNpm = false): Promise<Started> {
  const child = viaNpm
    ? spawn('npm', ['start', '--ignore-scripts', '--silent'], { env, cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, [join(root, 'dist', 'src', 'main.js')], { env, cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 90_000;
  while (!/Registre listening/.test(out)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not come up:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, output: () => out, exited };
}
