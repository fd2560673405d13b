import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, prepareDataDir } from './config.ts';
import { ConfigError } from './domain/index.ts';

test('defaults need no environment at all', () => {
  const config = loadConfig({});
  assert.equal(config.port, 3000);
  assert.equal(config.siteName, 'CRBC News');
  assert.equal(config.siteUrl, 'http://localhost:3000');
  assert.equal(config.databaseUrl, null);
  assert.equal(config.pageCache, true);
  assert.equal(config.feedContent, 'summary');
});

test('environment overrides, normalised', () => {
  const config = loadConfig({
    PORT: '8080',
    SITE_NAME: ' Daily Planet ',
    SITE_URL: 'https://news.example.com/',
    DATABASE_URL: 'postgres://127.0.0.1/test',
    PAGE_CACHE: 'off',
    FEED_CONTENT: 'full',
  });
  assert.equal(config.port, 8080);
  assert.equal(config.siteName, 'Daily Planet');
  assert.equal(config.siteUrl, 'https://news.example.com');
  assert.equal(config.databaseUrl, 'postgres://127.0.0.1/test');
  assert.equal(config.pageCache, false);
  assert.equal(config.feedContent, 'full');
});

test('bad values are refused with a message that says what to fix', () => {
  assert.throws(() => loadConfig({ PORT: '70000' }), (e) => e instanceof ConfigError && /PORT/.test(e.message));
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL must start with postgres/);
  assert.throws(() => loadConfig({ LOG_LEVEL: 'loud' }), /LOG_LEVEL must be one of/);
  assert.throws(() => loadConfig({ LOG_FORMAT: 'xml' }), /LOG_FORMAT must be auto or json/);
  assert.throws(() => loadConfig({ SITE_URL: 'not a url' }), /SITE_URL must be an absolute URL/);
  assert.throws(() => loadConfig({ FEED_CONTENT: 'all' }), /FEED_CONTENT must be full or summary/);
});

test('prepareDataDir creates DATA_DIR and keeps one generated secret across starts', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'newsdesk-config-')), 'nested', 'data');
  const first = prepareDataDir(loadConfig({ DATA_DIR: dataDir }));
  const second = prepareDataDir(loadConfig({ DATA_DIR: dataDir }));
  assert.match(first.secret, /^[0-9a-f]{64}$/);
  assert.equal(second.secret, first.secret);
  assert.equal(readFileSync(join(dataDir, 'secret'), 'utf8'), first.secret);
  assert.equal(prepareDataDir(loadConfig({ DATA_DIR: dataDir, SECRET: 'given' })).secret, 'given');
  assert.deepEqual([first.secretSource, prepareDataDir(loadConfig({ DATA_DIR: dataDir, SECRET: 'given' })).secretSource], ['data-dir', 'environment']);
});

test('processes starting together on a new DATA_DIR all end with the one secret the file keeps', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-config-race-'));
  const script = `import { loadConfig, prepareDataDir } from ${JSON.stringify(new URL('./config.ts', import.meta.url).href)};
    process.stdout.write(prepareDataDir(loadConfig({ DATA_DIR: ${JSON.stringify(dataDir)} })).secret);`;
  const run = () =>
    new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], (error, stdout) => (error ? reject(error) : resolve(stdout)));
    });
  const secrets = await Promise.all(Array.from({ length: 6 }, run));
  assert.equal(new Set(secrets).size, 1, 'one secret');
  assert.equal(secrets[0], readFileSync(join(dataDir, 'secret'), 'utf8'));
  assert.deepEqual(readdirSync(dataDir), ['secret'], 'no candidate left behind');
});
