/**
 * Answers that are not a page (error statuses with Retry-After), servers that never answer, callers that give
 * up, and the test-only allow list that lets these tests reach loopback at all.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ConfigError } from '../../domain/index.ts';
import { createFetcher, parseRetryAfter } from './index.ts';
import { startFullBacklog } from './testing/fullBacklog.ts';
import { failureOf, startServer, TEST_USER_AGENT, type LocalServer } from './testing/localServer.ts';

const MINUTE_MS = 60_000;

let server: LocalServer;
let other: LocalServer;

before(async () => {
  other = await startServer((_request, response) => response.end('other'));
  server = await startServer((request, response) => {
    switch (request.url) {
      case '/robots.txt':
        return void response.writeHead(404).end();
      case '/busy':
        return void response.writeHead(429, { 'retry-after': '120' }).end('slow down');
      case '/down':
        return void response.writeHead(503, { 'retry-after': new Date(Date.now() + 2 * MINUTE_MS).toUTCString() }).end();
      case '/gone':
        return void response.writeHead(404).end('no such story');
      case '/redirect-nowhere':
        return void response.writeHead(302).end();
      case '/silent':
        // Accepts the request and never answers.
        return;
      case '/stalls':
        // Sends the head and a first chunk, then nothing more.
        response.writeHead(200, { 'content-type': 'text/html' });
        return void response.write('<html><body>');
      default:
        return void response.end('ok');
    }
  });
});

after(async () => {
  await Promise.all([server.close(), other.close()]);
});

function fetcher(options: { totalTimeoutMs?: number } = {}) {
  return createFetcher({ userAgent: TEST_USER_AGENT, allowPrivateHosts: [server.hostPort], ...options });
}

describe('error statuses', () => {
  test('429 with Retry-After in seconds carries retryAfterMs', async () => {
    const failure = await failureOf(fetcher().fetch({ url: `${server.origin}/busy` }));
    assert.equal(failure.failure, 'http-status');
    assert.equal(failure.details.status, 429);
    assert.equal(failure.details.retryAfterMs, 120_000);
    assert.equal(failure.message, `${server.origin}/busy answered 429 Too Many Requests; it asks us to retry in 120 s`);
    assert.equal(failure.permanent, false);
  });

  test('503 with Retry-After as an HTTP-date carries the time left until then', async () => {
    const failure = await failureOf(fetcher().fetch({ url: `${server.origin}/down` }));
    assert.equal(failure.details.status, 503);
    const waitMs = failure.details.retryAfterMs ?? -1;
    // HTTP-dates have whole seconds, and a moment passed since the server wrote it.
    assert.ok(waitMs > MINUTE_MS && waitMs <= 2 * MINUTE_MS, `retryAfterMs ${waitMs}`);
  });

  test('404 is an http-status failure without a retry time', async () => {
    const failure = await failureOf(fetcher().fetch({ url: `${server.origin}/gone` }));
    assert.equal(failure.failure, 'http-status');
    assert.equal(failure.details.status, 404);
    assert.equal(failure.details.retryAfterMs, undefined);
    assert.equal(failure.details.url, `${server.origin}/gone`);
  });

  test('a redirect without Location is an http-status failure', async () => {
    const failure = await failureOf(fetcher().fetch({ url: `${server.origin}/redirect-nowhere` }));
    assert.equal(failure.failure, 'http-status');
    assert.match(failure.message, /answered 302 without a Location/);
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2025-07-01T10:00:00Z');

  test('reads seconds and HTTP-dates', () => {
    assert.equal(parseRetryAfter('120', now), 120_000);
    assert.equal(parseRetryAfter(' 0 ', now), 0);
    assert.equal(parseRetryAfter('Tue, 01 Jul 2025 10:05:00 GMT', now), 5 * MINUTE_MS);
    assert.equal(parseRetryAfter('Tue, 01 Jul 2025 09:00:00 GMT', now), 0, 'a date already past means now');
  });

  test('gives null for missing or malformed values', () => {
    for (const value of [null, undefined, '', '   ', 'soon', '-5', '1.5', '12abc']) {
      assert.equal(parseRetryAfter(value, now), null, String(value));
    }
  });
});

describe('time limits and cancellation', () => {
  test('a server that accepts and never answers runs into the total time limit', async () => {
    const failure = await failureOf(fetcher({ totalTimeoutMs: 300 }).fetch({ url: `${server.origin}/silent` }));
    assert.equal(failure.failure, 'timeout');
    assert.equal(failure.message, `Gave up on ${server.origin}/silent after 300 ms (total time limit)`);
  });

  test('a connection that is never accepted runs into the connect time limit', async () => {
    const backlog = await startFullBacklog();
    try {
      const hostPort = `127.0.0.1:${backlog.port}`;
      const fetcher = createFetcher({
        userAgent: TEST_USER_AGENT,
        allowPrivateHosts: [hostPort],
        respectRobots: false,
        connectTimeoutMs: 200,
        totalTimeoutMs: 10_000,
      });
      const failure = await failureOf(fetcher.fetch({ url: `http://${hostPort}/` }));
      assert.equal(failure.failure, 'timeout');
      assert.equal(failure.message, `Could not connect to 127.0.0.1 for http://${hostPort}/ within 200 ms`);
    } finally {
      backlog.close();
    }
  });

  test('a body that stalls half-way runs into the total time limit too', async () => {
    const failure = await failureOf(fetcher({ totalTimeoutMs: 300 }).fetch({ url: `${server.origin}/stalls` }));
    assert.equal(failure.failure, 'timeout');
  });

  test('the caller’s signal aborts with the caller’s reason', async () => {
    const controller = new AbortController();
    const reason = new Error('poller shutting down');
    const pending = fetcher().fetch({ url: `${server.origin}/silent`, signal: controller.signal });
    setTimeout(() => controller.abort(reason), 50);
    await assert.rejects(pending, (error) => error === reason);
  });
});

describe('allowPrivateHosts (tests only)', () => {
  test('exactly the listed host:port passes; another port on 127.0.0.1 is still refused', async () => {
    const response = await fetcher().fetch({ url: `${server.origin}/` });
    assert.equal(response.body.toString(), 'ok');
    const failure = await failureOf(fetcher().fetch({ url: `${other.origin}/` }));
    assert.equal(failure.failure, 'blocked');
    assert.match(failure.message, /127\.0\.0\.1 is a loopback address/);
    assert.equal(other.connections, 0);
  });

  test('the same port on another loopback spelling is not the listed host', async () => {
    const failure = await failureOf(fetcher().fetch({ url: `http://localhost:${server.port}/` }));
    assert.equal(failure.failure, 'blocked');
  });

  test('a malformed entry is refused when the fetcher is created', () => {
    assert.throws(() => createFetcher({ userAgent: TEST_USER_AGENT, allowPrivateHosts: ['127.0.0.1'] }), {
      message: /not host:port/,
    });
  });

  test('a fetcher needs a one-line User-Agent', () => {
    assert.throws(() => createFetcher({ userAgent: '  ' }), ConfigError);
    assert.throws(() => createFetcher({ userAgent: 'Newsdesk\r\nX-Evil: 1' }), ConfigError);
  });
});
