/**
 * Whole ingest pipeline, articles per second: a feed of stories on a loopback news site, polled, each page
 * fetched through the guarded fetcher, extracted, and stored through the job queue (SQLite), against a naive
 * pipeline measured in the same run on the same pages: global fetch → Readability on jsdom → one INSERT each,
 * with the same number of requests in flight.
 */
import { Readability } from '@mozilla/readability';
import BetterSqlite3 from 'better-sqlite3';
import { JSDOM, VirtualConsole } from 'jsdom';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pino } from 'pino';
import { createFetcher } from '../src/ingest/fetch/index.ts';
import { ingestDueFeeds } from '../src/ingest/index.ts';
import { openJobQueue } from '../src/ingest/jobs/index.ts';
import { openStore } from '../src/store/index.ts';
import { startNewsServer, type NewsServer } from '../test/helpers/newsServer.ts';

const STORIES = 500;
/** Requests in flight, for both pipelines: INGEST_CONCURRENCY's default. */
const CONCURRENCY = 4;
const AIM_ARTICLES_PER_SECOND = 100;

export async function benchIngest(): Promise<void> {
  const news = await startNewsServer({ storyCount: STORIES });
  try {
    const ours = await ourPipeline(news);
    const naive = await naivePipeline(news);
    console.log(`\nIngest pipeline: ${STORIES} stories from a loopback feed, ${CONCURRENCY} in flight, SQLite`);
    console.log('pipeline'.padEnd(52), 'articles/s'.padStart(11), 'vs naive'.padStart(9));
    console.log('naive: fetch → Readability on jsdom → INSERT'.padEnd(52), naive.toFixed(0).padStart(11), '1.00×'.padStart(9));
    console.log(
      'newsdesk: poll → guarded fetch → extract → store (jobs)'.padEnd(52),
      ours.toFixed(0).padStart(11),
      `${(ours / naive).toFixed(2)}×`.padStart(9),
    );
    console.log(`aim: ≥ ${AIM_ARTICLES_PER_SECOND} articles/s on this machine`);
  } finally {
    await news.close();
  }
}

async function ourPipeline(news: NewsServer): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-ingest-'));
  const sqliteFile = join(dir, 'newsdesk.db');
  const store = await openStore({ databaseUrl: null, sqliteFile });
  const queue = await openJobQueue({ databaseUrl: null, sqliteFile });
  try {
    const fetcher = createFetcher({ userAgent: 'Newsdesk-bench/1', allowPrivateHosts: [news.hostPort] });
    const context = { store, fetcher, queue, logger: pino({ level: 'silent' }) };
    await store.feeds.add(
      { url: `${news.origin}/feed.xml`, section: null, sourceName: null, publishStatus: 'published', pollIntervalSeconds: 3600 },
      new Date(),
    );
    const started = performance.now();
    await ingestDueFeeds(context, { concurrency: CONCURRENCY });
    const seconds = (performance.now() - started) / 1000;
    const stored = await store.articles.countPublished();
    if (stored !== STORIES) throw new Error(`expected ${STORIES} articles, stored ${stored}`);
    return stored / seconds;
  } finally {
    await queue.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function naivePipeline(news: NewsServer): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-naive-'));
  const db = new BetterSqlite3(join(dir, 'naive.db'));
  db.pragma('journal_mode = WAL');
  db.exec('create table articles (url text primary key, title text, content text)');
  const insert = db.prepare('insert or replace into articles (url, title, content) values (?, ?, ?)');
  const urls = Array.from({ length: STORIES }, (_, i) => `${news.origin}/story/${i + 1}`);
  try {
    const started = performance.now();
    await fetch(`${news.origin}/feed.xml`).then((r) => r.text());
    let next = 0;
    const worker = async () => {
      while (next < urls.length) {
        const url = urls[next++]!;
        const html = await (await fetch(url)).text();
        const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
        const article = new Readability(dom.window.document).parse();
        insert.run(url, article?.title ?? '', article?.content ?? '');
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return urls.length / ((performance.now() - started) / 1000);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchIngest();
