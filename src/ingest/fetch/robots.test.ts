/**
 * robots.txt: disallowed paths refused, missing robots.txt allows all, an unreachable one holds fetches back
 * (retryably), and one robots.txt request serves many fetches of an origin.
 */
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { after, describe, test } from 'node:test';
import { FetchError } from '../../domain/index.ts';
import { createFetcher } from './index.ts';
import { RobotsRules, ROBOTS_MAX_BYTES } from './robots.ts';
import { startServer, TEST_USER_AGENT, type LocalServer } from './testing/localServer.ts';

const servers: LocalServer[] = [];

after(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

/** A site whose robots.txt answers with `status` and `robots`, and every other path with a short page. */
async function site(status: number, robots = '', headers: Record<string, string> = {}): Promise<LocalServer> {
  const server = await startServer((request: IncomingMessage, response: ServerResponse) => {
    if (request.url === '/robots.txt') {
      response.writeHead(status, { 'content-type': 'text/plain', ...headers });
      response.end(robots);
      return;
    }
    response.end(`page ${request.url}`);
  });
  servers.push(server);
  return server;
}

function fetcherFor(server: LocalServer, respectRobots?: boolean) {
  return createFetcher({ userAgent: TEST_USER_AGENT, allowPrivateHosts: [server.hostPort], respectRobots });
}

function robotsRequests(server: LocalServer): number {
  return server.requests.filter((request) => request.path === '/robots.txt').length;
}

describe('robots.txt', () => {
  test('a disallowed path is refused; others are fetched; robots.txt is asked once', async () => {
    const server = await site(200, 'User-agent: *\nDisallow: /private/\n');
    const fetcher = fetcherFor(server);
    await assert.rejects(fetcher.fetch({ url: `${server.origin}/private/memo` }), (error) => {
      assert.ok(error instanceof FetchError);
      assert.equal(error.failure, 'robots');
      assert.equal(error.permanent, true);
      assert.match(error.message, /robots\.txt disallows it for our User-Agent \(line 2\)/);
      return true;
    });
    for (const path of ['/news/1', '/news/2', '/news/3']) {
      const response = await fetcher.fetch({ url: `${server.origin}${path}` });
      assert.equal(response.body.toString(), `page ${path}`);
    }
    assert.equal(robotsRequests(server), 1);
    assert.equal(server.requests.some((request) => request.path === '/private/memo'), false);
    assert.equal(server.requests[0]?.headers['user-agent'], TEST_USER_AGENT);
  });

  test('rules for our product token apply to us, not those for others', async () => {
    const server = await site(200, 'User-agent: NewsdeskTest\nDisallow: /\n\nUser-agent: *\nAllow: /\n');
    await assert.rejects(fetcherFor(server).fetch({ url: `${server.origin}/story` }), { failure: 'robots' });
  });

  test('concurrent fetches of one origin share a single robots.txt request', async () => {
    const server = await site(200, 'User-agent: *\nDisallow:\n');
    const fetcher = fetcherFor(server);
    await Promise.all([1, 2, 3, 4].map((n) => fetcher.fetch({ url: `${server.origin}/story/${n}` })));
    assert.equal(robotsRequests(server), 1);
  });

  test('a missing robots.txt (404) allows everything', async () => {
    const server = await site(404);
    const response = await fetcherFor(server).fetch({ url: `${server.origin}/private/memo` });
    assert.equal(response.status, 200);
  });

  test('an unreachable robots.txt (503) holds fetches back with a retryable error, asked again only later', async () => {
    const server = await site(503, 'down', { 'retry-after': '30' });
    const fetcher = fetcherFor(server);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await assert.rejects(fetcher.fetch({ url: `${server.origin}/story` }), (error) => {
        assert.ok(error instanceof FetchError);
        assert.equal(error.failure, 'http-status');
        assert.equal(error.permanent, false);
        assert.equal(error.details.retryAfterMs, 30_000);
        assert.match(error.message, /its robots\.txt could not be read \(it answered 503\)/);
        return true;
      });
    }
    assert.equal(robotsRequests(server), 1);
    assert.equal(server.requests.some((request) => request.path === '/story'), false);
  });

  test('respectRobots: false never asks for robots.txt', async () => {
    const server = await site(200, 'User-agent: *\nDisallow: /\n');
    const response = await fetcherFor(server, false).fetch({ url: `${server.origin}/story` });
    assert.equal(response.status, 200);
    assert.equal(robotsRequests(server), 0);
  });

  test('fetching robots.txt itself is never held back by its own rules', async () => {
    const server = await site(200, 'User-agent: *\nDisallow: /\n');
    const response = await fetcherFor(server).fetch({ url: `${server.origin}/robots.txt` });
    assert.match(response.body.toString(), /Disallow: \//);
  });

  test('a robots.txt longer than 500 KiB is read up to there, not refused', async () => {
    const padding = `# ${'x'.repeat(78)}\n`.repeat(Math.ceil((ROBOTS_MAX_BYTES + 100_000) / 81));
    const server = await site(200, `User-agent: *\nDisallow: /private/\n${padding}`);
    const fetcher = fetcherFor(server);
    await assert.rejects(fetcher.fetch({ url: `${server.origin}/private/x` }), { failure: 'robots' });
    assert.equal((await fetcher.fetch({ url: `${server.origin}/news` })).status, 200);
  });
});

describe('RobotsRules cache', () => {
  const HOUR_MS = 60 * 60 * 1000;
  const signal = new AbortController().signal;

  test('rules are kept for an hour, an unreachable robots.txt for minutes', async () => {
    let now = 0;
    const asked: string[] = [];
    let answer: () => Promise<{ status: number; body: Buffer }> = async () => ({
      status: 200,
      body: Buffer.from('User-agent: *\nDisallow: /private/\n'),
    });
    const rules = new RobotsRules(
      async (url) => {
        asked.push(url.href);
        return answer();
      },
      TEST_USER_AGENT,
      () => now,
    );
    const page = new URL('https://news.example/private/a');
    await assert.rejects(rules.assertAllowed(page, signal), { failure: 'robots' });
    now += HOUR_MS - 1;
    await assert.rejects(rules.assertAllowed(page, signal), { failure: 'robots' });
    assert.equal(asked.length, 1);

    answer = async () => {
      throw new FetchError('connection reset', 'network');
    };
    now += 2;
    await assert.rejects(rules.assertAllowed(page, signal), { failure: 'network' });
    assert.equal(asked.length, 2);
    now += 4 * 60 * 1000;
    await assert.rejects(rules.assertAllowed(page, signal), { failure: 'network' });
    assert.equal(asked.length, 2, 'still remembered as unreachable');
    answer = async () => ({ status: 200, body: Buffer.from('') });
    now += 2 * 60 * 1000;
    await rules.assertAllowed(page, signal);
    assert.deepEqual(asked, Array(3).fill('https://news.example/robots.txt'));
  });

  test('too many redirects counts as no robots.txt; a refused destination refuses the fetch', async () => {
    const failures: Record<string, FetchError> = {
      'https://loop.example/robots.txt': new FetchError('loop', 'too-many-redirects'),
      'https://sneaky.example/robots.txt': new FetchError('Refused http://10.0.0.1/robots.txt', 'blocked'),
    };
    const rules = new RobotsRules(async (url) => {
      throw failures[url.href] ?? new Error(`unexpected ${url.href}`);
    }, TEST_USER_AGENT);
    await rules.assertAllowed(new URL('https://loop.example/story'), signal);
    await assert.rejects(rules.assertAllowed(new URL('https://sneaky.example/story'), signal), { failure: 'blocked' });
  });
});
