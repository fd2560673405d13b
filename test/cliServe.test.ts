/** `newsdesk serve` as a new user meets it: a taken port, and links the CLI prints beside a running server. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_PAGE_FILE } from '../src/ingest/index.ts';
import { freePort } from '../bench/load.ts';
import { CLI, newsdesk } from './helpers/cli.ts';

function occupy(port: number): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer().listen({ port, host: '0.0.0.0' }, () => resolve(server));
  });
}

test('a taken port: one plain line naming it and what to do, exit 78, nothing left running', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-port-'));
  const port = await freePort();
  const other = await occupy(port);
  try {
    // spawnSync returns only once the process has ended: a server that kept polling feeds would time out here.
    const run = newsdesk(['serve'], { DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info' });
    assert.equal(run.code, 78, run.stderr);
    assert.match(run.stderr, new RegExp(`^newsdesk: port ${port} is already in use .*PORT=${port + 1}`, 'm'));
    assert.doesNotMatch(run.stderr, /EADDRINUSE|\n\s+at /, 'no system error code or stack');
    assert.doesNotMatch(run.stdout, /demo content imported/, 'found out before a minute of importing');
  } finally {
    other.close();
  }
});

test('links printed beside a running server use its port; SITE_URL and PORT win', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-links-'));
  const port = await freePort();
  const server = spawn(process.execPath, [CLI, 'serve', '--no-demo'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let logs = '';
  server.stdout.on('data', (chunk) => (logs += chunk));
  const exited = new Promise((resolve) => server.on('exit', resolve));
  try {
    while (!logs.includes('is at http://')) {
      if (server.exitCode !== null) assert.fail(`serve ended: ${logs}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.ok(existsSync(join(dataDir, 'served-origin')));
    const page = join(dataDir, 'story.txt');
    copyFileSync(SEED_PAGE_FILE, page);
    const { PORT: _port, SITE_URL: _site, ...rest } = process.env;
    const env = { DATA_DIR: dataDir };
    const imported = newsdesk(['import', 'page', page], { ...env }, undefined, rest);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, new RegExp(`^created: http://localhost:${port}/security/`));
    const withSiteUrl = newsdesk(['import', 'page', page], { ...env, SITE_URL: 'https://news.example.org' }, undefined, rest);
    assert.match(withSiteUrl.stdout, /^unchanged: https:\/\/news\.example\.org\/security\//);
    const withPort = newsdesk(['import', 'page', page], { ...env, PORT: '4321' }, undefined, rest);
    assert.match(withPort.stdout, /^unchanged: http:\/\/localhost:4321\/security\//);
    const article = await fetch(imported.stdout.replace(/^created: /, '').replace('localhost', '127.0.0.1'));
    assert.equal(article.status, 200, 'the printed link opens the article');
  } finally {
    server.kill('SIGINT');
    await exited;
  }
  assert.equal(readFileSync(join(dataDir, 'served-origin'), 'utf8').trim(), `http://localhost:${port}`);
});
