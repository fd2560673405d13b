import type { FastifyPluginAsync } from 'fastify';
import { NotFoundError, ValidationError } from '../../domain/index.ts';
import type { SearchResults, Store } from '../../store/index.ts';
import { MAX_SEARCH_OFFSET } from '../../store/search.ts';
import { MAX_QUERY_CHARS } from '../../store/searchQuery.ts';
import { createHash } from 'node:crypto';
import { preparePage, sendPage, type PageCache, type PreparedPage } from '../pageCache.ts';
import { renderDocument } from '../render.ts';
import { SEARCH_PATH } from '../views/SearchBox.tsx';
import { SearchPage, type SearchForm } from '../views/SearchPage.tsx';
import type { SiteInfo } from '../views/types.ts';

export interface SearchRoutesOptions {
  store: Store;
  site: SiteInfo;
  /**
   * Result pages by query, emptied with the page cache whenever an article is stored. Readers search for the
   * same few things when a story breaks; each search cuts passages from ten long texts (about 3 ms on SQLite,
   * all of it on the event loop), which a repeat need not do again.
   */
  cache: PageCache;
}

/** Results on a page: enough to scan, few enough that each passage is cut for a reason. */
export const SEARCH_PAGE_SIZE = 10;
/** The deepest page the store ranks (see MAX_SEARCH_OFFSET); a deeper one is past the end, 404 before searching. */
const MAX_SEARCH_PAGE = Math.floor(MAX_SEARCH_OFFSET / SEARCH_PAGE_SIZE);
/**
 * Results change only when articles are published or edited: a minute in browsers and shared caches. Each
 * query has its own URL, so results keep a cache of their own (the page cache keys pages by path and page).
 */
const SEARCH_CACHE_CONTROL = 'public, max-age=60';
/** Result pages kept per process: the queries of the moment, not every query ever asked. */
export const SEARCH_CACHE_ENTRIES = 500;
/** Pages for one reader's request, never for a search engine's index. */
const NOT_FOR_INDEXING = { 'x-robots-tag': 'noindex' };

const NAV_QUERY = { onlyWithArticles: true } as const;

/** The page with its own caching rule in place of the site's default for pages. */
function withCacheControl(page: PreparedPage, cacheControl: string): PreparedPage {
  return {
    ...page,
    headers: { ...page.headers, 'cache-control': cacheControl },
    notModifiedHeaders: { ...page.notModifiedHeaders, 'cache-control': cacheControl },
  };
}

/** A query's cache key: its whole address, hashed so that a pasted essay costs the cache no more than a word. */
function resultsKey(url: string): string {
  return createHash('sha256').update(url).digest('base64url');
}

/** Control characters (bar tab and newline) and unpaired surrogates: not text a page can show back. */
const UNSHOWABLE = /[\u0000-\u0008\u000b-\u001f\u007f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A field as the page may show it back: unshowable characters dropped, a pasted essay cut. */
function showable(value: string | undefined): string {
  return (value ?? '').replace(UNSHOWABLE, '').slice(0, MAX_QUERY_CHARS);
}

/**
 * /search?q=…&section=…&from=…&to=…&page=N. Any query gives a page: results, a notice saying what was left out
 * or that there was nothing to search, or (400) what is wrong with a date or section. Never a 500 for input.
 */
export const searchRoutes: FastifyPluginAsync<SearchRoutesOptions> = async (app, { store, site, cache }) => {
  app.get(
    SEARCH_PATH,
    {
      schema: {
        querystring: {
          type: 'object',
          properties: {
            q: { type: 'string' },
            section: { type: 'string' },
            from: { type: 'string' },
            to: { type: 'string' },
            // A whole number from 1 (else 400); past the results' last page, 404.
            page: { type: 'integer', minimum: 1 },
          },
        },
      },
    },
    async (request, reply) => {
      const cached = cache.get(resultsKey(request.url));
      if (cached) return sendPage(request, reply, cached);
      const query = request.query as Partial<Record<'q' | 'section' | 'from' | 'to', string>> & { page?: number };
      const page = query.page ?? 1;
      if (page > MAX_SEARCH_PAGE) throw new NotFoundError(`search lists ${MAX_SEARCH_PAGE} pages, not ${page}`);
      const form: SearchForm = {
        q: showable(query.q),
        section: showable(query.section),
        from: showable(query.from),
        to: showable(query.to),
      };
      const sections = await store.sections.list(NAV_QUERY);
      let results: SearchResults | null = null;
      let problem: string | null = null;
      if (form.section && !sections.some((section) => section.slug === form.section)) {
        problem = `There is no section “${form.section}” to search in: choose one from the list.`;
      } else if (form.q.trim()) {
        try {
          results = await store.search.search({
            q: query.q ?? '',
            section: form.section || undefined,
            from: form.from || undefined,
            to: form.to || undefined,
            limit: SEARCH_PAGE_SIZE,
            offset: (page - 1) * SEARCH_PAGE_SIZE,
          });
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          problem = error.message;
        }
      }
      const pageCount = Math.min(MAX_SEARCH_PAGE, Math.max(1, Math.ceil((results?.total ?? 0) / SEARCH_PAGE_SIZE)));
      // A wrong date or section is the reader's to fix (400, below); otherwise a page past the results is none.
      if (!problem && page > pageCount) throw new NotFoundError(`search has ${pageCount} pages, not ${page}`);
      const html = renderDocument(
        <SearchPage
          site={site}
          sections={sections}
          form={form}
          results={results}
          problem={problem}
          page={page}
          pageCount={pageCount}
          firstRank={(page - 1) * SEARCH_PAGE_SIZE + 1}
          listable={MAX_SEARCH_PAGE * SEARCH_PAGE_SIZE}
        />,
      );
      reply.headers(NOT_FOR_INDEXING);
      if (problem) {
        // The reader's request was wrong: say so with the form to fix it, and let nobody keep the answer.
        return reply.code(400).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
      }
      const prepared = withCacheControl(preparePage(html), SEARCH_CACHE_CONTROL);
      cache.set(resultsKey(request.url), prepared);
      return sendPage(request, reply, prepared);
    },
  );
};
