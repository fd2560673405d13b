import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { articlePath, NotFoundError } from '../../domain/index.ts';
import type { SitemapListingKind, SitemapPage, Store } from '../../store/index.ts';
import { pageCacheKey, sendPage, type PageCache } from '../pageCache.ts';
import { prepareDocument } from '../syndication/prepareDocument.ts';
import { robotsTxt } from '../syndication/robotsTxt.ts';
import {
  MAX_NEWS_URLS,
  MAX_URLS_PER_SITEMAP,
  newsSitemapXml,
  sitemapIndexXml,
  urlsetXml,
  type SitemapUrl,
} from '../syndication/sitemapXml.ts';
import { archiveDayPath, archiveMonthPath, authorPath, sourcePath } from '../views/archivePaths.ts';
import { storyPath } from '../views/MoreOnThisStory.tsx';
import { topicPath } from '../views/TopicPage.tsx';
import type { SiteInfo } from '../views/types.ts';

export interface SitemapRoutesOptions {
  store: Store;
  site: SiteInfo;
  /**
   * The documents' own cache, kept SITEMAP_TTL_MS and not emptied when an article is stored (the site's page
   * cache is): a sitemap is a few whole-archive aggregates (about a second at 100,000 articles on SQLite, which
   * reads synchronously), and shared caches are told to keep it five minutes anyway.
   */
  cache: PageCache;
  /** URLs per numbered sitemap (articles, topics, …): the protocol's 50,000 unless a test wants pages of a few. */
  pageSize?: number;
  /** The clock, for tests: the news sitemap lists what was published in the 48 hours before it. */
  now?: () => Date;
}

/** Google News takes articles from the last two days only. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;
/** Crawlers come back on their own schedule; five minutes of reuse spares repeat fetches and delays no story much. */
export const SITEMAP_TTL_MS = 5 * 60 * 1000;
const SITEMAP_CACHE_CONTROL = `public, max-age=${SITEMAP_TTL_MS / 1000}`;
const XML = 'application/xml; charset=utf-8';
const LANGUAGE = 'en';

/**
 * The list pages beside articles, each kind in its own numbered sitemaps (<file>-1.xml, …), in the index after
 * the article sitemaps in this order. Each lists page 1 of a list only: its later pages are reached from it.
 */
const LISTINGS: readonly { kind: SitemapListingKind; file: string; path: (key: string) => string }[] = [
  { kind: 'topic', file: 'topics', path: topicPath },
  { kind: 'story', file: 'stories', path: storyPath },
  { kind: 'author', file: 'authors', path: (slug) => authorPath(slug) },
  { kind: 'source', file: 'sources', path: (slug) => sourcePath(slug) },
  { kind: 'day', file: 'archive-days', path: (day) => archiveDayPath(day) },
  { kind: 'month', file: 'archive-months', path: archiveMonthPath },
];
const ARTICLES_FILE = 'articles';
/** "<file>-<n>.xml" for a page n from 1: no leading zero, so each page has one address. */
const NUMBERED_SITEMAP = /^([a-z-]+)-([1-9][0-9]{0,8})\.xml$/;

/**
 * /robots.txt → /sitemap.xml (the index) → /sitemaps/pages.xml (home and section fronts), /sitemaps/news.xml
 * (Google News, last 48 hours), /sitemaps/articles-<n>.xml (every published article, in id order) and the
 * list pages' sitemaps (topics-<n>.xml, stories-, authors-, sources-, archive-days- and archive-months-), each
 * URL with its lastmod. Documents share the ETag/304 handling with pages.
 */
