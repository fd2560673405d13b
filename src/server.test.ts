import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from './config.ts';
import { buildServer } from './server.ts';
import { openStore, type Store } from './store/index.ts';

let store: Store;
let app: FastifyInstance;

before(async () => {
  store = await openStore({ databaseUrl: null, sqliteFile: ':memory:' });
  app = await buildServer({ config: loadConfig({ LOG_LEVEL: 'silent' }), store, logger: false });
});

after(async () => {
  await app.close();
  await store.close();
});

const isErrorPage = (body: string) => body.startsWith('<!doctype html>') && !/\bat .*\.(ts|js):\d+/.test(body);

describe('the assembled server', () => {
  it('sends security headers on pages and on error pages', async () => {
    for (const url of ['/', '/no-such-page']) {
      const response = await app.inject(url);
      const csp = String(response.headers['content-security-policy']);
      assert.match(csp, /default-src 'self'/, url);
      assert.match(csp, /frame-ancestors 'none'/, url);
      assert.doesNotMatch(csp, /upgrade-insecure-requests/, 'a plain-http site must still load its own assets');
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
      assert.equal(response.headers['referrer-policy'], 'strict-origin-when-cross-origin');
      assert.equal(response.headers['x-powered-by'], undefined);
      assert.equal(response.headers['strict-transport-security'], undefined, 'no HSTS on a plain-http site');
    }
  });

  it('turns errors the router raises into the site error pages, not framework JSON', async () => {
    const badEscape = await app.inject('/%E0%A4%A');
    assert.equal(badEscape.statusCode, 400);
    assert.ok(isErrorPage(badEscape.body), badEscape.body.slice(0, 200));
    assert.match(String(badEscape.headers['content-security-policy']), /default-src/);

    const longSegment = await app.inject(`/security/${'a'.repeat(500)}`);
    assert.equal(longSegment.statusCode, 414);
    assert.ok(isErrorPage(longSegment.body), longSegment.body.slice(0, 200));
  });

  it('answers methods it does not serve with the 404 page', async () => {
    const response = await app.inject({ method: 'POST', url: '/', payload: { x: 1 } });
    assert.equal(response.statusCode, 404);
    assert.ok(isErrorPage(response.body));
  });

  it('sends HSTS only when the site is served over https', async () => {
    const secure = await buildServer({
      config: loadConfig({ LOG_LEVEL: 'silent', SITE_URL: 'https://news.example.com' }),
      store,
      logger: false,
    });
    const response = await secure.inject('/');
    assert.match(String(response.headers['strict-transport-security']), /max-age=\d+/);
    assert.match(String(response.headers['content-security-policy']), /upgrade-insecure-requests/);
    await secure.close();
  });
});
