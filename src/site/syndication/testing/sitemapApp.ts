import Fastify, { type FastifyInstance } from 'fastify';
import type { Store } from '../../../store/index.ts';
import { registerErrorPages } from '../../index.ts';
import { createPageCache } from '../../pageCache.ts';
import { sitemapRoutes } from '../../routes/sitemaps.ts';

export const SITE_URL = 'https://news.example';
/** Small pages, so a handful of articles spans several sitemaps. */
export const PAGE_SIZE = 3;

/** The sitemap routes alone over `store`, with pages of PAGE_SIZE and the clock stopped at `now`. */
export async function sitemapApp(store: Store, now: Date): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  registerErrorPages(app, 'CRBC News');
  await app.register(sitemapRoutes, {
    store,
    site: { name: 'CRBC News', url: SITE_URL },
    cache: createPageCache({ enabled: true }),
    pageSize: PAGE_SIZE,
    now: () => now,
  });
  return app;
}
