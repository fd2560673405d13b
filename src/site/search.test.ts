import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { paragraphSection } from '../domain/index.ts';
import type { Store } from '../store/index.ts';
import { registerErrorPages, sitePlugin } from './index.ts';
import { MAX_SEARCH_OFFSET } from '../store/search.ts';
import { SEARCH_PAGE_SIZE } from './routes/search.tsx';
import { insertArticle, memoryStore, minutesAfterStart, storyDraft } from './testing/store.ts';

const STORIES = 23;
let store: Store;
let app: FastifyInstance;

before(async () => {
  store = await memoryStore();
  for (let n = 1; n <= STORIES; n++) {
    await insertArticle(store, storyDraft(`Harvest report ${n}`, n % 2 ? 'Business' : 'World'), { publishedAt: minutesAfterStart(n) });
  }
  await insertArticle(
    store,
    {
      ...storyDraft('<b>Bold</b> claims & "quotes" about turbines', 'Science'),
      body: [paragraphSection(null, ['Wind turbines <script>alert(1)</script> spin & hum.'])],
    },
    { publishedAt: minutesAfterStart(100), slug: 'turbines' },
  );
  await insertArticle(store, storyDraft('Unpublished turbines draft', 'Science'), { status: 'draft' });
  app = Fastify({ logger: false });
  registerErrorPages(app, 'CRBC News');
  await app.register(sitePlugin, { store, config: { siteName: 'CRBC News', siteUrl: 'https://news.example', pageCache: true } });
});

after(async () => {
  await app?.close();
  await store?.close();
});

const get = (url: string) => app.inject({ method: 'GET', url });
const documentOf = (html: string) => new JSDOM(html).window.document;

