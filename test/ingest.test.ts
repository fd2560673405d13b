import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { pino } from 'pino';
import { sectionParagraphs } from '../src/domain/index.ts';
import { createFetcher } from '../src/ingest/fetch/index.ts';
import { ingestDueFeeds, type IngestContext } from '../src/ingest/index.ts';
import { openJobQueue } from '../src/ingest/jobs/index.ts';
import { loadConfig } from '../src/config.ts';
import { buildServer } from '../src/server.ts';
import { openStore } from '../src/store/index.ts';
import { connectPostgres } from '../src/store/postgres.ts';
import { startNewsServer, storyHeadline, type NewsServer } from './helpers/newsServer.ts';

const PG_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://127.0.0.1:5432/test';

/** Where the run keeps articles and jobs: SQLite (store + jobs table) or PostgreSQL (store + pg-boss). */
interface Target {
  dialect: 'sqlite' | 'postgres';
  databaseUrl: string | null;
  pgSchema?: string;
  dropSchema?: () => Promise<void>;
}

const pgSchema = `newsdesk_ingest_${randomBytes(6).toString('hex')}`;
const targets: Target[] = [
  { dialect: 'sqlite', databaseUrl: null },
  {
    dialect: 'postgres',
    databaseUrl: PG_URL,
    pgSchema,
    async dropSchema() {
      const db = await connectPostgres(PG_URL, undefined);
      for (const schema of [pgSchema, `${pgSchema}_jobs`]) await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
      await db.destroy();
    },
  },
];

/**
 * The whole ingest path on real parts: a news site on loopback, the guarded fetcher (loopback allowed for
 * this one server only), the job queue, the extractor and the store, on both databases.
 */
