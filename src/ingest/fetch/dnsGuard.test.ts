/**
 * Names judged by their DNS answer (../shared/benchmarks/ssrf/README.md, "A hostname whose DNS answer is
 * private"), with a stub resolver instead of real DNS. Every name points at server B on 127.0.0.1, which counts
 * what reaches it; B's port is allowed, so only the address check stands between a name and B.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { FetchError } from '../../domain/index.ts';
import { createFetcher } from './index.ts';
import { startServer, stubResolver, TEST_USER_AGENT, type LocalServer } from './testing/localServer.ts';

/** A public address (the historic example.com) standing in for "the answer a check sees". */
const PUBLIC_ADDRESS = '93.184.216.34';

const ANSWERS = {
  'evil.test': ['127.0.0.1'],
  'meta.test': ['169.254.169.254'],
  'v6.test': ['::1'],
  'mapped.test': ['::ffff:127.0.0.1'],
  'nat64.test': ['64:ff9b::7f00:1'],
  // Any private answer must refuse, not only the first: the socket may pick any of them.
  'mixed.test': [PUBLIC_ADDRESS, '127.0.0.1'],
  'rebind.test': (call: number) => (call === 1 ? [PUBLIC_ADDRESS] : ['127.0.0.1']),
};

let serverA: LocalServer;
let serverB: LocalServer;

before(async () => {
  serverB = await startServer((_request, response) => response.end('secret'));
  serverA = await startServer((request, response) => {
    const to = new URL(request.url ?? '/', 'http://a.test').searchParams.get('to');
    if (to) response.writeHead(302, { location: to });
    response.end(`A ${request.headers.host}`);
  });
});

after(async () => {
  await Promise.all([serverA.close(), serverB.close()]);
});

function fetcherWith(resolver = stubResolver(ANSWERS), extra: { allowPrivateHosts?: string[]; respectRobots?: boolean } = {}) {
  const fetcher = createFetcher({
    userAgent: TEST_USER_AGENT,
    lookup: resolver.lookup,
    allowedPorts: [80, 443, serverB.port, serverA.port],
    connectTimeoutMs: 2_000,
    totalTimeoutMs: 5_000,
    ...extra,
  });
  return { fetcher, resolver };
}

describe('a name that resolves to a private address', () => {
  for (const name of ['evil.test', 'meta.test', 'v6.test', 'mapped.test', 'nat64.test', 'mixed.test']) {
    test(`${name} is refused and server B sees nothing`, async () => {
      const { fetcher, resolver } = fetcherWith();
      const failure = await fetcher
        .fetch({ url: `http://${name}:${serverB.port}/feed.xml` })
        .catch((error: unknown) => error);
      assert.ok(failure instanceof FetchError, String(failure));
      assert.equal(failure.failure, 'blocked');
      assert.match(failure.message, new RegExp(`^Refused http://${name}:\\d+/feed.xml: ${name} resolves to `));
      assert.deepEqual(resolver.asked, [name]);
      assert.equal(serverB.connections, 0);
    });
  }

  test('is refused behind a redirect too', async () => {
    const { fetcher, resolver } = fetcherWith(undefined, { allowPrivateHosts: [serverA.hostPort] });
    const to = encodeURIComponent(`http://evil.test:${serverB.port}/secret`);
    await assert.rejects(fetcher.fetch({ url: `${serverA.origin}/?to=${to}` }), {
      failure: 'blocked',
      message: /evil\.test resolves to 127\.0\.0\.1, a loopback address/,
    });
    assert.deepEqual(resolver.asked, ['evil.test']);
    assert.equal(serverB.connections, 0);
  });

  test('a name that does not resolve is a network failure, not a pass', async () => {
    const { fetcher } = fetcherWith();
    await assert.rejects(fetcher.fetch({ url: 'http://nowhere.test/' }), {
      failure: 'network',
      message: /Could not resolve nowhere\.test .*ENOTFOUND/,
    });
  });
});

describe('DNS rebinding', () => {
  test('the connection goes to the checked answer, not to a second lookup', async () => {
    // rebind.test answers public first, loopback afterwards. Resolving again at connect time would reach B.
    // (robots.txt off: its own connection would do a lookup of its own.)
    const { fetcher, resolver } = fetcherWith(undefined, { respectRobots: false });
    const failure = await fetcher
      .fetch({ url: `http://rebind.test:${serverB.port}/` })
      .catch((error: unknown) => error);
    assert.deepEqual(resolver.asked, ['rebind.test'], 'one lookup for one connection');
    assert.equal(serverB.connections, 0);
    // Offline, the public address cannot be reached: the failure names the address we were pinned to.
    assert.ok(failure instanceof FetchError, String(failure));
    assert.ok(['network', 'timeout'].includes(failure.failure), failure.message);
    assert.match(failure.message, new RegExp(PUBLIC_ADDRESS.replaceAll('.', '\\.')));
  });

  test('a name answering differently per lookup is reached at its first answer, with its own Host header', async () => {
    // pinned.test is exempt (so its first answer, server A on 127.0.0.1, may be reached); a later lookup would
    // answer 127.0.0.2, where nothing listens on A's port.
    const resolver = stubResolver({ 'pinned.test': (call) => (call === 1 ? ['127.0.0.1'] : ['127.0.0.2']) });
    const { fetcher } = fetcherWith(resolver, {
      allowPrivateHosts: [`pinned.test:${serverA.port}`],
      respectRobots: false,
    });
    const response = await fetcher.fetch({ url: `http://pinned.test:${serverA.port}/page` });
    assert.equal(response.body.toString(), `A pinned.test:${serverA.port}`);
    assert.deepEqual(resolver.asked, ['pinned.test']);
  });

  test('over https the pinned connection still names the host: TLS server name from the URL', async () => {
    // A throwaway self-signed certificate for pinned.test (testdata/, never used outside tests). The fetcher
    // rightly refuses it; what matters is which name the handshake asked for.
    const testdata = new URL('./testdata/', import.meta.url);
    const serverNames: string[] = [];
    const server = createTlsServer({
      key: readFileSync(new URL('self-signed-key.pem', testdata)),
      cert: readFileSync(new URL('self-signed-cert.pem', testdata)),
      SNICallback: (name, done) => {
        serverNames.push(name);
        done(null);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const resolver = stubResolver({ 'pinned.test': ['127.0.0.1'] });
      const { fetcher } = fetcherWith(resolver, { allowPrivateHosts: [`pinned.test:${port}`], respectRobots: false });
      await assert.rejects(fetcher.fetch({ url: `https://pinned.test:${port}/` }), {
        failure: 'network',
        message: /self-signed certificate/,
      });
      assert.deepEqual(serverNames, ['pinned.test']);
      assert.deepEqual(resolver.asked, ['pinned.test']);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
