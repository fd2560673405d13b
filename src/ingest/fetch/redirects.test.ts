/**
 * Redirects are checked hop by hop (../shared/benchmarks/ssrf/README.md, "Redirect to a private address"):
 * server A is the one allowed test server; server B, on loopback too, must never see a request or connection.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FetchError } from '../../domain/index.ts';
import { createFetcher } from './index.ts';
import { startServer, stubResolver, TEST_USER_AGENT, type LocalServer } from './testing/localServer.ts';

const REDIRECT_STATUSES = [301, 302, 303, 307, 308];

let serverA: LocalServer;
let serverB: LocalServer;
let serverC: LocalServer;

before(async () => {
  serverB = await startServer((_request, response) => response.end('secret'));
  serverC = await startServer((_request, response) => response.end('other origin'));
  serverA = await startServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://a.test');
    const [, kind = '', step = ''] = url.pathname.split('/');
    const redirect = (status: number, location: string): void => {
      response.writeHead(status, { location });
      response.end();
    };
    if (kind === 'redirect') return redirect(Number(step), url.searchParams.get('to') ?? '/');
    // /chain/<n>: n more hops on A, then to the address in ?to (or a 200 at the end).
    if (kind === 'chain' && Number(step) > 0) return redirect(302, `/chain/${Number(step) - 1}${url.search}`);
    if (kind === 'chain' && url.searchParams.has('to')) return redirect(302, url.searchParams.get('to') ?? '/');
    if (kind === 'loop') return redirect(302, `/loop/${Number(step) + 1}`);
    if (kind === 'to-c') return redirect(302, `${serverC.origin}/target`);
    response.end(`A ${url.pathname}`);
  });
});

after(async () => {
  await Promise.all([serverA.close(), serverB.close(), serverC.close()]);
});

/** Requests A served, robots.txt aside (each new fetcher asks for it once). */
function pagesSeenByA(): number {
  return serverA.requests.filter((request) => request.path !== '/robots.txt').length;
}

function privateLocations(): string[] {
  const portB = serverB.port;
  return [
    `http://127.0.0.1:${portB}/secret`,
    `http://[::1]:${portB}/`,
    `http://0x7f000001:${portB}/`,
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.1/',
    `//127.0.0.1:${portB}/`,
    `http://example.com@127.0.0.1:${portB}/`,
    'file:///etc/passwd',
    `gopher://127.0.0.1:${portB}/_x`,
  ];
}

/** A fetcher that may reach A only; B's port is allowed too, so only the address check can stop a hop to B. */
function fetcherForA(maxRedirects?: number, respectRobots = true) {
  const resolver = stubResolver({});
  const fetcher = createFetcher({
    userAgent: TEST_USER_AGENT,
    lookup: resolver.lookup,
    respectRobots,
    allowPrivateHosts: [serverA.hostPort, serverC.hostPort],
    allowedPorts: [80, 443, serverB.port],
    maxRedirects,
    totalTimeoutMs: 5_000,
  });
  return { fetcher, resolver };
}

describe('a redirect to a private address', () => {
  // With robots.txt off too, so that the hop's own check is what refuses (the robots.txt request re-checks).
  for (const respectRobots of [true, false]) {
    test(`is refused for every status and Location, and B sees nothing (robots ${respectRobots ? 'on' : 'off'})`, async () => {
      const { fetcher, resolver } = fetcherForA(undefined, respectRobots);
      const redirectsBefore = serverA.requests.filter((request) => request.path.startsWith('/redirect/')).length;
      const gotThrough: string[] = [];
      for (const status of REDIRECT_STATUSES) {
        for (const location of privateLocations()) {
          const url = `${serverA.origin}/redirect/${status}?to=${encodeURIComponent(location)}`;
          try {
            await fetcher.fetch({ url });
            gotThrough.push(`${status} → ${location}: fetched`);
          } catch (error) {
            if (!(error instanceof FetchError) || error.failure !== 'blocked') {
              gotThrough.push(`${status} → ${location}: ${String(error)}`);
            } else if (!/^Refused .* \(redirected from http:\/\/127\.0\.0\.1:\d+\/redirect\//.test(error.message)) {
              gotThrough.push(`${status} → ${location}: unclear message ${error.message}`);
            }
          }
        }
      }
      assert.deepEqual(gotThrough, []);
      const redirectsServed = serverA.requests.filter((request) => request.path.startsWith('/redirect/')).length;
      assert.equal(redirectsServed - redirectsBefore, 45);
      assert.equal(serverB.requests.length, 0);
      assert.equal(serverB.connections, 0);
      // Nothing was even looked up: the metadata and 10/8 addresses were refused from the Location alone.
      assert.deepEqual(resolver.asked, []);
    });
  }

  test('is refused on any hop of a chain A → A → A → B', async () => {
    const { fetcher } = fetcherForA();
    const to = encodeURIComponent(`http://127.0.0.1:${serverB.port}/secret`);
    const before = pagesSeenByA();
    await assert.rejects(fetcher.fetch({ url: `${serverA.origin}/chain/3?to=${to}` }), { failure: 'blocked' });
    assert.equal(pagesSeenByA() - before, 4);
    assert.equal(serverB.connections, 0);
  });
});

describe('redirect limits', () => {
  test('a chain longer than maxRedirects stops with too-many-redirects', async () => {
    const { fetcher } = fetcherForA(5);
    const before = pagesSeenByA();
    const failure = await fetcher.fetch({ url: `${serverA.origin}/loop/0` }).catch((error: unknown) => error);
    assert.ok(failure instanceof FetchError);
    assert.equal(failure.failure, 'too-many-redirects');
    assert.match(failure.message, /more than 5 redirects/);
    // The first request and five redirects followed; the sixth Location is not.
    assert.equal(pagesSeenByA() - before, 6);
  });

  test('exactly maxRedirects hops still arrive, and the final URL is reported', async () => {
    const { fetcher } = fetcherForA(5);
    const response = await fetcher.fetch({ url: `${serverA.origin}/chain/5` });
    assert.equal(response.status, 200);
    assert.equal(response.url, `${serverA.origin}/chain/0`);
    assert.equal(response.body.toString(), 'A /chain/0');
  });
});

describe('conditional headers across redirects', () => {
  test('go along on the same origin and are dropped for another origin', async () => {
    const { fetcher } = fetcherForA();
    const etag = '"v7"';
    const lastModified = 'Tue, 01 Jul 2025 10:00:00 GMT';
    await fetcher.fetch({ url: `${serverA.origin}/chain/1`, etag, lastModified });
    const sameOrigin = serverA.requests.at(-1);
    assert.equal(sameOrigin?.path, '/chain/0');
    assert.equal(sameOrigin?.headers['if-none-match'], etag);
    assert.equal(sameOrigin?.headers['if-modified-since'], lastModified);

    const response = await fetcher.fetch({ url: `${serverA.origin}/to-c`, etag, lastModified });
    assert.equal(response.body.toString(), 'other origin');
    const crossOrigin = serverC.requests.at(-1);
    assert.equal(crossOrigin?.path, '/target');
    assert.equal(crossOrigin?.headers['if-none-match'], undefined);
    assert.equal(crossOrigin?.headers['if-modified-since'], undefined);
    assert.equal(crossOrigin?.headers['user-agent'], TEST_USER_AGENT);
  });
});
