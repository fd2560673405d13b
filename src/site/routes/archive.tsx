import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { isSlug, NotFoundError, type ArticleCard } from '../../domain/index.ts';
import type { CreditedArticles, Store } from '../../store/index.ts';
import { archiveDay, archiveMonth } from '../archiveDates.ts';
import { pageCacheKey, preparePage, sendPage, type PageCache, type PageMeta } from '../pageCache.ts';
import { renderDocument } from '../render.ts';
import { ArchiveDayPage, ArchiveMonthPage } from '../views/ArchivePage.tsx';
import { CreditPage, type CreditKind } from '../views/CreditPage.tsx';
import type { SiteInfo } from '../views/types.ts';
import { SECTION_PAGE_SIZE } from './pages.tsx';

export interface ArchiveRoutesOptions {
  store: Store;
  site: SiteInfo;
  cache: PageCache;
}

/** A day's stories on one page: a quiet day fits on one, a busy one takes a few. */
export const ARCHIVE_DAY_PAGE_SIZE = 50;
/**
 * No list has this many pages (two million stories): a deeper page is past the end, answered 404 before any query
 * runs, so no offset that large reaches the database.
 */
const MAX_PAGE = 100_000;

const NAV_QUERY = { onlyWithArticles: true } as const;

/**
 * ?page=N, validated as on section fronts: a page number that is not a whole number from 1 is a 400 before any
 * query; one past the list's end is a 404 (at once beyond MAX_PAGE, see pastAnyEnd).
 */
const PAGED = {
  schema: {
    querystring: {
      type: 'object',
      properties: { page: { type: 'integer', minimum: 1 } },
    },
  },
} as const;

/** Refuses a page no list has, before its queries run. */
function pastAnyEnd(page: number): void {
  if (page > MAX_PAGE) throw new NotFoundError(`no list has ${page} pages`);
}

/**
 * Author pages (/author/<slug>), source pages (/source/<slug>) and the date archive (/archive/<yyyy>/<mm> and
 * /archive/<yyyy>/<mm>/<dd>, UTC). Rendered, cached and revalidated like every other page (see pages.tsx).
 */
export const archiveRoutes: FastifyPluginAsync<ArchiveRoutesOptions> = async (app, { store, site, cache }) => {
  if (cache.enabled) {
    app.addHook('onRequest', (request, reply, done) => {
      const page = request.method === 'GET' ? cache.get(pageCacheKey(request)) : undefined;
      if (!page) return done();
      sendPage(request, reply, page);
    });
  }

  const respond = (request: FastifyRequest, reply: FastifyReply, view: VNode, meta: PageMeta) => {
    const page = preparePage(renderDocument(view), meta);
    cache.set(pageCacheKey(request), page);
    return sendPage(request, reply, page);
  };

  const creditRoute = (kind: CreditKind, find: (slug: string, page: { limit: number; offset: number }) => Promise<CreditedArticles | undefined>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const { slug } = request.params as { slug: string };
      const { page = 1 } = request.query as { page?: number };
      if (!isSlug(slug)) throw new NotFoundError(`no ${kind} "${slug}"`);
      pastAnyEnd(page);
      const [credited, sections] = await Promise.all([
        find(slug, { limit: SECTION_PAGE_SIZE, offset: (page - 1) * SECTION_PAGE_SIZE }),
        store.sections.list(NAV_QUERY),
      ]);
      if (!credited) throw new NotFoundError(`no stories credited to ${kind} "${slug}"`);
      const pageCount = Math.max(1, Math.ceil(credited.total / SECTION_PAGE_SIZE));
      if (page > pageCount) throw new NotFoundError(`${kind} "${slug}" has ${pageCount} pages, not ${page}`);
      return respond(
        request,
        reply,
        <CreditPage site={site} sections={sections} kind={kind} slug={slug} {...credited} page={page} pageCount={pageCount} />,
        { lastModified: newestChange(credited.articles), surrogateKeys: [`${kind}-${slug}`] },
      );
    };

  app.get('/author/:slug', PAGED, creditRoute('author', (slug, page) => store.archive.byAuthor(slug, page)));
  app.get('/source/:slug', PAGED, creditRoute('source', (slug, page) => store.archive.bySource(slug, page)));

  app.get('/archive/:year/:month/:day', PAGED, async (request, reply) => {
    const params = request.params as { year: string; month: string; day: string };
    const { page = 1 } = request.query as { page?: number };
    const found = archiveDay(params.year, params.month, params.day);
    if (!found) throw new NotFoundError(`no day ${params.year}/${params.month}/${params.day} in the calendar`);
    pastAnyEnd(page);
    const [{ total, articles }, around, sections] = await Promise.all([
      store.archive.publishedIn(found.range, { limit: ARCHIVE_DAY_PAGE_SIZE, offset: (page - 1) * ARCHIVE_DAY_PAGE_SIZE }),
      store.archive.around(found.range),
      store.sections.list(NAV_QUERY),
    ]);
    const pageCount = Math.max(1, Math.ceil(total / ARCHIVE_DAY_PAGE_SIZE));
    if (page > pageCount) throw new NotFoundError(`${found.day} has ${pageCount} pages of stories, not ${page}`);
    const neighbours = { before: around.before?.slice(0, 10) ?? null, after: around.after?.slice(0, 10) ?? null };
    return respond(
      request,
      reply,
      <ArchiveDayPage site={site} sections={sections} day={found.day} articles={articles} total={total} page={page} pageCount={pageCount} neighbours={neighbours} />,
      { lastModified: newestChange(articles), surrogateKeys: [`archive-${found.day}`] },
    );
  });

  app.get('/archive/:year/:month', async (request, reply) => {
    const params = request.params as { year: string; month: string };
    const found = archiveMonth(params.year, params.month);
    if (!found) throw new NotFoundError(`no month ${params.year}/${params.month} in the calendar`);
    const [days, around, sections] = await Promise.all([
      store.archive.daysIn(found.range),
      store.archive.around(found.range),
      store.sections.list(NAV_QUERY),
    ]);
    const neighbours = { before: around.before?.slice(0, 7) ?? null, after: around.after?.slice(0, 7) ?? null };
    const lastModified = days.reduce<string | null>((latest, day) => (latest && latest >= day.lastModified ? latest : day.lastModified), null);
    return respond(request, reply, <ArchiveMonthPage site={site} sections={sections} month={found.month} days={days} neighbours={neighbours} />, {
      lastModified,
      surrogateKeys: [`archive-${found.month}`],
    });
  });
};

/** The latest edit among the listed stories: what Last-Modified says of their page. */
function newestChange(articles: readonly ArticleCard[]): string | null {
  return articles.reduce<string | null>((latest, article) => (latest && latest >= article.updatedAt ? latest : article.updatedAt), null);
}
