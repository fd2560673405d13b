/**
 * The README's runnable examples, run as a reader would: every ```sh doctest block is run, in order, in the
 * project folder against a fresh DATA_DIR; a `# → text` line under a command is output that command must print,
 * and every site address in those lines must open on a server started over the same data afterwards.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../bench/load.ts';
import { CLI } from './helpers/cli.ts';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const README = readFileSync(join(PROJECT, 'README.md'), 'utf8');
const EXPECTED = /^# → (.*)$/;

interface Step {
  command: string;
  expected: string[];
}

/** The doctest blocks' commands, each with the output lines the README promises for it. */
export function doctestSteps(markdown: string): Step[][] {
  return [...markdown.matchAll(/^```sh doctest\n([\s\S]*?)^```$/gm)].map(([, body]) => {
    const steps: Step[] = [];
    for (const line of body!.split('\n')) {
      const expected = EXPECTED.exec(line.trim());
      if (expected) steps.at(-1)?.expected.push(expected[1]!);
      else if (line.trim() && !line.trim().startsWith('#')) steps.push({ command: line, expected: [] });
    }
    return steps;
  });
}

/** Runs a block as one bash script (exports carry over), in its own process group, so `&` jobs can be ended. */
async function runBlock(steps: Step[], env: NodeJS.ProcessEnv): Promise<string[]> {
  const script = ['set -e', ...steps.flatMap((step, n) => [`echo "@@step ${n}"`, step.command])].join('\n');
  const child = spawn('bash', ['-c', script], { cwd: PROJECT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    // the group has ended already
  }
  assert.equal(code, 0, `a README block failed:\n${script}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`);
  return stdout.split(/^@@step \d+\n/m).slice(1);
}

test('the README has runnable examples', () => {
  const blocks = doctestSteps(README);
  assert.ok(blocks.length >= 2, 'doctest blocks');
  assert.ok(blocks.flat().some((step) => step.expected.length > 0), 'with promised output');
});

test('every README doctest block runs and prints what the README says; its addresses open', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-readme-'));
  const { PORT: _port, SITE_URL: _siteUrl, ...inherited } = process.env;
  const env = { ...inherited, DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  const addresses: string[] = [];
  for (const steps of doctestSteps(README)) {
    const outputs = await runBlock(steps, env);
    steps.forEach((step, n) => {
      const printed = (outputs[n] ?? '').split('\n').map((line) => line.trimEnd());
      for (const line of step.expected) {
        assert.ok(printed.includes(line), `\`${step.command}\` should print\n  ${line}\nbut printed:\n${outputs[n]}`);
        addresses.push(...(line.match(/http:\/\/localhost:3000\/[^\s)]*/g) ?? []));
      }
    });
  }
  assert.ok(addresses.length > 0, 'the README names site addresses');

  const port = await freePort();
  const server = spawn(process.execPath, [CLI, 'serve', '--no-demo'], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', INGEST_IN_PROCESS: 'off' },
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => server.on('exit', resolve));
  try {
    const here = (address: string) => address.replace('http://localhost:3000', `http://127.0.0.1:${port}`);
    for (let tries = 0; !(await fetch(here('http://localhost:3000/')).catch(() => null))?.ok; tries++) {
      assert.ok(tries < 300, 'the server did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (const address of addresses) {
      const response = await fetch(here(address));
      assert.equal(response.status, 200, `${address} answers ${response.status}`);
    }
  } finally {
    server.kill('SIGTERM');
    await exited;
  }
});