export const sitemapRoutes: FastifyPluginAsync<SitemapRoutesOptions> = async (
  app,
  { store, site, cache, pageSize = MAX_URLS_PER_SITEMAP, now = () => new Date() },
) => {
  if (pageSize > MAX_URLS_PER_SITEMAP) throw new Error(`a sitemap may list at most ${MAX_URLS_PER_SITEMAP} URLs`);
  if (cache.enabled) {
    app.addHook('onRequest', (request, reply, done) => {
      const document = request.method === 'GET' ? cache.get(pageCacheKey(request)) : undefined;
      if (!document) return done();
      sendPage(request, reply, document);
    });
  }

  const respond = (request: FastifyRequest, reply: FastifyReply, text: string, contentType = XML) => {
    const document = prepareDocument(text, contentType, SITEMAP_CACHE_CONTROL);
    cache.set(pageCacheKey(request), document);
    return sendPage(request, reply, document);
  };
  const absolute = (path: string) => `${site.url}${path}`;

  /** Published in the news window, newest first, at most Google's limit. */
  const recentArticles = async () => {
    const since = new Date(now().getTime() - NEWS_WINDOW_MS).toISOString();
    const newest = await store.articles.listHeadlines({ limit: MAX_NEWS_URLS, offset: 0 });
    return newest.filter((article) => article.publishedAt >= since);
  };

  app.get('/robots.txt', (request, reply) => respond(request, reply, robotsTxt(site.url), 'text/plain; charset=utf-8'));

  app.get('/sitemap.xml', async (request, reply) => {
    const [pages, latest, recent] = await Promise.all([
      store.sitemaps.pages(pageSize),
      store.articles.listPublished({ limit: 1, offset: 0 }),
      recentArticles(),
    ]);
    const sitemaps: SitemapUrl[] = [{ loc: absolute('/sitemaps/pages.xml'), lastmod: latest[0]?.publishedAt ?? null }];
    // The news sitemap is listed only while it has articles: a urlset must hold at least one URL.
    if (recent.length) sitemaps.push({ loc: absolute('/sitemaps/news.xml'), lastmod: recent[0]!.publishedAt });
    const numbered = (file: string, filled: readonly SitemapPage[]) =>
      filled.map((page) => ({ loc: absolute(`/sitemaps/${file}-${page.page}.xml`), lastmod: page.lastModified }));
    sitemaps.push(...numbered(ARTICLES_FILE, pages.article));
    for (const { kind, file } of LISTINGS) sitemaps.push(...numbered(file, pages[kind]));
    return respond(request, reply, sitemapIndexXml(sitemaps));
  });

  // Home and section fronts, each last modified when its newest story was published.
  app.get('/sitemaps/pages.xml', async (request, reply) => {
    const [sections, newestBySection] = await Promise.all([
      store.sections.list({ onlyWithArticles: true }),
      store.articles.latestPerSection(1),
    ]);
    const newestOf = (slug: string) => newestBySection.get(slug)?.[0]?.publishedAt ?? null;
    const newestAnywhere = [...newestBySection.values()].map((cards) => cards[0]?.publishedAt ?? '').sort().at(-1) || null;
    const urls: SitemapUrl[] = [
      { loc: absolute('/'), lastmod: newestAnywhere },
      ...sections.map((section) => ({ loc: absolute(`/${section.slug}`), lastmod: newestOf(section.slug) })),
    ];
    return respond(request, reply, urlsetXml(urls));
  });

  app.get('/sitemaps/news.xml', async (request, reply) => {
    const recent = await recentArticles();
    if (recent.length === 0) throw new NotFoundError('nothing was published in the last 48 hours');
    const articles = recent.map((article) => ({
      loc: absolute(articlePath(article)),
      title: article.headline,
      publishedAt: article.publishedAt,
    }));
    return respond(request, reply, newsSitemapXml({ name: site.name, language: LANGUAGE }, articles));
  });

  /** The URLs on page `page` of the sitemaps named `name`; none when there is no such page. */
  const numberedUrls = async (name: string, page: number): Promise<SitemapUrl[]> => {
    if (name === ARTICLES_FILE) {
      const articles = await store.sitemaps.articles(page, pageSize);
      return articles.map((article) => ({ loc: absolute(articlePath(article)), lastmod: article.updatedAt }));
    }
    const listing = LISTINGS.find(({ file }) => file === name);
    if (!listing) return [];
    const listed = await store.sitemaps.listings(listing.kind, page, pageSize);
    return listed.map(({ key, lastModified }) => ({ loc: absolute(listing.path(key)), lastmod: lastModified }));
  };

  app.get('/sitemaps/:file', async (request, reply) => {
    const { file } = request.params as { file: string };
    const [, name = '', number] = NUMBERED_SITEMAP.exec(file) ?? [];
    const urls = number ? await numberedUrls(name, Number(number)) : [];
    if (urls.length === 0) throw new NotFoundError(`no sitemap "${file}"`);
    return respond(request, reply, urlsetXml(urls));
  });
};
