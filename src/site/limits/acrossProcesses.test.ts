/**
 * Two web processes of one site (two apps built from the same config but their own secrets, one database, one
 * Redis), each listening on loopback: a reader's notes and views are limited once across both, over real HTTP.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { loadConfig } from '../../config.ts';
import { hourOf, type Article } from '../../domain/index.ts';
import { buildServer } from '../../server.ts';
import type { Store } from '../../store/index.ts';
import { DEFAULT_FEEDBACK_LIMITS } from '../routes/feedback.ts';
import { SEED_DRAFT } from '../testing/seedArticle.ts';
import { insertArticle, memoryStore } from '../testing/store.ts';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const SITE_URL = 'https://news.example';
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0';
// This run's own keys in the shared Redis, deleted at the end.
const PREFIX = `newsdesk-test-${randomBytes(4).toString('hex')}`;

let store: Store;
let article: Article;
const apps: FastifyInstance[] = [];
const urls: string[] = [];

before(async () => {
  store = await memoryStore();
  article = await insertArticle(store, SEED_DRAFT);
  for (const secret of ['secret-of-one', 'secret-of-another']) {
    const config = loadConfig({ LOG_LEVEL: 'silent', SITE_URL, SECRET: secret, PAGE_CACHE: 'off', REDIS_URL, REDIS_PREFIX: PREFIX });
    const app = await buildServer({ config, store, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('server has no TCP address');
    apps.push(app);
    urls.push(`http://127.0.0.1:${address.port}`);
  }
});

after(async () => {
  for (const app of apps) await app.close();
  await store?.close();
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${PREFIX}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

function sendNote(url: string) {
  const form = new URLSearchParams({ article: String(article.id), revision: article.contentHash, kind: 'typo', text: 'The caption says 2019.', email: '', website: '' });
  return fetch(`${url}/feedback`, {
    method: 'POST',
    headers: { origin: SITE_URL, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', 'user-agent': BROWSER },
    body: form.toString(),
  });
}

test('a sender posting through both processes in turn gets the limit once, not once per process', async () => {
  const statuses: number[] = [];
  for (let round = 0; round < 6; round++) {
    for (const url of urls) {
      const response = await sendNote(url);
      statuses.push(response.status);
      if (response.status === 429) assert.ok(Number(response.headers.get('retry-after')) > 0);
      await response.body?.cancel();
    }
  }
  const { capacity } = DEFAULT_FEEDBACK_LIMITS.perSender;
  assert.deepEqual(statuses, [...Array<number>(capacity).fill(200), ...Array<number>(12 - capacity).fill(429)]);
  assert.equal((await store.feedback.list({ articleId: article.id, limit: 100 })).length, capacity);
});

test('a reader’s view counted by one process is not counted again by the other', async () => {
  for (const url of [...urls, ...urls]) {
    const response = await fetch(`${url}/v/${article.id}`, { method: 'POST', headers: { origin: SITE_URL, 'user-agent': BROWSER } });
    assert.equal(response.status, 204);
  }
  for (const app of apps) await app.trending.flush();
  const redis = new Redis(REDIS_URL);
  try {
    assert.equal(await redis.zscore(`${PREFIX}:views:${hourOf(Date.now())}`, String(article.id)), '1');
  } finally {
    await redis.quit();
  }
});
