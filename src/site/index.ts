import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config.ts';
import type { ContentChanges } from '../domain/index.ts';
import type { Store } from '../store/index.ts';
import { createPageCache, type PageCache } from './pageCache.ts';
import { archiveRoutes } from './routes/archive.tsx';
import { assetRoutes } from './routes/assets.ts';
import { mediaRoutes } from './routes/media.ts';
import { feedbackRoutes, type FeedbackLimits } from './routes/feedback.ts';
import { feedRoutes } from './routes/feeds.ts';
import { pageRoutes } from './routes/pages.tsx';
import { SEARCH_CACHE_ENTRIES, searchRoutes } from './routes/search.tsx';
import { sitemapRoutes, SITEMAP_TTL_MS } from './routes/sitemaps.ts';
import { viewRoutes } from './routes/views.ts';
import { Trending } from './trending/trending.ts';
import { siteLimits } from './limits/siteLimits.ts';
import { redisViewTally } from '../store/index.ts';

export { registerErrorPages, statusOf } from './errors.ts';
export { createPageCache, type PageCache } from './pageCache.ts';
// What the newsroom shares with the reader site: the same-origin check for forms, the stylesheet, the renderer.
export { allowedOrigins, isSameOriginPost } from './sameOrigin.ts';
export { STYLESHEET_HREF } from './assets/stylesheet.ts';
export { renderDocument } from './render.ts';
// The newsroom's preview shows an unpublished article with the reader's own page.
export { ArticlePage } from './views/ArticlePage.tsx';
export type { SiteInfo } from './views/types.ts';

export interface SiteOptions {
  store: Store;
  /** Announcements of stored articles (by this process or, through Redis, any other): cached pages are dropped. */
  changes?: ContentChanges;
  /** Tests set small or large limits; the site runs with DEFAULT_FEEDBACK_LIMITS. */
  feedbackLimits?: Partial<FeedbackLimits>;
  config: Pick<Config, 'siteName' | 'siteUrl' | 'pageCache'> & Partial<Pick<Config, 'secret'>> & Partial<Pick<Config, 'feedContent' | 'redisUrl' | 'redisPrefix'>>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The reader site's page cache; call pageCache.clear() after changing articles in this process. */
    pageCache: PageCache;
    /** Views counted for Trending; flush() writes them at once (tests), invalidate() drops the kept ranking. */
    trending: Trending;
  }
}

/**
 * The reader site: home, section fronts, article pages, the stylesheet and placeholder images.
 *
 * The plugin itself is not encapsulated (like fastify-plugin) so that `app.pageCache` is visible to the app
 * that registers it; its routes and the page-cache hook live in child contexts, so the hook never runs for
 * routes other plugins add. Call registerErrorPages on the root app first, so its handlers cover these routes.
 */
const plugin: FastifyPluginAsync<SiteOptions> = async (app, { store, config, feedbackLimits, changes }) => {
  // Search results by query, bounded apart from pages (a flood of distinct queries cannot push pages out), and
  // dropped whenever pages are.
  const searchCache = createPageCache({ enabled: config.pageCache, maxEntries: SEARCH_CACHE_ENTRIES });
  const cache = createPageCache({ enabled: config.pageCache, onClear: () => searchCache.clear() });
  app.decorate('pageCache', cache);
  // Counts shared by every process through Redis when there is one; in the database otherwise.
  const trending = new Trending(config.redisUrl ? redisViewTally(config.redisUrl, `${config.redisPrefix ?? 'newsdesk'}:views`) : store.views, {
    onError: (error, views) => app.log.warn({ err: error, views }, 'trending: views could not be counted and were dropped'),
  });
  app.decorate('trending', trending);
  app.addHook('onClose', () => trending.close());
  const sitemapCache = createPageCache({ enabled: config.pageCache, ttlMs: SITEMAP_TTL_MS });
  // Any stored article may change any list (home, its section, topics, stories): drop every page. Sitemaps are
  // kept minutes (each is a pass over the archive), but an article going on or off the site must show at once.
  const unsubscribe = changes?.subscribe((change) => {
    cache.clear();
    if (change.outcome === 'published' || change.outcome === 'unpublished') {
      sitemapCache.clear();
      trending.invalidate();
    }
  });
  if (unsubscribe) app.addHook('onClose', async () => unsubscribe());
  // The feedback rate limits and the view gate: in the same Redis when there is one, so N processes limit once.
  const limits = siteLimits(config, app.log);
  app.addHook('onClose', () => limits.close());
  const site = { name: config.siteName, url: config.siteUrl.replace(/\/+$/, '') };
  await app.register(assetRoutes, { siteName: config.siteName });
  await app.register(mediaRoutes, { store, site });
  await app.register(searchRoutes, { store, site, cache: searchCache });
  await app.register(viewRoutes, { trending, gate: limits.viewGate(), siteUrl: config.siteUrl });
  await app.register(feedbackRoutes, { store, site, secret: config.secret, limits: feedbackLimits, limiters: limits });
  await app.register(pageRoutes, { store, cache, trending, site });
  await app.register(feedRoutes, { store, cache, site, content: config.feedContent ?? 'summary' });
  await app.register(sitemapRoutes, { store, cache: sitemapCache, site });
  await app.register(archiveRoutes, { store, cache, site });
};

export const sitePlugin: FastifyPluginAsync<SiteOptions> = Object.assign(plugin, {
  [Symbol.for('skip-override')]: true,
  [Symbol.for('fastify.display-name')]: 'newsdesk-site',
});
