/**
 * The whole path on PostgreSQL, as a scaled-out site runs it: the demo imported through the same code as on
 * SQLite, then the reader site serving it. Runs in a schema of its own, dropped afterwards.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { articlePath } from '../src/domain/index.ts';
import { importDemo, SEED_PAGE_FILE } from '../src/ingest/index.ts';
import { buildServer } from '../src/server.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { connectPostgres } from '../src/store/postgres.ts';

const PG_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://127.0.0.1:5432/test';
const ANATOMY_CHECK = fileURLToPath(new URL('../../shared/checks/article-anatomy.py', import.meta.url));
const pgSchema = `newsdesk_e2e_${randomBytes(6).toString('hex')}`;

let store: Store;
let app: FastifyInstance;

before(async () => {
  store = await openStore({ databaseUrl: PG_URL, sqliteFile: '', pgSchema });
  app = await buildServer({ config: loadConfig({ LOG_LEVEL: 'silent' }), store, logger: false });
});

after(async () => {
  await app?.close();
  await store?.close();
  const db = await connectPostgres(PG_URL, undefined);
  await sql`drop schema if exists ${sql.id(pgSchema)} cascade`.execute(db);
  await db.destroy();
});

test('the demo imports once on PostgreSQL and again changes nothing', async () => {
  const first = await importDemo(store);
  assert.ok(first.seedImported);
  assert.ok(first.counts.created > 300, `created ${first.counts.created}`);
  const second = await importDemo(store);
  assert.deepEqual(second.counts, { created: 0, updated: 0, unchanged: first.counts.created, duplicate: 0 });
});

test('the reader site serves it: home, section front, the seed with its full anatomy', async () => {
  const seed = await store.articles.findBySourceKey(`file:${realpathSync(SEED_PAGE_FILE)}`);
  assert.ok(seed);
  const page = await app.inject(articlePath(seed));
  assert.equal(page.statusCode, 200);
  const check = spawnSync('python3', [ANATOMY_CHECK], { input: page.body, encoding: 'utf8' });
  assert.equal(check.status, 0, check.stdout);

  const home = await app.inject('/');
  assert.equal(home.statusCode, 200);
  assert.ok(home.body.includes(seed.headline));
  const politics = await app.inject('/politics?page=2');
  assert.equal(politics.statusCode, 200);
  assert.match(politics.body, /<link rel="prev" href="\/politics(\?page=1)?"\/>/);
  assert.equal((await app.inject('/politics?page=999')).statusCode, 404);
});