for (const target of targets) describe(`ingest from a followed feed (${target.dialect})`, () => {
  let news: NewsServer;
  let dir: string;
  let context: IngestContext;
  let clock = new Date('2026-03-01T12:00:00Z');

  before(async () => {
    news = await startNewsServer({ storyCount: 6 });
    dir = mkdtempSync(join(tmpdir(), 'newsdesk-ingest-'));
    const sqliteFile = join(dir, 'newsdesk.db');
    const where = { databaseUrl: target.databaseUrl, sqliteFile, ...(target.pgSchema && { pgSchema: target.pgSchema }) };
    const store = await openStore(where);
    const queue = await openJobQueue(where);
    const fetcher = createFetcher({ userAgent: 'Newsdesk-test/1', allowPrivateHosts: [news.hostPort] });
    context = { store, fetcher, queue, logger: pino({ level: 'silent' }), now: () => clock };
  });

  after(async () => {
    await context.queue.close();
    await context.store.close();
    await news.close();
    await target.dropSchema?.();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = () => ingestDueFeeds(context, { concurrency: 3 });
  const later = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));

  test('every story of the feed is stored once, with provenance, credited to its source', async () => {
    const feed = await context.store.feeds.add(
      { url: `${news.origin}/feed.xml`, section: 'security', sourceName: null, publishStatus: 'published', pollIntervalSeconds: 600 },
      clock,
    );
    const report = await run();
    assert.equal(report.jobsRun, 7, 'one poll and six article fetches');

    for (let n = 1; n <= 6; n++) {
      const article = await context.store.articles.findByCanonicalUrl(`${news.origin}/story/${n}`);
      // When one is missing, say why: the failed jobs' errors (a fetch that timed out, a database refusal).
      if (!article) assert.fail(`story ${n} not stored; jobs: ${JSON.stringify((await context.queue.list({ limit: 20 })).filter((job) => job.lastError))}`);
      assert.equal(article.headline, storyHeadline(n));
      assert.equal(article.status, 'published');
      assert.equal(article.section, 'security', "the feed's section wins over the page's own label");
      assert.equal(article.byline, 'Jane Reporter');
      assert.deepEqual(article.source, {
        name: 'Loopback Gazette',
        url: `${news.origin}/story/${n}`,
        attribution: null,
        licenseName: null,
        licenseUrl: null,
      });
      assert.equal(article.provenance?.feedId, feed.id);
      assert.equal(article.sourceKey, `url:${news.origin}/story/${n}`, 'tracking parameters stripped from the key');
      assert.match(article.lede ?? '', new RegExp(`^Story ${n} paragraph 1:`));
      assert.deepEqual(article.body.map((s) => s.title), [null, 'What happens next']);
      const text = article.body.flatMap(sectionParagraphs).join(' ');
      assert.doesNotMatch(text, /Share on X|Newsletter|Sign up|©/, 'page chrome is not the article');
      assert.equal(article.hero?.caption, 'Residents at the council meeting.');
      assert.equal(article.hero?.credit, 'Sam Lens/Gazette');
      const extraction = JSON.parse((await context.store.articles.findExtraction(article.id)) ?? 'null');
      assert.equal(extraction.image.url, `${news.origin}/photos/${n}.jpg`, 'the photo address is kept for an editor');
    }

    const polled = await context.store.feeds.find(feed.id);
    assert.equal(polled?.lastStatus, 'ok');
    assert.equal(polled?.title, 'Loopback Gazette');
    assert.equal(polled?.itemsSeen, 6);
    assert.equal(polled?.nextPollAt, new Date(clock.getTime() + 600_000).toISOString());
  });

  test('an ingested story shows on the site, credited to its source with a link', async () => {
    const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', PAGE_CACHE: 'off' });
    const app = await buildServer({ config, store: context.store, logger: false });
    try {
      const article = await context.store.articles.findByCanonicalUrl(`${news.origin}/story/4`);
      const page = await app.inject(`/${article!.section}/${article!.slug}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<h1[^>]*>Council reviews plan number 4 after residents raise concerns<\/h1>/);
      assert.match(page.body, new RegExp(`Source: <a href="${news.origin}/story/4">Loopback Gazette</a>`));
      assert.match(page.body, /<h2 id="part-2">What happens next<\/h2>/);
      assert.doesNotMatch(page.body, /Share on X|Sign up for our daily briefing/);
      assert.doesNotMatch(page.body, /photos\/4\.jpg/, 'no hot-linked photo');
      // Enriched on the way in: an automatic summary, labelled as such, each sentence linked to its paragraph.
      assert.match(page.body, /chosen automatically from the article's own sentences/);
      const anchors = [...page.body.matchAll(/href="#(p-\d+)"/g)].map((m) => m[1]!);
      assert.ok(anchors.length >= 3, 'three summary sentences');
      for (const anchor of anchors) assert.match(page.body, new RegExp(`<p[^>]* id="${anchor}"`), anchor);
    } finally {
      await app.close();
    }
  });

  test('an unchanged feed costs a 304 and fetches nothing', async () => {
    later(11);
    const storyHits = news.hits.get('/story/1');
    const report = await run();
    assert.equal(report.jobsRun, 1);
    assert.equal(news.hits.get('/story/1'), storyHits);
    const [feed] = await context.store.feeds.list();
    assert.equal(feed?.lastStatus, 'not-modified');
  });

  test('a corrected story updates its article, keeping the old version as a revision', async () => {
    const before = await context.store.articles.findByCanonicalUrl(`${news.origin}/story/2`);
    news.editStory(2, 'An earlier version misnamed the river.');
    later(11);
    await run();
    const after = await context.store.articles.findByCanonicalUrl(`${news.origin}/story/2`);
    assert.equal(after?.id, before?.id);
    assert.equal(after?.slug, before?.slug);
    assert.match(after!.body.flatMap(sectionParagraphs).join(' '), /misnamed the river/);
    const revisions = await context.store.articles.revisions(after!.id);
    assert.deepEqual(
      revisions.map((revision) => revision.contentHash),
      [after?.contentHash, before?.contentHash],
      'the edit and the first version, newest first',
    );
    assert.equal(await context.store.articles.countPublished(), 6, 'no story added');
  });

  test('the same stories in a second feed are not stored again', async () => {
    news.setFeed('/again.xml', [1, 3, 5, 4]);
    await context.store.feeds.add(
      { url: `${news.origin}/again.xml`, section: null, sourceName: 'Other', publishStatus: 'draft', pollIntervalSeconds: 600 },
      clock,
    );
    const report = await run();
    assert.equal(report.jobsRun, 1, 'the poll finds every story already stored');
    assert.equal(await context.store.articles.countPublished(), 6);
  });

  test('a failing feed says why, keeps its stories, and backs off as long as Retry-After asks', async () => {
    news.failPath('/feed.xml', 503, 7200);
    later(11);
    await run();
    const feed = await context.store.feeds.findByUrl(`${news.origin}/feed.xml`);
    assert.equal(feed?.lastStatus, 'error');
    assert.equal(feed?.errorStreak, 1);
    assert.match(feed?.lastError ?? '', /503/);
    assert.equal(feed?.nextPollAt, new Date(clock.getTime() + 7_200_000).toISOString());
    assert.equal(await context.store.articles.countPublished(), 6);
    news.failPath('/feed.xml', null);
  });
});
