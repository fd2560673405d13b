import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { isSlug, NotFoundError, type ArticleCard } from '../../domain/index.ts';
import type { CreditedArticles, Store } from '../../store/index.ts';
import { pageCacheKey, sendPage, type PageCache } from '../pageCache.ts';
import { FEED_FORMATS, feedPath, type FeedContent, type FeedFormatInfo, type SyndicationFeed } from '../syndication/feedModel.ts';
import { prepareDocument } from '../syndication/prepareDocument.ts';
import { syndicatedArticles } from '../syndication/syndicatedArticles.ts';
import { writeFeed } from '../syndication/writeFeed.ts';
import { withoutXmlForbidden as clean } from '../syndication/xmlText.ts';
import { authorPath, sourcePath } from '../views/archivePaths.ts';
import { creditHeading, type CreditKind } from '../views/CreditPage.tsx';
import { storyPath } from '../views/MoreOnThisStory.tsx';
import { topicPath } from '../views/TopicPage.tsx';
import type { SiteInfo } from '../views/types.ts';

export interface FeedRoutesOptions {
  store: Store;
  site: SiteInfo;
  cache: PageCache;
  /** FEED_CONTENT: whole articles or summaries in the entries. */
  content: FeedContent;
}

/** Entries in a feed: a day or two of a busy site, as much as readers keep from one poll to the next. */
export const FEED_LENGTH = 30;
/**
 * Feed readers poll every few minutes to hours; five minutes of reuse spares us most polls and still brings a
 * new story to readers well within the time they take to look.
 */
export const FEED_MAX_AGE_SECONDS = 300;
const FEED_CACHE_CONTROL = `public, max-age=${FEED_MAX_AGE_SECONDS}`;
const LANGUAGE = 'en';

/** What a feed follows: the page it belongs to, its name and its newest articles. */
interface FeedScope {
  pagePath: string;
  title: string;
  description: string;
  cards: ArticleCard[];
}

/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the whole site, each section, topic, story, author and source, at
 * the page's path plus rss.xml, atom.xml or feed.json. Built documents share the page cache and ETag/304 handling
 * with pages, keyed by path.
 */
export const feedRoutes: FastifyPluginAsync<FeedRoutesOptions> = async (app, { store, site, cache, content }) => {
  if (cache.enabled) {
    app.addHook('onRequest', (request, reply, done) => {
      const document = request.method === 'GET' ? cache.get(pageCacheKey(request)) : undefined;
      if (!document) return done();
      sendPage(request, reply, document);
    });
  }

  const respond = async (request: FastifyRequest, reply: FastifyReply, format: FeedFormatInfo, scope: FeedScope) => {
    const sections = await store.sections.list();
    const articles = await syndicatedArticles(store, scope.cards, { siteUrl: site.url, content, sections });
    const newest = articles.reduce<string | null>((latest, a) => (latest && latest >= a.updatedAt ? latest : a.updatedAt), null);
    const feed: SyndicationFeed = {
      title: clean(scope.title),
      description: clean(scope.description),
      pageUrl: `${site.url}${scope.pagePath}`,
      feedUrls: {
        rss: `${site.url}${feedPath(scope.pagePath, 'rss')}`,
        atom: `${site.url}${feedPath(scope.pagePath, 'atom')}`,
        json: `${site.url}${feedPath(scope.pagePath, 'json')}`,
      },
      updatedAt: newest ?? new Date().toISOString(),
      language: LANGUAGE,
      publisher: site.name,
      articles,
    };
    const document = prepareDocument(writeFeed(feed, format.format), format.contentType, FEED_CACHE_CONTROL);
    cache.set(pageCacheKey(request), document);
    return sendPage(request, reply, document);
  };

  for (const format of FEED_FORMATS) {
    app.get(`/${format.file}`, async (request, reply) =>
      respond(request, reply, format, {
        pagePath: '/',
        title: site.name,
        description: `The latest news from ${site.name}`,
        cards: await store.articles.listPublished({ limit: FEED_LENGTH, offset: 0 }),
      }),
    );

    app.get(`/:section/${format.file}`, async (request, reply) => {
      const { section: slug } = request.params as { section: string };
      if (!isSlug(slug)) throw new NotFoundError(`no section "${slug}"`);
      const [section, cards] = await Promise.all([
        store.sections.find(slug),
        store.articles.listPublished({ section: slug, limit: FEED_LENGTH, offset: 0 }),
      ]);
      if (!section) throw new NotFoundError(`no section "${slug}"`);
      return respond(request, reply, format, {
        pagePath: `/${section.slug}`,
        title: `${section.name} — ${site.name}`,
        description: `The latest ${section.name} news from ${site.name}`,
        cards,
      });
    });

    app.get(`/topic/:slug/${format.file}`, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      if (!isSlug(slug)) throw new NotFoundError(`no topic "${slug}"`);
      const [topic, ids] = await Promise.all([
        store.enrichments.findEntity(slug),
        store.enrichments.articleIdsForEntity(slug, FEED_LENGTH),
      ]);
      const cards = await store.articles.cardsByIds(ids);
      if (!topic || cards.length === 0) throw new NotFoundError(`no stories about "${slug}"`);
      return respond(request, reply, format, {
        pagePath: topicPath(topic.slug),
        title: `${topic.name} — ${site.name}`,
        description: `Stories about ${topic.name} from ${site.name}`,
        cards,
      });
    });

    app.get(`/story/:id/${format.file}`, async (request, reply) => {
      const { id } = request.params as { id: string };
      if (!isSlug(id)) throw new NotFoundError(`no story "${id}"`);
      const story = await store.stories.find(id);
      if (!story) throw new NotFoundError(`no story "${id}"`);
      // A story that merged into an older one lives on under the older one's address, and so does its feed.
      if (story.id !== id) return reply.redirect(feedPath(storyPath(story.id), format.format), 301);
      const cards = await store.stories.articles(story.id, FEED_LENGTH, 'newest');
      if (cards.length === 0) throw new NotFoundError(`story "${id}" has no published articles`);
      return respond(request, reply, format, {
        pagePath: storyPath(story.id),
        title: `${story.headline} — ${site.name}`,
        description: `Every source on "${story.headline}", newest first, from ${site.name}`,
        cards,
      });
    });

    for (const credit of CREDITS) {
      app.get(`/${credit.kind}/:slug/${format.file}`, async (request, reply) => {
        const { slug } = request.params as { slug: string };
        if (!isSlug(slug)) throw new NotFoundError(`no ${credit.kind} "${slug}"`);
        const credited = await credit.find(store, slug);
        if (!credited) throw new NotFoundError(`no stories credited to ${credit.kind} "${slug}"`);
        const heading = creditHeading(credit.kind, credited.name);
        return respond(request, reply, format, {
          pagePath: credit.path(slug),
          title: `${heading} — ${site.name}`,
          description: `${heading} on ${site.name}, newest first`,
          cards: credited.articles,
        });
      });
    }
  }
};

/** Author and source pages' feeds: the newest of the stories credited to the name, as its page lists them. */
const CREDITS: readonly { kind: CreditKind; path: (slug: string) => string; find: (store: Store, slug: string) => Promise<CreditedArticles | undefined> }[] = [
  { kind: 'author', path: (slug) => authorPath(slug), find: (store, slug) => store.archive.byAuthor(slug, { limit: FEED_LENGTH, offset: 0 }) },
  { kind: 'source', path: (slug) => sourcePath(slug), find: (store, slug) => store.archive.bySource(slug, { limit: FEED_LENGTH, offset: 0 }) },
];
