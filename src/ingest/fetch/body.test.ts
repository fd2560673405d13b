/**
 * The body: decompressed (gzip, deflate, br), capped after decompression, streamed and cut off past the cap
 * without the process growing; conditional GET answered by 304.
 */
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { createFetcher, DEFAULT_MAX_BYTES } from './index.ts';
import { failureOf, startServer, TEST_USER_AGENT, type LocalServer } from './testing/localServer.ts';

const MB = 1024 * 1024;
const STORY = 'Council approves the harbour budget — «final» vote, 3–2. '.repeat(50);
/** Much more than 5 MB once inflated, a few kilobytes on the wire. */
const GZIP_BOMB = gzipSync(Buffer.alloc(20 * MB));
const ETAG = '"story-v1"';
const LAST_MODIFIED = 'Tue, 01 Jul 2025 10:00:00 GMT';
/** The README's ceiling for refusing a 50 MB page. */
const MAX_RSS_GROWTH = 200 * MB;

let server: LocalServer;
/** Bytes the 50 MB route managed to send before the fetcher hung up. */
let fiftyMbSent = 0;

/** Writes `total` bytes in chunks, waiting for the socket to drain; stops early when the client goes away. */
async function streamBytes(response: ServerResponse, total: number): Promise<number> {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let sent = 0;
  response.writeHead(200, { 'content-type': 'text/html' });
  while (sent < total && !response.destroyed) {
    sent += chunk.length;
    if (!response.write(chunk)) await drainedOrClosed(response);
  }
  response.end();
  return sent;
}

function drainedOrClosed(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}

before(async () => {
  server = await startServer((request, response) => {
    const send = (headers: Record<string, string>, body: Buffer | string): void => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
      response.end(body);
    };
    switch (request.url) {
      case '/robots.txt':
        return void response.writeHead(404).end();
      case '/six-mb':
        return void streamBytes(response, 6 * MB);
      case '/fifty-mb':
        return void streamBytes(response, 50 * MB).then((sent) => (fiftyMbSent = sent));
      case '/announced-six-mb':
        response.writeHead(200, { 'content-length': String(6 * MB) });
        return void response.end(Buffer.alloc(6 * MB));
      case '/bomb':
        return send({ 'content-encoding': 'gzip' }, GZIP_BOMB);
      case '/gzip':
        return send({ 'content-encoding': 'gzip' }, gzipSync(STORY));
      case '/deflate':
        return send({ 'content-encoding': 'deflate' }, deflateSync(STORY));
      case '/br':
        return send({ 'content-encoding': 'br' }, brotliCompressSync(STORY));
      case '/corrupt-gzip':
        return send({ 'content-encoding': 'gzip' }, 'this was never gzip');
      case '/zstd':
        return send({ 'content-encoding': 'zstd' }, 'whatever');
      case '/conditional': {
        const fresh = request.headers['if-none-match'] === ETAG || request.headers['if-modified-since'] === LAST_MODIFIED;
        if (fresh) return void response.writeHead(304, { etag: ETAG }).end();
        return send({ etag: ETAG, 'last-modified': LAST_MODIFIED }, STORY);
      }
      default:
        return send({}, STORY);
    }
  });
});

after(() => server.close());

function fetcher(options: { maxBytes?: number } = {}) {
  return createFetcher({ userAgent: TEST_USER_AGENT, allowPrivateHosts: [server.hostPort], ...options });
}

