/**
 * Trending end to end: view beacons from article pages are counted (not bots, not pages fetched without their
 * script, not repeats), and the most read story leads the Trending lists of home, section fronts and articles;
 * with Redis, views counted by one process show in another's lists.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { articlePath, type Article } from '../src/domain/index.ts';
import { loadConfig } from '../src/config.ts';
import { buildServer } from '../src/server.ts';
import { startDemoSite, type RunningSite } from './helpers/site.ts';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0';

let site: RunningSite;
let target: Article;
before(async () => {
  site = await startDemoSite({ PAGE_CACHE: 'off' });
  // An old story nobody would list as newest: only reading can put it first.
  const [oldest] = await site.store.articles.listHeadlines({ limit: 1, offset: 300 });
  target = (await site.store.articles.findById(oldest!.id))!;
});
after(() => site.close());

function beacon(url: string, id: number, headers: Record<string, string>) {
  return fetch(`${url}/v/${id}`, { method: 'POST', headers });
}

function firstTrending(html: string): string | undefined {
  const list = /<section class="trending"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
  return /<a href="([^"]+)"/.exec(list)?.[1];
}

describe('trending from view beacons', () => {
  test('the article page carries the beacon script; the script is served', async () => {
    const page = await (await fetch(`${site.url}${articlePath(target)}`)).text();
    assert.match(page, new RegExp(`<script src="/assets/beacon.js" data-beacon="/v/${target.id}" defer></script>`));
    const script = await fetch(`${site.url}/assets/beacon.js`);
    assert.equal(script.status, 200);
    assert.match(script.headers.get('content-type') ?? '', /javascript/);
    assert.match(await script.text(), /sendBeacon/);
  });

  test('bots, hits without our origin and repeats do not count; readers do, and lead the lists', async () => {
    const origin = { origin: site.url };
    for (const headers of [
      { ...origin, 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' },
      { 'user-agent': BROWSER }, // no Origin: not sent by our page's script
      { origin: 'https://elsewhere.example', 'user-agent': BROWSER },
    ]) {
      assert.equal((await beacon(site.url, target.id, headers)).status, 204);
    }
    await site.trending.flush();
    site.trending.invalidate();
    assert.notEqual(firstTrending(await (await fetch(`${site.url}/`)).text()), articlePath(target), 'nothing counted yet');

    for (const agent of [BROWSER, `${BROWSER} reader-2`, `${BROWSER} reader-3`, BROWSER]) {
      assert.equal((await beacon(site.url, target.id, { ...origin, 'user-agent': agent })).status, 204);
    }
    await site.trending.flush();
    site.trending.invalidate();
    for (const path of ['/', `/${target.section === 'world' ? 'politics' : 'world'}`]) {
      assert.equal(firstTrending(await (await fetch(`${site.url}${path}`)).text()), articlePath(target), `Trending on ${path}`);
    }
    const other = (await site.store.articles.listHeadlines({ limit: 1, offset: 0 }))[0]!;
    assert.equal(firstTrending(await (await fetch(`${site.url}${articlePath(other)}`)).text()), articlePath(target), 'Trending under another article');
  });

  test('a malformed beacon is a 404, not a count', async () => {
    assert.equal((await beacon(site.url, 0, { origin: site.url, 'user-agent': BROWSER })).status, 404);
    assert.equal((await fetch(`${site.url}/v/abc`, { method: 'POST', headers: { origin: site.url } })).status, 404);
  });
});

describe('trending across processes, through Redis', () => {
  test('views counted by one process lead the lists another serves', async () => {
    const redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
    const config = loadConfig({
      DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent', PAGE_CACHE: 'off', REDIS_URL: redisUrl,
      // A prefix of this run's own: other runs' counts in the same Redis do not mix in.
      REDIS_PREFIX: `newsdesk-test-${randomBytes(4).toString('hex')}`,
    });
    // Two web processes of one site: same database, same Redis.
    const [first, second] = await Promise.all([0, 1].map(() => buildServer({ config, store: site.store, logger: false })));
    try {
      const agent = BROWSER;
      const counted = await first!.inject({ method: 'POST', url: `/v/${target.id}`, headers: { origin: config.siteUrl, 'user-agent': agent } });
      assert.equal(counted.statusCode, 204);
      await first!.trending.flush();
      const home = await second!.inject('/');
      assert.equal(firstTrending(home.body), articlePath(target));
    } finally {
      await Promise.all([first!.close(), second!.close()]);
    }
  });
});
