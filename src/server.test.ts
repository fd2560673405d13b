import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
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

  it('denies browser features, fonts from elsewhere and framing, and names where CSP reports go', async () => {
    const response = await app.inject('/');
    const permissions = String(response.headers['permissions-policy']);
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'browsing-topics']) {
      assert.match(permissions, new RegExp(`(^|, )${feature}=\\(\\)`), feature);
    }
    const csp = String(response.headers['content-security-policy']);
    assert.match(csp, /(^|;)font-src 'self'(;|$)/, 'fonts from this origin only: no https: hosts, no data:');
    assert.match(csp, /report-uri \/csp-reports/);
    assert.match(csp, /report-to csp(;|$)/);
    assert.equal(response.headers['reporting-endpoints'], 'csp="/csp-reports"');
    assert.equal(response.headers['x-frame-options'], 'DENY', "agrees with frame-ancestors 'none'");
  });

  it('sends HSTS on https requests only, by their scheme as a trusted proxy reports it, whatever SITE_URL says', async () => {
    const behindProxy = await buildServer({
      config: loadConfig({ LOG_LEVEL: 'silent', SITE_URL: 'https://news.example.com', TRUST_PROXY: 'true' }),
      store,
      logger: false,
    });
    const direct = await buildServer({
      config: loadConfig({ LOG_LEVEL: 'silent', SITE_URL: 'https://news.example.com' }),
      store,
      logger: false,
    });
    try {
      const forwardedHttps = { 'x-forwarded-proto': 'https' };
      // Twice each: the second is a page-cache hit, which must get its scheme's headers too.
      for (let round = 0; round < 2; round++) {
        const secure = await behindProxy.inject({ url: '/', headers: forwardedHttps });
        assert.match(String(secure.headers['strict-transport-security']), /max-age=\d+/);
        assert.match(String(secure.headers['content-security-policy']), /upgrade-insecure-requests/);
        const plain = await behindProxy.inject('/');
        assert.equal(plain.headers['strict-transport-security'], undefined, 'a plain-http request gets no HSTS');
        assert.doesNotMatch(String(plain.headers['content-security-policy']), /upgrade-insecure-requests/);
      }
      const spoofed = await direct.inject({ url: '/', headers: forwardedHttps });
      assert.equal(spoofed.headers['strict-transport-security'], undefined, 'X-Forwarded-Proto counts only from a trusted proxy');
    } finally {
      await behindProxy.close();
      await direct.close();
    }
  });

  it('takes CSP violation reports', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/csp-reports',
      headers: { 'content-type': 'application/csp-report' },
      payload: JSON.stringify({ 'csp-report': { 'document-uri': 'http://localhost/', 'violated-directive': 'img-src' } }),
    });
    assert.equal(response.statusCode, 204);
  });
});

describe('the assembled server over HTTP', () => {
  let origin: { host: string; port: number };

  before(async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no TCP address');
    origin = { host: '127.0.0.1', port: address.port };
  });

  /** Sends raw bytes on a new connection and reads everything until the server closes it. */
  const exchange = (request: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = connect(origin, () => socket.end(request));
      const chunks: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
      socket.on('error', reject);
    });

  it('answers a request Node refuses before Fastify (a 100 KB URL) with the site page and its headers', async () => {
    const response = await exchange(`GET /${'a'.repeat(100 * 1024)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    const [head = '', body = ''] = response.split('\r\n\r\n');
    assert.match(head, /^HTTP\/1\.1 431 /);
    assert.match(head, /\r\ncontent-type: text\/html; charset=utf-8\r\n/);
    assert.match(head, /\r\ncontent-security-policy: default-src 'self'/);
    assert.match(head, /\r\nx-frame-options: DENY\r\n/);
    assert.match(head, /\r\ncache-control: no-store\r\n/);
    assert.doesNotMatch(head, /strict-transport-security/, 'plain http');
    assert.equal(Number(/\r\ncontent-length: (\d+)/.exec(head)?.[1]), Buffer.byteLength(body));
    assert.ok(isErrorPage(body), body.slice(0, 200));
    assert.match(body, /<h1>That request was too large<\/h1>/);
    assert.doesNotMatch(body, /aaaaaaaaaa|Request Header Fields|"error"/);
  });

  it('answers bytes that are not HTTP with the 400 page', async () => {
    const response = await exchange('HELLO THERE\r\n\r\n');
    assert.match(response, /^HTTP\/1\.1 400 /);
    assert.ok(isErrorPage(response.split('\r\n\r\n')[1] ?? ''));
  });
});