describe('/search', () => {
  it('every page has a search box that sends a GET to /search, so it works without JavaScript', async () => {
    const doc = documentOf((await get('/')).body);
    const form = doc.querySelector('header form[role="search"]');
    assert.equal(form?.getAttribute('action'), '/search');
    assert.equal(form?.getAttribute('method'), 'get');
    assert.equal(form?.querySelector('input[name="q"]')?.id, form?.querySelector('label')?.getAttribute('for'));
  });

  it('shows ranked results with the matching words marked, and only published articles', async () => {
    const response = await get('/search?q=turbines');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['x-robots-tag'], 'noindex');
    const doc = documentOf(response.body);
    const results = [...doc.querySelectorAll('.search-result')];
    assert.equal(results.length, 1);
    assert.equal(results[0]!.querySelector('a')?.getAttribute('href'), '/science/turbines');
    const marks = [...results[0]!.querySelectorAll('mark')].map((mark) => mark.textContent?.toLowerCase());
    assert.ok(marks.length >= 2 && marks.every((mark) => mark === 'turbines'), String(marks));
    assert.equal(results[0]!.querySelector('h3 mark')?.textContent, 'turbines');
    assert.equal((doc.querySelector('#search-q') as HTMLInputElement).value, 'turbines');
    assert.match(doc.querySelector('.search-summary')!.textContent!, /1 article matches/);
  });

  it('article text and the query come back as text: the only markup in a result is <mark>', async () => {
    const response = await get(`/search?q=${encodeURIComponent('<script>alert(1)</script> turbines')}`);
    const doc = documentOf(response.body);
    assert.equal(doc.querySelectorAll('script').length, 0);
    assert.equal(doc.querySelectorAll('.search-result b').length, 0);
    const tags = new Set([...doc.querySelectorAll('.search-result *')].map((element) => element.tagName.toLowerCase()));
    assert.deepEqual([...tags].sort(), ['a', 'h3', 'mark', 'p', 'time']);
    assert.match(doc.querySelector('.search-result h3')!.textContent!, /<b>Bold<\/b> claims & "quotes"/);
  });

  it('a hyphenated name is searched as written: "Al-Asad" does not list a story of "al-Qaeda" and "General Asad"', async () => {
    const story = (headline: string, text: string) => ({ ...storyDraft(headline, 'World'), body: [paragraphSection(null, [text])] });
    await insertArticle(store, story('Last units leave Al-Asad', 'The base at Al-Asad was handed over.'), { publishedAt: minutesAfterStart(150) });
    await insertArticle(store, story('Militants captured', 'Fighters of al-Qaeda fled; General Asad spoke.'), { publishedAt: minutesAfterStart(151) });
    const listed = async (q: string) =>
      [...documentOf((await get(`/search?q=${encodeURIComponent(q)}`)).body).querySelectorAll('.search-result h3')].map((h3) => h3.textContent);
    assert.deepEqual(await listed('Al-Asad'), ['Last units leave Al-Asad']);
    assert.deepEqual(await listed('al-Qaeda'), ['Militants captured']);
    assert.deepEqual((await listed('Al Asad')).sort(), ['Last units leave Al-Asad', 'Militants captured'], 'typed apart, the words may be anywhere');
  });

  it('pages through results, keeping the query and filters in the links', async () => {
    const first = documentOf((await get('/search?q=harvest')).body);
    assert.equal(first.querySelectorAll('.search-result').length, SEARCH_PAGE_SIZE);
    const next = first.querySelector('a[rel="next"]')?.getAttribute('href');
    assert.equal(next, '/search?q=harvest&page=2');
    const last = documentOf((await get('/search?q=harvest&page=3')).body);
    assert.equal(last.querySelectorAll('.search-result').length, STORIES - 2 * SEARCH_PAGE_SIZE);
    assert.equal(last.querySelector('ol.search-results')?.getAttribute('start'), String(2 * SEARCH_PAGE_SIZE + 1));
    const filtered = documentOf((await get('/search?q=harvest&section=world&from=2026-01-01&to=2026-01-01')).body);
    assert.equal(filtered.querySelectorAll('.search-result').length, 10);
    assert.match(filtered.querySelector('a[rel="next"]')!.getAttribute('href')!, /^\/search\?q=harvest&section=world&from=2026-01-01&to=2026-01-01&page=2$/);
    assert.equal((filtered.querySelector('#search-section option[selected]') as HTMLOptionElement).value, 'world');
  });

  it('past the counted depth the page says "more than", and pages reach the last listed result and no further', async () => {
    const listed = MAX_SEARCH_OFFSET;
    for (let n = 0; n <= listed; n++) {
      await insertArticle(store, storyDraft(`Lighthouse keeper log ${n}`, 'World'), { publishedAt: minutesAfterStart(200 + n) });
    }
    const pages = listed / SEARCH_PAGE_SIZE;
    const first = documentOf((await get('/search?q=lighthouse')).body);
    assert.equal(first.querySelector('.search-summary')!.textContent, `More than ${listed} articles match “lighthouse” · page 1 of ${pages}`);
    assert.match(first.querySelector('.search-results-region')!.textContent!, new RegExp(`The best ${listed} are listed`));
    const last = documentOf((await get(`/search?q=lighthouse&page=${pages}`)).body);
    assert.equal(last.querySelectorAll('.search-result').length, SEARCH_PAGE_SIZE);
    assert.equal(last.querySelector('ol.search-results')?.getAttribute('start'), String(listed - SEARCH_PAGE_SIZE + 1));
    assert.equal(last.querySelector('a[rel="next"]'), null);
    assert.equal((await get(`/search?q=lighthouse&page=${pages + 1}`)).statusCode, 404);
    const exact = documentOf((await get('/search?q=lighthouse+keeper+log+7')).body);
    assert.match(exact.querySelector('.search-summary')!.textContent!, /^1 article matches/);
  });

  it('empty and unsearchable queries, bad dates and unknown sections get a page that says what to do', async () => {
    const blank = await get('/search');
    assert.equal(blank.statusCode, 200);
    assert.equal(documentOf(blank.body).querySelectorAll('.search-result').length, 0);
    const none = await get('/search?q=zeppelin');
    assert.match(documentOf(none.body).querySelector('.search-summary')!.textContent!, /No articles match “zeppelin”/);
    const symbols = await get(`/search?q=${encodeURIComponent('😀 ***')}`);
    assert.equal(symbols.statusCode, 200);
    assert.match(symbols.body, /Type a word or two/);
    const badDate = await get('/search?q=harvest&from=2026-02-30');
    assert.equal(badDate.statusCode, 400);
    assert.match(documentOf(badDate.body).querySelector('.search-problem')!.textContent!, /YYYY-MM-DD/);
    const badSection = await get('/search?q=harvest&section=nowhere');
    assert.equal(badSection.statusCode, 400);
    assert.match(badSection.body, /no section “nowhere”/);
    assert.equal((await get('/search?q=harvest&page=0')).statusCode, 400);
  });

  it('any query string at all gives a page, never a 500', async () => {
    const check = async (q: string) => {
      const response = await get(`/search?q=${q.startsWith('%') ? q : encodeURIComponent(q)}&section=&from=&to=`);
      assert.ok(response.statusCode === 200, `${response.statusCode} for ${JSON.stringify(q)}`);
      assert.equal(documentOf(response.body).querySelectorAll('script').length, 0);
    };
    for (const q of ['"', 'NEAR(a b)', 'a OR NOT b', '^x', 'headline:x', '\u0000', 'x'.repeat(10_240), '🏳️‍🌈', '%ED%A0%80', '%00%FF%', '%']) await check(q);
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 100 }), check), { numRuns: 100 });
  });

  it('a repeated query is answered from its cache until articles change, then searched again', async () => {
    const count = async () => documentOf((await get('/search?q=windmills')).body).querySelectorAll('.search-result').length;
    assert.equal(await count(), 0);
    await insertArticle(store, storyDraft('Windmills return to the coast', 'Science'), { publishedAt: minutesAfterStart(200) });
    assert.equal(await count(), 0, 'the cached page, until the site hears of the change');
    app.pageCache.clear();
    assert.equal(await count(), 1, 'searched again once pages are dropped');
  });
});
