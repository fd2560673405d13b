/**
 * How fast the CLI answers and the server comes up: the compiled CLI (what `newsdesk` and `npm start` run)
 * against the same code run from source through tsx (how every command ran before the build), each beside a bare
 * `node -e 0` start measured in the same run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importDemo } from '../src/ingest/index.ts';
import { openStore } from '../src/store/index.ts';
import { freePort } from './load.ts';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 9;

type Launcher = { name: string; args: string[] };

const BUILT: Launcher = { name: 'compiled (dist/)', args: [join(PROJECT, 'bin/newsdesk.js')] };
const SOURCE: Launcher = { name: 'from source (tsx)', args: ['--import', 'tsx', join(PROJECT, 'src/cli/main.ts')] };

export async function benchCliStart(): Promise<void> {
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: PROJECT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stderr}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-cli-'));
  try {
    const store = await openStore({ databaseUrl: null, sqliteFile: join(dataDir, 'newsdesk.db') });
    await importDemo(store);
    await store.close();
    const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    const bare = median(RUNS, () => timed(() => spawnSync(process.execPath, ['-e', '0'])));
    console.log(`\nCLI start (median of ${RUNS}; bare \`node -e 0\`: ${ms(bare)})`);
    console.log('command                  launcher             ms      × node -e 0');
    for (const command of [['--help'], ['feed', 'list'], ['article', 'list', '--limit', '5']]) {
      for (const launcher of [SOURCE, BUILT]) {
        const took = median(RUNS, () => timed(() => run(launcher, command, env)));
        console.log(`${command.join(' ').padEnd(25)}${launcher.name.padEnd(21)}${ms(took).padStart(6)}  ${(took / bare).toFixed(1).padStart(6)}×`);
      }
    }
    console.log(`\nServer ready: spawn to the first 200 on / (demo database, ingest off; median of 5)`);
    for (const launcher of [SOURCE, BUILT]) {
      const times: number[] = [];
      for (let n = 0; n < 5; n++) times.push(await serverReady(launcher, env));
      console.log(`${launcher.name.padEnd(21)}${ms(middle(times)).padStart(7)}`);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function run(launcher: Launcher, command: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(process.execPath, [...launcher.args, ...command], { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command.join(' ')} failed: ${result.stderr}`);
}

async function serverReady(launcher: Launcher, env: NodeJS.ProcessEnv): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const server = spawn(process.execPath, [...launcher.args, 'serve', '--no-demo'], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', INGEST_IN_PROCESS: 'off' },
    stdio: 'ignore',
  });
  try {
    while (!(await fetch(`http://127.0.0.1:${port}/`).catch(() => null))?.ok) {
      if (server.exitCode !== null) throw new Error('the server exited');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return performance.now() - started;
  } finally {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
}

function timed(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

function median(runs: number, sample: () => number): number {
  return middle(Array.from({ length: runs }, sample));
}

function middle(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

function ms(value: number): string {
  return `${Math.round(value)}`;
}
