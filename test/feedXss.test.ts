/**
 * Our feeds carry text to feed readers as text. Every XSS payload of the shared corpora (DOMPurify's fixtures
 * and the HTML5 Security Cheatsheet) is imported through each real import path, in every text field the path
 * has:
 *
 *   - a page-text file (the seed's form): headline, byline, photo caption (the photo's alt text too);
 *   - a fetched HTML page: headline (og:title, <h1>), dek, byline, the source name (og:site_name, or the title of
 *     the feed that listed the page, as our feed reader read it), the lead photo's alt text, caption and credit;
 *   - a Wikinews record (the demo's form): headline, photo caption and credit.
 *
 * Then every feed the site serves for them — home, each section, author, source, topic and story, as RSS, Atom
 * and JSON Feed — is read the way a reader built on feedparser reads it (src/site/syndication/testing/
 * feed_text_check.py): it must never raise or complain, type no text field as HTML, find no markup in a text
 * field and nothing that runs in an HTML one. And no slug stored for an article, its author or its source may
 * be made of markup words.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import Fastify, { type FastifyInstance } from 'fastify';
import { JSDOM } from 'jsdom';
import { sqliteFileOf } from '../src/config.ts';
import { ExtractError } from '../src/domain/index.ts';
import { parsePageText } from '../src/extract/index.ts';
import { extractArticle } from '../src/extract/html/index.ts';
import { importArticle } from '../src/ingest/index.ts';
import { parseFeed } from '../src/ingest/feeds/index.ts';
import { ingestPage } from '../src/ingest/pages/ingestPage.ts';
import { draftFromWikinews } from '../src/ingest/wikinews.ts';
import { FEED_LENGTH } from '../src/site/routes/feeds.ts';
import { registerErrorPages, sitePlugin } from '../src/site/index.ts';
import { FEED_FORMATS } from '../src/site/syndication/feedModel.ts';
import { checkFeedText } from '../src/site/syndication/testing/realClients.ts';
import { openStore, type Store } from '../src/store/index.ts';

const CORPORA = ['payloads.json', 'h5sc.json'].map((file) =>
  fileURLToPath(new URL(`../../shared/benchmarks/xss/${file}`, import.meta.url)),
);
const SITE_URL = 'https://news.example';
const PAGE_HOST = 'https://pages.example';

/**
 * Words markup is made of: names of elements, attributes and declarations the corpora use to run script. In a
 * slug, one means markup was read as text, unless a browser shows that word as text of the payload (the
 * cheatsheet's "latest NoScript", or a UTF-7 trick that is only text in UTF-8).
 */
const MARKUP_WORDS = new Set([
  'script', 'noscript', 'img', 'svg', 'iframe', 'frameset', 'onerror', 'onload', 'onclick', 'onmouseover',
  'onfocus', 'onbegin', 'ontoggle', 'onpageshow', 'srcdoc', 'xlink', 'href', 'src', 'xmlns', 'doctype', 'cdata',
  'attlist', 'stylesheet', 'formaction', 'math', 'embed', 'applet',
]);

/** Elements whose text a browser does not show: their words are code or markup, not text of the payload. */
const NOT_SHOWN = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TITLE', 'TEXTAREA', 'XMP', 'IFRAME', 'NOEMBED', 'NOFRAMES']);

/** The words a browser (jsdom's spec parser) shows as the text of a payload, split as a slug splits them. */
function shownWords(payload: string): Set<string> {
  const text: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) text.push(node.nodeValue ?? '');
    if (node.nodeType === 1 && NOT_SHOWN.has((node as Element).tagName.toUpperCase())) return;
    node.childNodes.forEach(walk);
  };
  walk(JSDOM.fragment(payload));
  return new Set(text.join(' ').normalize('NFKD').toLowerCase().split(/[^a-z0-9]+/));
}

/** A headline is one line: payloads are cut to this, which leaves a cut payload just as hostile. */
const MAX_HEADLINE_PAYLOAD = 200;
/** A byline line is short (the page-text reader takes at most 100 characters after "By "). */
const MAX_BYLINE_PAYLOAD = 80;