describe('body size cap', () => {
  test('the default cap is 5 MB', () => {
    assert.equal(DEFAULT_MAX_BYTES, 5 * MB);
  });

  test('a 6 MB streamed body is cut off at the cap', async () => {
    const failure = await failureOf(fetcher().fetch({ url: `${server.origin}/six-mb` }));
    assert.equal(failure.failure, 'too-large');
    assert.match(failure.message, /larger than the 5242880-byte limit/);
  });

  test('a body that announces more than the cap is refused before it is read', async () => {
    const failure = await failureOf(fetcher().fetch({ url: `${server.origin}/announced-six-mb` }));
    assert.equal(failure.failure, 'too-large');
    assert.match(failure.message, /announces 6291456 bytes/);
  });

  test('a gzip bomb is stopped by the count of inflated bytes', async () => {
    assert.ok(GZIP_BOMB.length < 100 * 1024, 'the bomb is small on the wire');
    const failure = await failureOf(fetcher().fetch({ url: `${server.origin}/bomb` }));
    assert.equal(failure.failure, 'too-large');
  });

  test('a per-request maxBytes overrides the fetcher’s', async () => {
    const failure = await failureOf(fetcher().fetch({ url: `${server.origin}/gzip`, maxBytes: 100 }));
    assert.equal(failure.failure, 'too-large');
    const response = await fetcher({ maxBytes: 100 }).fetch({ url: `${server.origin}/gzip`, maxBytes: 10 * MB });
    assert.equal(response.body.toString(), STORY);
  });

  test('a 50 MB page is refused without the process growing past 200 MB', async (t) => {
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    try {
      const failure = await failureOf(fetcher().fetch({ url: `${server.origin}/fifty-mb` }));
      assert.equal(failure.failure, 'too-large');
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    t.diagnostic(`RSS growth while refusing 50 MB: ${((peak - baseline) / MB).toFixed(1)} MB`);
    assert.ok(peak - baseline < MAX_RSS_GROWTH, `RSS grew by ${((peak - baseline) / MB).toFixed(1)} MB`);
    // The server stops once the fetcher hangs up: the rest of the 50 MB was never sent.
    await waitFor(() => fiftyMbSent > 0);
    t.diagnostic(`bytes the server sent before the fetcher hung up: ${(fiftyMbSent / MB).toFixed(1)} MB`);
    assert.ok(fiftyMbSent < 50 * MB, `server sent ${fiftyMbSent} bytes`);
  });
});

describe('content codings', () => {
  for (const coding of ['gzip', 'deflate', 'br']) {
    test(`${coding} bodies are decoded`, async () => {
      const response = await fetcher().fetch({ url: `${server.origin}/${coding}` });
      assert.equal(response.body.toString('utf8'), STORY);
      assert.equal(response.contentType, 'text/html; charset=utf-8');
    });
  }

  test('we ask for exactly the codings we decode, and name ourselves', async () => {
    await fetcher().fetch({ url: `${server.origin}/plain`, accept: 'text/html' });
    const seen = server.requests.at(-1);
    assert.equal(seen?.headers['accept-encoding'], 'gzip, deflate, br');
    assert.equal(seen?.headers['user-agent'], TEST_USER_AGENT);
    assert.equal(seen?.headers.accept, 'text/html');
  });

  test('a corrupt compressed body is a network failure', async () => {
    const failure = await failureOf(fetcher().fetch({ url: `${server.origin}/corrupt-gzip` }));
    assert.equal(failure.failure, 'network');
    assert.match(failure.message, /compressed body is corrupt/);
  });

  test('a coding we did not ask for is refused', async () => {
    const failure = await failureOf(fetcher().fetch({ url: `${server.origin}/zstd` }));
    assert.equal(failure.failure, 'network');
    assert.match(failure.message, /Content-Encoding "zstd"/);
  });
});

describe('conditional GET', () => {
  test('a server honouring If-None-Match answers 304: notModified, empty body', async () => {
    const first = await fetcher().fetch({ url: `${server.origin}/conditional` });
    assert.equal(first.status, 200);
    assert.equal(first.notModified, false);
    assert.equal(first.etag, ETAG);
    assert.equal(first.lastModified, LAST_MODIFIED);
    assert.match(first.fetchedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const again = await fetcher().fetch({ url: `${server.origin}/conditional`, etag: first.etag });
    assert.equal(again.status, 304);
    assert.equal(again.notModified, true);
    assert.equal(again.body.length, 0);
    assert.equal(server.requests.at(-1)?.headers['if-none-match'], ETAG);
  });

  test('If-Modified-Since is sent from lastModified', async () => {
    const again = await fetcher().fetch({ url: `${server.origin}/conditional`, lastModified: LAST_MODIFIED });
    assert.equal(again.notModified, true);
    assert.equal(server.requests.at(-1)?.headers['if-modified-since'], LAST_MODIFIED);
  });
});

/** Polls `ready` on the event loop (the server's write loop finishes a tick or two after the client gives up). */
async function waitFor(ready: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 200 && !ready(); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 10));
}