interface Payload {
  id: string;
  payload: string;
}

const payloads = CORPORA.flatMap((file) => JSON.parse(readFileSync(file, 'utf8')) as Payload[]);

/** Enough sections that each holds at most a feed's length of articles, so every article is in some feed. */
const SECTIONS = Array.from({ length: Math.ceil((payloads.length * 3) / FEED_LENGTH) }, (_, n) => `Batch ${n + 1}`);
const sectionOf = (article: number): string => SECTIONS[Math.floor(article / FEED_LENGTH)]!;

let dataDir: string;
let store: Store;
let app: FastifyInstance;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-feed-xss-'));
  store = await openStore({ databaseUrl: null, sqliteFile: sqliteFileOf({ dataDir }) });
  app = Fastify({ logger: false });
  registerErrorPages(app, 'CRBC News');
  await app.register(sitePlugin, { store, config: { siteName: 'CRBC News', siteUrl: SITE_URL, pageCache: false, feedContent: 'full' } });
});

after(async () => {
  await app?.close();
  await store?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** One line of a payload, as a line-based page has it. */
function oneLine(payload: string): string {
  return payload.replace(/[\r\n]+/g, ' ').trim();
}

/** A seed-shaped page: headline repeated over a captioned photo, a byline, a summary, a lede and more text. */
function pageText({ id, payload }: Payload, article: number): string {
  const line = oneLine(payload);
  const headline = `Breaking ${id} ${line.slice(0, MAX_HEADLINE_PAYLOAD)}`;
  return [
    'CRBC News',
    sectionOf(article),
    '',
    headline,
    '',
    headline,
    `A photo ${line} - Nasser Nasser/AP`,
    `By Jane ${line.slice(0, MAX_BYLINE_PAYLOAD)}`,
    '',
    `Summary of ${id}.`,
    '',
    sentences(article, 3),
    '',
    sentences(article + 5, 3),
  ].join('\n');
}

/** Words for body text: each page gets its own sentences, so no page reads as a copy of another. */
const WORDS = (
  'council budget river harbour school bridge festival election rail museum forecast farmers minister court ' +
  'hospital library stadium tariff drought vaccine ferry airport mayor union strike treaty summit census ' +
  'wildfire orchestra satellite pipeline reservoir senate parliament market harvest border tunnel highway'
).split(' ');

function sentences(seed: number, count: number): string {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) % WORDS.length;
  return Array.from({ length: count }, () => {
    const words = Array.from({ length: 14 }, () => WORDS[next()]!);
    return `The ${words.join(' ')}.`;
  }).join(' ');
}

const attribute = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** A news page with the payload in its metadata (as text, escaped) and in its markup (as written). */
function htmlPage({ id, payload }: Payload, article: number, withSiteName: boolean): string {
  const headline = `Breaking ${id} ${payload.slice(0, MAX_HEADLINE_PAYLOAD)}`;
  const photo = `${PAGE_HOST}/photos/${id}.jpg`;
  const paragraphs = [0, 1, 2, 3].map((n) => `<p>${sentences(article * 4 + n + 1, 4)}</p>`).join('\n');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>${attribute(headline)}</title>
<meta property="og:title" content="${attribute(headline)}">
<meta name="description" content="${attribute(`Dek ${id} ${payload}`)}">
<meta name="author" content="${attribute(`Jane ${payload.slice(0, MAX_BYLINE_PAYLOAD)}`)}">
${withSiteName ? `<meta property="og:site_name" content="${attribute(`Site ${payload}`)}">` : ''}
<meta property="og:image" content="${photo}">
</head><body><article>
<h1>Breaking ${id} ${payload}</h1>
<figure><img src="${photo}" width="800" height="600" alt="${attribute(`Alt ${payload}`)}">
<figcaption>A photo ${payload} <span class="credit">Credit ${payload}</span></figcaption></figure>
${paragraphs}
</article></body></html>`;
}

/** An RSS feed whose channel title is the payload: the name a page it lists is credited to, once we follow it. */
function listingFeed(payload: string): string {
  const escaped = payload.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire ${escaped}</title><link>${PAGE_HOST}/</link>
<description>d</description></channel></rss>`;
}

/** Each import answers whether it stored an article (refusing hostile input clearly is allowed). */
async function importPageText(entry: Payload, article: number): Promise<boolean> {
  let draft;
  try {
    draft = parsePageText(pageText(entry, article), { knownSections: SECTIONS });
  } catch (error) {
    // A clear refusal is a fine answer to hostile input; anything else is a bug.
    assert.ok(error instanceof ExtractError, `${entry.id}: ${String(error)}`);
    return false;
  }
  const { outcome } = await importArticle(store, draft, { sourceKey: `page:${entry.id}` });
  return outcome === 'created';
}

async function importHtmlPage(entry: Payload, article: number): Promise<boolean> {
  const url = `${PAGE_HOST}/news/${entry.id}`;
  // Half the pages name their site; the rest are credited to the listing feed's title.
  const withSiteName = article % 2 === 0;
  let feed = null;
  if (!withSiteName) {
    const added = await store.feeds.add(
      { url: `${PAGE_HOST}/feeds/${entry.id}.xml`, section: null, sourceName: null, publishStatus: 'published', pollIntervalSeconds: 900 },
      new Date(),
    );
    const parsed = parseFeed(listingFeed(entry.payload), { url: added.url, contentType: 'application/rss+xml' });
    const poll = { status: 'ok', title: parsed.title, siteUrl: parsed.link, etag: null, lastModified: null, itemsSeen: 0 } as const;
    feed = await store.feeds.recordPoll(added.id, { ...poll, nextPollAt: new Date().toISOString() }, new Date());
  }
  try {
    const { outcome } = await ingestPage(store, {
      url,
      html: htmlPage(entry, article, withSiteName),
      fetchedAt: new Date().toISOString(),
      feed,
      sectionName: sectionOf(article),
      status: 'published',
    });
    return outcome === 'created';
  } catch (error) {
    assert.ok(error instanceof ExtractError, `${entry.id}: ${String(error)}`);
    return false;
  }
}

async function importWikinews({ id, payload }: Payload, article: number): Promise<boolean> {
  const record = {
    id: `xss-${id}`,
    title: `Breaking ${id} ${oneLine(payload).slice(0, MAX_HEADLINE_PAYLOAD)}`,
    url: `https://en.wikinews.org/wiki/Xss_${id}`,
    publishedAt: '2024-05-01',
    section: sectionOf(article),
    text: `${sentences(article, 3)}\n\n${sentences(article + 7, 3)}`,
    imageCaption: `A photo ${payload}`,
    imageCredit: `Credit ${payload}`,
    license: 'CC BY 2.5',
    licenseUrl: 'https://creativecommons.org/licenses/by/2.5/',
    attribution: 'From Wikinews',
  };
  const { outcome } = await importArticle(store, draftFromWikinews(record), { sourceKey: record.url });
  return outcome === 'created';
}

/** Reads the store's database file directly, for what no repository lists: every slug, author, topic and story. */
function readDatabase<T>(read: (db: Database.Database) => T): T {
  const db = new Database(sqliteFileOf({ dataDir }), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Every feed path the site has for what is stored: home, sections, authors, sources, topics and stories. */
function feedPages(): string[] {
  return readDatabase((db) => {
    const column = (query: string) => (db.prepare(query).pluck().all() as string[]).filter(Boolean);
    return [
      '',
      ...column('select slug from sections').map((slug) => `/${slug}`),
      ...column("select distinct byline_slug from articles where status = 'published'").map((slug) => `/author/${slug}`),
      ...column("select distinct source_slug from articles where status = 'published'").map((slug) => `/source/${slug}`),
      ...column('select distinct entity_slug from article_entities').map((slug) => `/topic/${slug}`),
      ...column('select distinct story_id from article_enrichments where story_id is not null').map((id) => `/story/${id}`),
    ];
  });
}

function publishedCount(): number {
  return readDatabase((db) => db.prepare("select count(*) from articles where status = 'published'").pluck().get() as number);
}

/** Each article's stored slugs (its own, its author's, its source's) with the payload it was imported with. */
function storedSlugs(): { id: string; slugs: string[] }[] {
  return readDatabase((db) => {
    const rows = db.prepare('select source_key, slug, byline_slug, source_slug from articles').all() as Record<string, string | null>[];
    return rows.map(({ source_key: key, ...slugs }) => ({
      id: PAYLOAD_ID.exec(key!)![0],
      slugs: Object.values(slugs).filter((slug): slug is string => slug !== null),
    }));
  });
}

/** Every import's source key names its payload: page:h5sc-001, …/news/h5sc-001, …/wiki/Xss_h5sc-001. */
const PAYLOAD_ID = /(?:dompurify|h5sc)-\d+/;

test('the hostile pages put a payload in every text field of each import path', () => {
  const marker = { id: 'marker-1', payload: 'Quokka' };
  const fromPage = parsePageText(pageText(marker, 0), { knownSections: SECTIONS });
  assert.deepEqual(
    [fromPage.headline, fromPage.byline, fromPage.hero?.caption, fromPage.sectionName],
    ['Breaking marker-1 Quokka', 'Jane Quokka', 'A photo Quokka', SECTIONS[0]],
  );
  const fromHtml = extractArticle(htmlPage(marker, 0, true), { url: `${PAGE_HOST}/news/marker-1` });
  const htmlFields = [fromHtml.headline, fromHtml.dek, fromHtml.byline, fromHtml.siteName, fromHtml.image?.alt, fromHtml.image?.caption, fromHtml.image?.credit];
  assert.ok(htmlFields.every((field) => field?.includes('Quokka')), JSON.stringify(htmlFields));
  assert.equal(parseFeed(listingFeed(marker.payload), { url: `${PAGE_HOST}/feed.xml`, contentType: 'application/rss+xml' }).title, 'Wire Quokka');
});

test('every XSS payload imported into text fields reaches every feed as text, and no slug is made of markup', async () => {
  assert.ok(payloads.length > 350, `both corpora read (${payloads.length})`);
  const stored = { html: 0, pageText: 0, wikinews: 0 };
  for (const [index, entry] of payloads.entries()) {
    if (await importHtmlPage(entry, index)) stored.html++;
    if (await importPageText(entry, payloads.length + index)) stored.pageText++;
    if (await importWikinews(entry, 2 * payloads.length + index)) stored.wikinews++;
  }
  for (const [path, count] of Object.entries(stored)) {
    assert.ok(count > payloads.length * 0.9, `most payloads are stored by the ${path} path (${count})`);
  }
  const published = publishedCount();
  assert.ok(published > payloads.length * 2.7, `and published, so their feeds carry them (${published})`);

  const documents: { file: string; contentType: string; url: string }[] = [];
  for (const page of feedPages()) {
    for (const format of FEED_FORMATS) {
      const url = `${page}/${format.file}`;
      const response = await app.inject(url);
      // A topic or story whose articles all went elsewhere has no feed; anything else must be served.
      if (response.statusCode === 404 && /^\/(?:topic|story)\//.test(page)) continue;
      assert.equal(response.statusCode, 200, `${url}: ${response.body.slice(0, 200)}`);
      const file = join(dataDir, `feed-${documents.length}.${format.format}`);
      writeFileSync(file, response.body);
      documents.push({ file, contentType: format.contentType, url });
    }
  }
  const urls = new Map(documents.map((document) => [document.file, document.url]));
  const problems = checkFeedText(documents).flatMap((report) => report.problems.map((problem) => `${urls.get(report.file)}: ${problem}`));
  assert.deepEqual(problems.slice(0, 40), [], `${problems.length} problems in ${documents.length} feeds`);

  const payloadById = new Map(payloads.map((entry) => [entry.id, entry.payload]));
  const markupSlugs = storedSlugs().flatMap(({ id, slugs }) => {
    const shown = shownWords(payloadById.get(id)!);
    return slugs.filter((slug) => slug.split('-').some((word) => MARKUP_WORDS.has(word) && !shown.has(word))).map((slug) => `${id}: ${slug}`);
  });
  assert.deepEqual(markupSlugs.slice(0, 40), [], `${markupSlugs.length} slugs made of markup`);
});
